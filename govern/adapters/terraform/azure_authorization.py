"""Azure RBAC: `azurerm_role_assignment` and `azurerm_role_definition` (custom roles),
with the level of their scope.

`scope_level` comes from the scope id when it is known; when the scope is a reference
whose value is known only after apply, the kind of the referenced object tells the level
(`data.azurerm_subscription.x.id` -> subscription, `azurerm_resource_group.x.id` ->
resource_group, `azurerm_management_group.x.id` -> management_group); any other
reference leaves it Unknown.

A role definition's `permissions` blocks become a list of `{actions, not_actions,
data_actions, not_data_actions}`, the four lists always present (empty when not set); a
`dynamic "permissions"` block over a collection not known statically makes the list (or
its element) Unknown. `assignable_scopes` is kept as written (azurerm uses `[scope]` when
it is not set; no rule depends on that default yet, so it is not written).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.azure_scope import scope_level
from govern.adapters.building import carry_locations, field
from govern.adapters.reading import (
    MISSING,
    blocks_in,
    resource_type_of,
    value_at,
    value_in,
)
from govern.adapters.terraform.mapping import KindMapping
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


_PERMISSION_LISTS = ("actions", "not_actions", "data_actions", "not_data_actions")


def _finish_definition(resource: Resource, native: NativeResource) -> None:
    _finish_assignment(resource, native)
    if value_at(native, "permissions") is MISSING:
        return
    blocks = blocks_in(native.attributes, "permissions")
    permissions: Any = (blocks if isinstance(blocks, Unknown)
                        else [_permission(block) for block in blocks])
    resource.set(("permissions",), permissions)
    carry_locations(resource, native, ("permissions",), ("permissions",))


def _permission(block: Any) -> Any:
    if isinstance(block, Unknown):
        return block
    permission: dict[str, Any] = {}
    for name in _PERMISSION_LISTS:
        value = value_in(block, name)
        permission[name] = ([] if value is MISSING
                            else value if isinstance(value, (list, Unknown)) else [value])
    return permission


MAPPINGS = {
    "azurerm_role_assignment": KindMapping("azure.authorization.role_assignment", (
        field("scope"),
        field("role_definition_name"),
        field("role_definition_id"),
        field("principal_id"),
        field("principal_type"),
    ), _finish_assignment),
    "azurerm_role_definition": KindMapping("azure.authorization.role_definition", (
        field("name"),
        field("scope"),
        field("assignable_scopes"),
    ), _finish_definition),
}
