"""Templates: parameters, variables, copy loops, conditions, child resources, nested
deployments, addresses, locations and references."""

from __future__ import annotations

from pathlib import Path

from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from govern.parsers.arm.values import UnknownSegment, UnknownString
from tests.parsers.arm.helpers import SUBSCRIPTION_SCHEMA, by_address, parse, template

SUBSCRIPTION = UnknownSegment("the id of the subscription the template is deployed to")
GROUP = UnknownSegment("the name of the resource group the template is deployed to")

STORAGE = "Microsoft.Storage/storageAccounts"
NSG = "Microsoft.Network/networkSecurityGroups"

TEXT = """{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "prefix": { "type": "string", "defaultValue": "st" },
    "tls": { "type": "string" }
  },
  "variables": {
    "name": "[concat(parameters('prefix'), 'data')]"
  },
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2023-01-01",
      "name": "[variables('name')]",
      "location": "[resourceGroup().location]",
      "sku": { "name": "Standard_LRS" },
      "properties": {
        "minimumTlsVersion": "[parameters('tls')]",
        "supportsHttpsTrafficOnly": true
      }
    }
  ]
}
"""


def test_native_resource_with_values_locations_and_context(tmp_path: Path) -> None:
    path = str(tmp_path / "azuredeploy.json")
    result = parse(tmp_path, TEXT)
    assert result.notices == []
    assert result.files == [path]
    [native] = result.resources
    assert native.format == "arm"
    assert native.native_type == STORAGE
    assert native.address == f"{STORAGE}/stdata"  # the evaluated name
    assert native.root == path
    assert native.range == SourceRange(path, 12, 22)
    assert native.attributes == {
        "type": STORAGE, "apiVersion": "2023-01-01", "name": "stdata",
        "location": Unknown("the location of the resource group the template is deployed to"),
        "sku": {"name": "Standard_LRS"},
        "properties": {
            "minimumTlsVersion": Unknown("parameter 'tls' has no value (no defaultValue and "
                                        "no value supplied)"),
            "supportsHttpsTrafficOnly": True}}
    assert native.locations[("properties", "minimumTlsVersion")] == SourceRange(path, 19, 19)
    assert native.locations[("properties",)] == SourceRange(path, 18, 21)
    assert native.locations[("sku", "name")] == SourceRange(path, 17, 17)
    assert native.provider == {
        "scope_level": "resource_group",
        "scope": UnknownString(("/subscriptions/", SUBSCRIPTION, "/resourceGroups/", GROUP)),
        "subscription_id": SUBSCRIPTION, "resource_group_name": GROUP, "parent": None,
        "symbolic_name": None, "api_profile": None}


def test_copy_loops_make_instances(tmp_path: Path) -> None:
    result = parse(tmp_path, template({
        "type": STORAGE, "apiVersion": "2023-01-01",
        "name": "[concat('st', copyIndex(1))]",
        "copy": {"name": "accounts", "count": "[length(variables('tiers'))]"},
        "properties": {"accessTier": "[variables('tiers')[copyIndex()]]"}},
        variables={"tiers": ["Hot", "Cool"]}))
    assert [(n.address, n.attributes["name"], n.attributes["properties"])
            for n in result.resources] == [
        (f"{STORAGE}/st1", "st1", {"accessTier": "Hot"}),
        (f"{STORAGE}/st2", "st2", {"accessTier": "Cool"})]
    assert "copy" not in result.resources[0].attributes


def test_copy_count_not_known_gives_one_instance_and_a_note(tmp_path: Path) -> None:
    result = parse(tmp_path, template({
        "type": STORAGE, "apiVersion": "2023-01-01", "name": "[concat('st', copyIndex())]",
        "copy": {"name": "accounts", "count": "[parameters('n')]"}},
        parameters={"n": {"type": "int"}}))
    [native] = result.resources
    assert native.address == f"{STORAGE}/[concat('st', copyIndex())]"
    assert native.attributes["name"] == UnknownString(("st", Unknown(
        "the count of copy loop 'accounts' is not known statically (parameter 'n' has no "
        "value (no defaultValue and no value supplied))")))
    assert [(n.level, n.code, n.message) for n in result.notices] == [
        ("note", "unknown-expansion",
         f"{STORAGE}/[concat('st', copyIndex())]: the count of copy loop 'accounts' is not "
         f"known statically (parameter 'n' has no value (no defaultValue and no value "
         f"supplied)); scanned as one instance")]


def test_property_copy_loops(tmp_path: Path) -> None:
    result = parse(tmp_path, template({
        "type": NSG, "apiVersion": "2023-04-01", "name": "nsg",
        "properties": {"copy": [{"name": "securityRules", "count": 2, "input": {
            "name": "[concat('r', copyIndex('securityRules'))]",
            "properties": {"priority": "[add(100, copyIndex('securityRules'))]"}}}]}}))
    [native] = result.resources
    assert native.attributes["properties"] == {"securityRules": [
        {"name": "r0", "properties": {"priority": 100}},
        {"name": "r1", "properties": {"priority": 101}}]}
    assert native.locations[("properties", "securityRules", 1, "properties", "priority")] \
        == native.locations[("properties", "securityRules", 0, "properties", "priority")]


def test_conditions(tmp_path: Path) -> None:
    result = parse(tmp_path, template(
        {"type": STORAGE, "apiVersion": "2023-01-01", "name": "off", "condition": False},
        {"type": STORAGE, "apiVersion": "2023-01-01", "name": "on",
         "condition": "[equals(parameters('env'), 'prod')]"},
        {"type": STORAGE, "apiVersion": "2023-01-01", "name": "maybe",
         "condition": "[parameters('deploy')]"},
        parameters={"env": {"type": "string", "defaultValue": "prod"},
                    "deploy": {"type": "bool"}}))
    assert [n.address for n in result.resources] == [f"{STORAGE}/on", f"{STORAGE}/maybe"]
    assert "condition" not in result.resources[0].attributes
    assert [(n.level, n.code, n.message) for n in result.notices] == [
        ("note", "unknown-condition",
         f"{STORAGE}/maybe: the condition is not known statically (parameter 'deploy' has no "
         f"value (no defaultValue and no value supplied)); scanned as if deployed")]


def test_child_resources_nested_and_named_parent_slash_child(tmp_path: Path) -> None:
    result = parse(tmp_path, template(
        {"type": NSG, "apiVersion": "2023-04-01", "name": "[parameters('nsg')]",
         "resources": [{"type": "securityRules", "apiVersion": "2023-04-01", "name": "ssh",
                        "properties": {"priority": 100}}]},
        {"type": f"{NSG}/securityRules", "apiVersion": "2023-04-01",
         "name": "[concat(parameters('nsg'), '/rdp')]",
         "dependsOn": ["[resourceId('Microsoft.Network/networkSecurityGroups', "
                       "parameters('nsg'))]"]},
        parameters={"nsg": {"type": "string", "defaultValue": "web"}}))
    natives = by_address(result)
    assert list(natives) == [f"{NSG}/web", f"{NSG}/securityRules/web/ssh",
                             f"{NSG}/securityRules/web/rdp"]
    child = natives[f"{NSG}/securityRules/web/ssh"]
    assert child.native_type == f"{NSG}/securityRules"
    assert child.attributes["name"] == "web/ssh"
    assert child.provider is not None and child.provider["parent"] == f"{NSG}/web"
    assert child.references == [f"{NSG}/web"]
    assert "resources" not in natives[f"{NSG}/web"].attributes
    top = natives[f"{NSG}/securityRules/web/rdp"]
    assert top.attributes["name"] == "web/rdp"
    assert top.references == [f"{NSG}/web"]


def test_references_from_depends_on_resource_id_and_reference(tmp_path: Path) -> None:
    vm = "Microsoft.Compute/virtualMachines"
    result = parse(tmp_path, template(
        {"type": STORAGE, "apiVersion": "2023-01-01", "name": "[parameters('st')]"},
        {"type": "Microsoft.Network/networkInterfaces", "apiVersion": "2023-04-01",
         "name": "nic", "copy": {"name": "nics", "count": 2}},
        {"type": vm, "apiVersion": "2023-03-01", "name": "vm",
         "dependsOn": ["nics"],
         "properties": {"diagnosticsProfile": {"bootDiagnostics": {
             "storageUri": "[reference(resourceId('Microsoft.Storage/storageAccounts', "
                           "parameters('st'))).primaryEndpoints.blob]"}}}},
        parameters={"st": {"type": "string"}}))
    natives = by_address(result)
    assert natives[f"{vm}/vm"].references == [
        "Microsoft.Network/networkInterfaces/nic[0]",
        "Microsoft.Network/networkInterfaces/nic[1]",
        f"{STORAGE}/[parameters('st')]"]
    blob = natives[f"{vm}/vm"].attributes["properties"]["diagnosticsProfile"][
        "bootDiagnostics"]["storageUri"]
    assert blob.ref == f"{STORAGE}/[parameters('st')]"


def test_inline_nested_deployments_inner_and_outer_scope(tmp_path: Path) -> None:
    inner_template = template({
        "type": STORAGE, "apiVersion": "2023-01-01", "name": "[parameters('name')]",
        "properties": {"minimumTlsVersion": "[parameters('tls')]",
                       "accessTier": "[resourceGroup().name]"}},
        parameters={"name": {"type": "string"}, "tls": {"type": "string",
                                                        "defaultValue": "TLS1_0"}})
    outer_template = template({
        "type": STORAGE, "apiVersion": "2023-01-01", "name": "[variables('outerName')]",
        "properties": {"accessTier": "[resourceGroup().name]"}})
    result = parse(tmp_path, template(
        {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
         "name": "inner", "resourceGroup": "rg-data",
         "properties": {"mode": "Incremental",
                        "expressionEvaluationOptions": {"scope": "inner"},
                        "parameters": {"name": {"value": "[variables('outerName')]"},
                                       "tls": {"value": "TLS1_2"}},
                        "template": inner_template}},
        {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
         "name": "outer", "resourceGroup": "rg-other",
         "properties": {"mode": "Incremental", "template": outer_template}},
        {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
         "name": "linked", "properties": {"mode": "Incremental",
                                          "templateLink": {"uri": "https://example.com/t.json"}}},
        variables={"outerName": "stouter"}))
    natives = by_address(result)
    assert list(natives) == [
        "Microsoft.Resources/deployments/inner",
        f"Microsoft.Resources/deployments/inner/{STORAGE}/stouter",
        "Microsoft.Resources/deployments/outer",
        f"Microsoft.Resources/deployments/outer/{STORAGE}/stouter",
        "Microsoft.Resources/deployments/linked"]
    assert "template" not in natives["Microsoft.Resources/deployments/inner"].attributes[
        "properties"]
    inner = natives[f"Microsoft.Resources/deployments/inner/{STORAGE}/stouter"]
    assert inner.attributes["name"] == "stouter"
    assert inner.attributes["properties"] == {"minimumTlsVersion": "TLS1_2",
                                              "accessTier": "rg-data"}
    assert inner.provider is not None
    assert inner.provider["resource_group_name"] == "rg-data"
    assert inner.provider["scope"] == UnknownString(
        ("/subscriptions/", SUBSCRIPTION, "/resourceGroups/rg-data"))
    outer = natives[f"Microsoft.Resources/deployments/outer/{STORAGE}/stouter"]
    assert outer.attributes["properties"] == {"accessTier": GROUP}  # the parent's context
    assert outer.provider is not None and outer.provider["resource_group_name"] == "rg-other"
    assert [(n.code, n.message) for n in result.notices] == [
        ("linked-template",
         "Microsoft.Resources/deployments/linked: linked template (templateLink) not scanned")]


def test_deployment_level_from_the_schema(tmp_path: Path) -> None:
    result = parse(tmp_path, template(
        {"type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01",
         "name": "a"}, schema=SUBSCRIPTION_SCHEMA))
    [native] = result.resources
    assert native.provider is not None
    assert native.provider["scope_level"] == "subscription"
    assert native.provider["scope"] == UnknownString(("/subscriptions/", SUBSCRIPTION))


def test_language_version_2_symbolic_names(tmp_path: Path) -> None:
    result = parse(tmp_path, {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/"
                   "deploymentTemplate.json#",
        "languageVersion": "2.0", "contentVersion": "1.0.0.0",
        "resources": {
            "existingVnet": {"type": "Microsoft.Network/virtualNetworks",
                             "apiVersion": "2023-04-01", "name": "vnet", "existing": True},
            "storage": {"type": STORAGE, "apiVersion": "2023-01-01", "name": "st"},
            "lock": {"type": "Microsoft.Authorization/locks", "apiVersion": "2020-05-01",
                     "name": "lock", "scope": "[format('{0}', 'x')]",
                     "dependsOn": ["storage", "existingVnet"],
                     "properties": {"notes": "[reference('storage').primaryEndpoints]"}}}})
    natives = by_address(result)
    assert list(natives) == [f"{STORAGE}/st", "Microsoft.Authorization/locks/lock"]
    lock = natives["Microsoft.Authorization/locks/lock"]
    assert lock.provider is not None and lock.provider["symbolic_name"] == "lock"
    assert lock.references == ["Microsoft.Network/virtualNetworks/vnet", f"{STORAGE}/st"]


def test_repeated_addresses_are_numbered(tmp_path: Path) -> None:
    resource = {"type": STORAGE, "apiVersion": "2023-01-01", "name": "[parameters('n')]",
                "condition": "[parameters('c')]"}
    result = parse(tmp_path, template(resource, resource, parameters={
        "n": {"type": "string", "defaultValue": "st"}, "c": {"type": "bool"}}))
    assert [n.address for n in result.resources] == [f"{STORAGE}/st", f"{STORAGE}/st#2"]


def test_top_level_keys_in_another_case(tmp_path: Path) -> None:
    result = parse(tmp_path, template({"Type": STORAGE, "APIVersion": "2023-01-01",
                                       "Name": "st", "Properties": {"a": 1}}))
    [native] = result.resources
    assert native.attributes == {"type": STORAGE, "apiVersion": "2023-01-01", "name": "st",
                                 "properties": {"a": 1}}
    assert ("properties", "a") in native.locations
