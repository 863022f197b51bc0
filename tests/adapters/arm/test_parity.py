"""The same Azure resources written in azurerm Terraform and in ARM give the same canonical
attributes (through the real Terraform and ARM parsers and adapters)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govern.adapters.terraform import adapt_terraform
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.terraform.project import scan_terraform
from tests.adapters.arm.scanning import adapt_template
from tests.parsers.arm.helpers import SUBSCRIPTION_SCHEMA, template

RULE = {"priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
        "sourcePortRange": "*", "destinationPortRange": "22", "sourceAddressPrefix": "*",
        "destinationAddressPrefix": "*"}
OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"


def terraform(directory: Path, text: str) -> list[Resource]:
    directory.mkdir()
    (directory / "main.tf").write_text(text)
    parsed = scan_terraform([str(directory)])
    assert parsed.notices == []
    return adapt_terraform(parsed.resources).resources


def arm(directory: Path, body: dict[str, Any]) -> list[Resource]:
    directory.mkdir()
    result, _ = adapt_template(directory, body)
    return result.resources


def in_resource_group(*resources: dict[str, Any]) -> dict[str, Any]:
    """A subscription template deploying `resources` to the resource group rg-data."""
    return template({
        "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
        "name": "data", "resourceGroup": "rg-data",
        "properties": {"mode": "Incremental", "template": template(*resources)}},
        schema=SUBSCRIPTION_SCHEMA)


def test_storage_account(tmp_path: Path) -> None:
    [tf] = terraform(tmp_path / "tf", """
resource "azurerm_storage_account" "data" {
  name                            = "stdata"
  resource_group_name             = "rg-data"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  https_traffic_only_enabled      = false
  min_tls_version                 = "TLS1_1"
  allow_nested_items_to_be_public = true
  public_network_access_enabled   = false
  cross_tenant_replication_enabled = false
  tags = { owner = "platform", cost-center = "cc-1" }
}
""")
    [from_arm] = arm(tmp_path / "arm", in_resource_group({
        "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
        "name": "stdata", "location": "westeurope", "sku": {"name": "Standard_LRS"},
        "kind": "StorageV2", "tags": {"owner": "platform", "cost-center": "cc-1"},
        "properties": {"supportsHttpsTrafficOnly": False, "minimumTlsVersion": "TLS1_1",
                       "allowBlobPublicAccess": True, "publicNetworkAccess": "Disabled",
                       "allowCrossTenantReplication": False}}))
    assert (from_arm.kind, from_arm.attributes) == (tf.kind, tf.attributes)


def test_storage_account_defaults_differ_as_the_platforms_do(tmp_path: Path) -> None:
    [tf] = terraform(tmp_path / "tf", """
resource "azurerm_storage_account" "data" {
  name                     = "stdata"
  resource_group_name      = "rg-data"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
""")
    [from_arm] = arm(tmp_path / "arm", in_resource_group({
        "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
        "name": "stdata", "location": "westeurope", "sku": {"name": "Standard_LRS"},
        "kind": "StorageV2", "properties": {}}))
    defaults = ("https_only", "min_tls_version", "allow_blob_public_access")
    assert {k: tf.attributes[k] for k in defaults} == {
        "https_only": True, "min_tls_version": "TLS1_2", "allow_blob_public_access": True}
    assert {k: from_arm.attributes[k] for k in defaults} == {
        "https_only": True, "min_tls_version": "TLS1_0", "allow_blob_public_access": False}
    same = ("shared_key_access_enabled", "infrastructure_encryption_enabled",
            "public_network_access_enabled", "customer_managed_key_enabled",
            "blob_soft_delete_enabled", "container_soft_delete_enabled")
    assert {k: tf.attributes[k] for k in same} == {k: from_arm.attributes[k] for k in same} == {
        "shared_key_access_enabled": True, "infrastructure_encryption_enabled": False,
        "public_network_access_enabled": True, "customer_managed_key_enabled": False,
        "blob_soft_delete_enabled": False, "container_soft_delete_enabled": False}
    # azurerm's default changed in v4; ARM's is false from apiVersion 2023-01-01
    assert isinstance(tf.attributes["cross_tenant_replication_enabled"], Unknown)
    assert from_arm.attributes["cross_tenant_replication_enabled"] is False
    common = {(k,) for k in defaults + same}
    assert tf.defaulted == common | {("account_kind",)}  # ARM's `kind` is required
    assert from_arm.defaulted == common | {("cross_tenant_replication_enabled",)}


def test_network_security_group_with_inline_and_separate_rules(tmp_path: Path) -> None:
    [tf] = terraform(tmp_path / "tf", """
resource "azurerm_network_security_group" "web" {
  name                = "nsg-web"
  location            = "westeurope"
  resource_group_name = "rg-data"
  tags                = { owner = "platform" }

  security_rule {
    name                       = "ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_security_rule" "rdp" {
  name                        = "rdp"
  priority                    = 110
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = ["3389", "443"]
  source_address_prefixes     = ["10.0.0.0/8", "Internet"]
  destination_address_prefix  = "*"
  description                 = "admin"
  resource_group_name         = "rg-data"
  network_security_group_name = azurerm_network_security_group.web.name
}
""")
    [from_arm] = arm(tmp_path / "arm", in_resource_group(
        {"type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-04-01",
         "name": "nsg-web", "location": "westeurope", "tags": {"owner": "platform"},
         "properties": {"securityRules": [{"name": "ssh", "properties": RULE}]}},
        {"type": "Microsoft.Network/networkSecurityGroups/securityRules",
         "apiVersion": "2023-04-01", "name": "nsg-web/rdp",
         "properties": {"priority": 110, "direction": "Inbound", "access": "Allow",
                        "protocol": "Tcp", "sourcePortRange": "*",
                        "destinationPortRanges": ["3389", "443"],
                        "sourceAddressPrefixes": ["10.0.0.0/8", "Internet"],
                        "destinationAddressPrefix": "*", "description": "admin"}}))
    assert (from_arm.kind, from_arm.attributes) == (tf.kind, tf.attributes)


def test_role_assignment(tmp_path: Path) -> None:
    scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
    [tf] = terraform(tmp_path / "tf", f"""
resource "azurerm_role_assignment" "ops" {{
  scope                = "{scope}"
  role_definition_name = "Owner"
  principal_id         = "11111111-1111-1111-1111-111111111111"
}}
""")
    [from_arm] = arm(tmp_path / "arm", template({
        "type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01",
        "name": "[guid('ops')]", "scope": scope,
        "properties": {
            "roleDefinitionId": f"{scope}/providers/Microsoft.Authorization/roleDefinitions/"
                                f"{OWNER}",
            "principalId": "11111111-1111-1111-1111-111111111111"}}))
    assert tf.attributes == {"scope": scope, "role_definition_name": "Owner",
                             "principal_id": "11111111-1111-1111-1111-111111111111",
                             "scope_level": "subscription"}
    # ARM names the role by its id; the built-in role's name is derived from it
    assert {k: from_arm.attributes[k] for k in tf.attributes} == tf.attributes
    assert from_arm.kind == tf.kind


def test_role_definition(tmp_path: Path) -> None:
    [tf] = terraform(tmp_path / "tf", """
resource "azurerm_role_definition" "ops" {
  name  = "ops"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"

  permissions {
    actions     = ["*"]
    not_actions = ["Microsoft.Authorization/*/Delete"]
  }

  assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]
}
""")
    [from_arm] = arm(tmp_path / "arm", template({
        "type": "Microsoft.Authorization/roleDefinitions", "apiVersion": "2022-04-01",
        "name": "[guid('ops')]",
        "properties": {"roleName": "ops", "type": "customRole",
                       "permissions": [{"actions": ["*"],
                                        "notActions": ["Microsoft.Authorization/*/Delete"]}],
                       "assignableScopes": ["/subscriptions/00000000-0000-0000-0000-000000000000"]
                       }}, schema=SUBSCRIPTION_SCHEMA))
    common = ("name", "scope_level", "permissions", "assignable_scopes")
    assert {k: from_arm.attributes[k] for k in common} == {k: tf.attributes[k] for k in common}
    assert from_arm.kind == tf.kind


def test_sarif_results_for_the_same_storage_account(tmp_path: Path) -> None:
    """Same rule id in SARIF, at the line of the offending value in each file, with the
    format's own address."""
    import json

    from govern.engine.evaluate import evaluate
    from govern.model.finding import ScanReport
    from govern.model.graph import ResourceGraph
    from govern.report import render
    from tests.adapters.arm.scanning import RULES

    tf = terraform(tmp_path / "tf", """
resource "azurerm_storage_account" "data" {
  name                       = "stdata"
  resource_group_name        = "rg-data"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  https_traffic_only_enabled = false
}
""")
    from_arm = arm(tmp_path / "arm", template({
        "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
        "name": "[parameters('name')]", "location": "westeurope",
        "sku": {"name": "Standard_LRS"}, "kind": "StorageV2",
        "properties": {"supportsHttpsTrafficOnly": False, "minimumTlsVersion": "TLS1_2"}},
        parameters={"name": {"type": "string", "defaultValue": "stdata"}}))
    findings = [f for f in evaluate(ResourceGraph([*tf, *from_arm]), RULES, base_dir=str(tmp_path))
                if f.rule_id == "GOV-AZURE-001"]
    report = ScanReport(findings=tuple(findings), rules=tuple(r.meta for r in RULES.rules),
                        notices=(), root=str(tmp_path), tool_version="0")
    results = json.loads(render("sarif", report))["runs"][0]["results"]
    assert sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                   r["locations"][0]["physicalLocation"]["region"]["startLine"],
                   r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"])
                  for r in results) == [
        ("GOV-AZURE-001", "arm/azuredeploy.json", 21, "Microsoft.Storage/storageAccounts/stdata"),
        ("GOV-AZURE-001", "tf/main.tf", 8, "azurerm_storage_account.data")]
