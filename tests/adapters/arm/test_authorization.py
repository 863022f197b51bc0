"""Role assignments and role definitions: roles, scopes and scope levels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govern.adapters.arm.authorization import built_in_role_name, tenant_form
from govern.adapters.arm.reading import MISSING
from govern.adapters.arm.scope import arm_scope_level
from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from govern.parsers.arm.values import UnknownSegment, UnknownString
from tests.adapters.arm.scanning import adapt_template
from tests.parsers.arm.helpers import SUBSCRIPTION_SCHEMA, template

SUBSCRIPTION = UnknownSegment("the id of the subscription the template is deployed to")
GROUP = UnknownSegment("the name of the resource group the template is deployed to")
OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
ROLES = "Microsoft.Authorization/roleDefinitions"


def assignment(role: str, **extra: Any) -> dict[str, Any]:
    return {"type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01",
            "name": "[guid('x')]", **extra,
            "properties": {"roleDefinitionId": role, "principalId": "p-1",
                           "principalType": "Group"}}


def test_assignment_at_the_deployment_scope(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template(assignment(
        f"[subscriptionResourceId('{ROLES}', '{OWNER}')]")))
    [resource] = result.resources
    assert resource.kind == "azure.authorization.role_assignment"
    assert resource.attributes == {
        "scope": UnknownString(("/subscriptions/", SUBSCRIPTION, "/resourceGroups/", GROUP)),
        "scope_level": "resource_group",
        "role_definition_id": f"/providers/{ROLES}/{OWNER}",
        "role_definition_name": "Owner",
        "principal_id": "p-1", "principal_type": "Group"}
    assert resource.location("role_definition_name") == resource.location("role_definition_id")


@pytest.mark.parametrize(("schema", "level"), [
    (SUBSCRIPTION_SCHEMA, "subscription"),
    ("https://schema.management.azure.com/schemas/2019-08-01/"
     "managementGroupDeploymentTemplate.json#", "management_group"),
    ("https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#",
     "tenant"),
])
def test_deployment_scope_level_comes_from_the_schema(tmp_path: Path, schema: str,
                                                      level: str) -> None:
    result, _ = adapt_template(tmp_path, template(assignment(OWNER), schema=schema))
    assert result.resources[0].attributes["scope_level"] == level


@pytest.mark.parametrize(("scope", "level"), [
    ("[subscription().id]", "subscription"),
    ("[resourceGroup().id]", "resource_group"),
    ("[resourceId('Microsoft.Storage/storageAccounts', 'st')]", "resource"),
    ("Microsoft.Storage/storageAccounts/st", "resource"),
    ("[concat('Microsoft.Storage/storageAccounts/', parameters('name'))]", "resource"),
    ("/providers/Microsoft.Management/managementGroups/mg", "management_group"),
    ("/", "tenant"),
    ("[concat('/subscriptions/', parameters('name'))]",
     Unknown("the scope is not known statically (parameter 'name' has no value (no "
             "defaultValue and no value supplied))")),
])
def test_written_scopes(tmp_path: Path, scope: str, level: Any) -> None:
    result, _ = adapt_template(tmp_path, template(
        assignment(OWNER, scope=scope), parameters={"name": {"type": "string"}}))
    assert result.resources[0].attributes["scope_level"] == level


def test_legacy_provider_form_is_scoped_to_the_resource(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template({
        "type": "Microsoft.Storage/storageAccounts/providers/roleAssignments",
        "apiVersion": "2018-09-01-preview", "name": "st/Microsoft.Authorization/a-guid",
        "properties": {"roleDefinitionId": f"/subscriptions/s/providers/{ROLES}/{OWNER}",
                       "principalId": "p"}}))
    [resource] = result.resources
    assert resource.attributes == {
        "scope_level": "resource", "scope": "Microsoft.Storage/storageAccounts/st",
        "role_definition_id": f"/subscriptions/s/providers/{ROLES}/{OWNER}",
        "role_definition_name": "Owner", "principal_id": "p"}


def test_role_names_of_alternatives(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template(
        assignment(f"[subscriptionResourceId('{ROLES}', variables('roles')[parameters('r')])]"),
        parameters={"r": {"type": "string", "allowedValues": ["owner", "custom"]}},
        variables={"roles": {"owner": OWNER, "custom": "11111111-2222-3333-4444-555555555555"}}))
    attributes = result.resources[0].attributes
    reason = "parameter 'r' has no value (no defaultValue and no value supplied)"
    assert attributes["role_definition_id"] == Unknown(reason, None, (
        f"/providers/{ROLES}/{OWNER}",
        f"/providers/{ROLES}/11111111-2222-3333-4444-555555555555"))
    assert attributes["role_definition_name"] == Unknown(reason, None, ("Owner", None))


def test_built_in_role_names_and_tenant_form() -> None:
    assert built_in_role_name("acdd72a7-3c0f-4bb3-8c78-24e3c94b5c6c") == "Reader"
    assert built_in_role_name(f"/x/{ROLES}/18D7D88D-D35E-4FB5-A5C3-7773C2A72D9D") == (
        "User Access Administrator")
    assert built_in_role_name(f"/x/{ROLES}/b24988ac-6180-42a0-ab88-20f7382dd24c") == (
        "Contributor")
    assert built_in_role_name("someone-else") is MISSING
    unknown = Unknown("p")
    assert tenant_form(unknown) is unknown
    assert tenant_form(UnknownString((unknown, "/roles/x"))) == UnknownString(
        (unknown, "/roles/x"))
    assert built_in_role_name(UnknownString((unknown, OWNER))) is MISSING


def test_scope_level_of_partly_unknown_ids() -> None:
    segment = UnknownSegment("s")
    assert arm_scope_level(UnknownString(("/subscriptions/", segment))) == "subscription"
    assert arm_scope_level(UnknownString((
        "/subscriptions/", segment, "/resourceGroups/", segment, "/providers/A.B/c/d"))) == (
        "resource")
    assert arm_scope_level(Unknown("x", None, ("/", "/subscriptions/s"))) == Unknown(
        "x", None, ("tenant", "subscription"))
    assert arm_scope_level(Unknown("x", None, ("/subscriptions/a", "/subscriptions/b"))) == (
        "subscription")


def test_role_definition(tmp_path: Path) -> None:
    result, path = adapt_template(tmp_path, template({
        "type": ROLES, "apiVersion": "2022-04-01", "name": "[guid('ops')]",
        "properties": {"roleName": "ops", "type": "customRole",
                       "permissions": [{"actions": ["*"], "notActions": ["a/delete"]},
                                       {"dataActions": "[parameters('data')]"}],
                       "assignableScopes": ["[subscription().id]"]}},
        schema=SUBSCRIPTION_SCHEMA, parameters={"data": {"type": "array"}}))
    [resource] = result.resources
    assert resource.kind == "azure.authorization.role_definition"
    assert resource.attributes == {
        "name": "ops", "scope": UnknownString(("/subscriptions/", SUBSCRIPTION)),
        "scope_level": "subscription",
        "permissions": [
            {"actions": ["*"], "not_actions": ["a/delete"], "data_actions": [],
             "not_data_actions": []},
            {"actions": [], "not_actions": [], "data_actions": Unknown(
                "parameter 'data' has no value (no defaultValue and no value supplied)"),
             "not_data_actions": []}],
        "assignable_scopes": [UnknownString(("/subscriptions/", SUBSCRIPTION))]}
    assert resource.location("permissions.0.actions") == SourceRange(path, 19, 21)
    assert resource.location("permissions.0.actions.0") == SourceRange(path, 20, 20)
    assert resource.location("permissions.1.data_actions") == SourceRange(path, 27, 27)
