"""`azurerm_role_definition` -> `azure.authorization.role_definition`."""

from __future__ import annotations

from typing import Any

from govern.adapters.terraform import adapt_terraform
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.adapters.terraform.natives import lines, native

SUBSCRIPTION = "/subscriptions/00000000-0000-0000-0000-000000000000"
EMPTY = {"actions": [], "not_actions": [], "data_actions": [], "not_data_actions": []}


def adapt_one(address: str, attributes: dict[str, Any], **kwargs: Any) -> Resource:
    [resource] = adapt_terraform([native(address, attributes, **kwargs)]).resources
    return resource


def test_role_definition_with_its_permissions_and_locations() -> None:
    resource = adapt_one("azurerm_role_definition.ops", {
        "name": "ops", "scope": SUBSCRIPTION, "description": "not modelled",
        "permissions": [{"actions": ["*"], "not_actions": ["Microsoft.Authorization/*/Write"]},
                        {"data_actions": ["Microsoft.Storage/*/read"]}],
        "assignable_scopes": [SUBSCRIPTION],
    }, locations={"scope": 3, "permissions": (5, 12), "permissions.0": (5, 8),
                  "permissions.0.actions": 6, "permissions.1": (9, 12),
                  "assignable_scopes": 14})
    assert resource.kind == "azure.authorization.role_definition"
    assert resource.attributes == {
        "name": "ops", "scope": SUBSCRIPTION, "assignable_scopes": [SUBSCRIPTION],
        "scope_level": "subscription",
        "permissions": [
            {**EMPTY, "actions": ["*"], "not_actions": ["Microsoft.Authorization/*/Write"]},
            {**EMPTY, "data_actions": ["Microsoft.Storage/*/read"]},
        ],
    }
    assert resource.defaulted == set()
    assert resource.location("scope_level") == lines(3)
    assert resource.location("permissions.0.actions") == lines(6)
    # A list that was not written points at its block.
    assert resource.location("permissions.1.actions") == lines(9, 12)
    assert resource.location("assignable_scopes") == lines(14)


def test_role_definition_scope_level_from_what_the_scope_refers_to() -> None:
    by_data = adapt_one("azurerm_role_definition.r", {
        "scope": Unknown("read at plan time", ref="data.azurerm_subscription.current")})
    assert by_data.attributes["scope_level"] == "subscription"
    group = adapt_one("azurerm_role_definition.r", {
        "scope": f"{SUBSCRIPTION}/resourceGroups/rg-app"})
    assert group.attributes["scope_level"] == "resource_group"
    other = Unknown("no value", ref="var.scope")
    assert adapt_one("azurerm_role_definition.r", {"scope": other}).attributes[
        "scope_level"] is other


def test_role_definition_without_permissions_or_assignable_scopes() -> None:
    resource = adapt_one("azurerm_role_definition.r", {"name": "r", "scope": SUBSCRIPTION})
    assert resource.attributes == {"name": "r", "scope": SUBSCRIPTION,
                                   "scope_level": "subscription"}


def test_role_definition_unknown_permissions() -> None:
    dynamic = Unknown("dynamic block over var.permissions")
    assert adapt_one("azurerm_role_definition.r", {"permissions": dynamic}).attributes[
        "permissions"] is dynamic
    actions = Unknown("no value", ref="var.actions")
    element = Unknown("for_each over an unknown collection")
    resource = adapt_one("azurerm_role_definition.r", {
        "permissions": [{"actions": actions}, element, {"actions": "*"}]})
    assert resource.attributes["permissions"] == [
        {**EMPTY, "actions": actions}, element, {**EMPTY, "actions": ["*"]}]
