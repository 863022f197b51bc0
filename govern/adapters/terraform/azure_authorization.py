"""Azure RBAC: `azurerm_role_assignment`, with the level of its scope.

`scope_level` comes from the scope id when it is known; when the scope is a reference
whose value is known only after apply, the kind of the referenced object tells the level
(`data.azurerm_subscription.x.id` -> subscription, `azurerm_resource_group.x.id` ->
resource_group, `azurerm_management_group.x.id` -> management_group); any other
reference leaves it Unknown.
"""

from __future__ import annotations

from govern.adapters.azure_scope import scope_level
from govern.adapters.terraform.building import carry_locations, field
from govern.adapters.terraform.mapping import KindMapping
from govern.adapters.terraform.reading import MISSING, resource_type_of, value_at
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

_LEVEL_OF_REFERENCED = {
    "data.azurerm_subscription": "subscription",
    "azurerm_resource_group": "resource_group",
    "data.azurerm_resource_group": "resource_group",
    "azurerm_management_group": "management_group",
    "data.azurerm_management_group": "management_group",
}


def level_of(scope: object) -> str | Unknown:
    if isinstance(scope, Unknown) and scope.ref is not None:
        level = _LEVEL_OF_REFERENCED.get(resource_type_of(scope.ref))
        return level if level is not None else scope
    return scope_level(scope)


def _finish_assignment(resource: Resource, native: NativeResource) -> None:
    scope = value_at(native, "scope")
    if scope is MISSING:
        return
    resource.set(("scope_level",), level_of(scope))
    carry_locations(resource, native, ("scope",), ("scope_level",))


MAPPINGS = {
    "azurerm_role_assignment": KindMapping("azure.authorization.role_assignment", (
        field("scope"),
        field("role_definition_name"),
        field("role_definition_id"),
        field("principal_id"),
        field("principal_type"),
    ), _finish_assignment),
}
