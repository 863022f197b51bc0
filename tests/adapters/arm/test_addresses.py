"""ARM addresses carry the evaluated resource name (`Microsoft.Storage/storageAccounts/
storageacct1`, not `[variables('name')]`), the name as written only where it is not known
statically; end to end, in the JSON, SARIF and text reports (issue 11)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import jsonschema
from click.testing import CliRunner

from govern.cli import cli
from govern.rule_tests import check_fixture
from tests.conftest import REPO
from tests.parsers.arm.helpers import by_address, parse, template

SCHEMA = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
STORAGE = "Microsoft.Storage/storageAccounts"
NSG = "Microsoft.Network/networkSecurityGroups"
DEPLOYMENTS = "Microsoft.Resources/deployments"
HTTP = "GOV-AZURE-001"  # storage account accepts plain HTTP


def account(name: str, **extra: Any) -> dict[str, Any]:
    """A storage account that fails GOV-AZURE-001 (and nothing about its name)."""
    return {"type": STORAGE, "apiVersion": "2023-01-01", "name": name, "location": "westeurope",
            "kind": "StorageV2", "sku": {"name": "Standard_LRS"},
            "properties": {"supportsHttpsTrafficOnly": False}, **extra}


TEMPLATE = template(
    account("[variables('name')]"),
    account("[parameters('withDefault')]"),
    account("[parameters('fromFile')]"),
    account("[concat(variables('prefix'), 'logs')]"),
    account("[concat('stcopy', copyIndex())]", copy={"name": "copies", "count": 2}),
    account("stsame", copy={"name": "same", "count": 2}),
    account("[parameters('noValue')]"),
    account("[concat('st', uniqueString(resourceGroup().id))]"),
    account("[concat(parameters('noValue'), copyIndex())]", copy={"name": "unknown", "count": 2}),
    account("storageacct1"),  # the same name as the first: a second declaration
    {"type": DEPLOYMENTS, "apiVersion": "2022-09-01", "name": "[concat('deploy-', 'data')]",
     "properties": {"mode": "Incremental", "template": template(
         account("[variables('name')]"))}},
    parameters={"withDefault": {"type": "string", "defaultValue": "stdefault"},
                "fromFile": {"type": "string"}, "noValue": {"type": "string"}},
    variables={"name": "storageacct1", "prefix": "st"})

PARAMETERS = {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/"
                         "deploymentParameters.json#",
              "contentVersion": "1.0.0.0", "parameters": {"fromFile": {"value": "stfromfile"}}}

ADDRESSES = [
    f"{STORAGE}/storageacct1",
    f"{STORAGE}/stdefault",
    f"{STORAGE}/stfromfile",
    f"{STORAGE}/stlogs",
    f"{STORAGE}/stcopy0",
    f"{STORAGE}/stcopy1",
    f"{STORAGE}/stsame[0]",  # instances of one name keep their index
    f"{STORAGE}/stsame[1]",
    f"{STORAGE}/[parameters('noValue')]",
    f"{STORAGE}/[concat('st', uniqueString(resourceGroup().id))]",
    f"{STORAGE}/[concat(parameters('noValue'), copyIndex())][0]",
    f"{STORAGE}/[concat(parameters('noValue'), copyIndex())][1]",
    f"{STORAGE}/storageacct1#2",
    f"{DEPLOYMENTS}/deploy-data/{STORAGE}/storageacct1",
]


def scan(directory: Path, *args: str) -> tuple[int, str]:
    old = os.getcwd()
    os.chdir(directory)  # the scan root: paths in reports are relative to it
    try:
        result = CliRunner().invoke(cli, ["scan", "--no-color", "--fail-on", "none", *args],
                                    catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout


def write_template(directory: Path) -> None:
    (directory / "azuredeploy.json").write_text(json.dumps(TEMPLATE, indent=2))
    (directory / "azuredeploy.parameters.json").write_text(json.dumps(PARAMETERS))


def test_native_addresses_use_evaluated_names(tmp_path: Path) -> None:
    write_template(tmp_path)
    result = parse(tmp_path, TEMPLATE)
    assert [n.address for n in result.resources if n.native_type == STORAGE] == ADDRESSES
    assert len({n.address for n in result.resources}) == len(result.resources)


def test_json_report_names_the_evaluated_resource(tmp_path: Path) -> None:
    write_template(tmp_path)
    code, out = scan(tmp_path, "--format", "json")
    assert code == 0
    findings = [f for f in json.loads(out)["findings"] if f["rule_id"] == HTTP]
    assert sorted(f["resource"]["address"] for f in findings) == sorted(ADDRESSES)
    assert all(f["resource"]["id"].endswith(f"azuredeploy.json:{f['resource']['address']}")
               for f in findings)


def test_sarif_logical_location_is_the_evaluated_address(tmp_path: Path) -> None:
    write_template(tmp_path)
    code, out = scan(tmp_path, "--format", "sarif")
    assert code == 0
    sarif = json.loads(out)
    jsonschema.validate(sarif, SCHEMA)
    results = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == HTTP]
    assert sorted(r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
                  for r in results) == sorted(ADDRESSES)
    fingerprints = [r["partialFingerprints"]["governFingerprint/v1"] for r in results]
    assert len(set(fingerprints)) == len(ADDRESSES)


def test_text_message_names_the_evaluated_resource(tmp_path: Path) -> None:
    write_template(tmp_path)
    code, out = scan(tmp_path)
    assert code == 0
    for name in ("storageacct1", "stfromfile"):  # a finding's first line names it
        assert (f"{HTTP}  {STORAGE}/{name}\n  Storage account accepts requests over "
                f"plain HTTP") in out
    # only the offending lines quoted from the template show the expression
    assert not [line for line in out.splitlines()
                if "[variables('name')]" in line and " │ " not in line]
    assert any("[variables('name')]" in line for line in out.splitlines())


def test_explicit_parameters_file_names_the_resource(tmp_path: Path) -> None:
    (tmp_path / "main.json").write_text(json.dumps(template(
        account("[parameters('fromFile')]"),
        parameters={"fromFile": {"type": "string"}})))
    (tmp_path / "values.json").write_text(json.dumps(PARAMETERS))
    code, out = scan(tmp_path, "--format", "json", "--arm-parameters", "values.json",
                     "main.json")
    assert code == 0
    assert {f["resource"]["address"] for f in json.loads(out)["findings"]} == {
        f"{STORAGE}/stfromfile"}


def test_child_resources_get_their_full_evaluated_name(tmp_path: Path) -> None:
    rule = {"protocol": "Tcp", "sourcePortRange": "*", "destinationPortRange": "22",
            "sourceAddressPrefix": "*", "destinationAddressPrefix": "*", "access": "Allow",
            "priority": 100, "direction": "Inbound"}
    result = parse(tmp_path, template(
        {"type": NSG, "apiVersion": "2023-04-01", "name": "[variables('nsg')]",
         "resources": [
             {"type": "securityRules", "apiVersion": "2023-04-01",
              "name": "[concat('allow-', 'ssh')]", "properties": rule},
             {"type": "securityRules", "apiVersion": "2023-04-01",
              "name": "[parameters('rule')]", "properties": rule}]},
        {"type": NSG, "apiVersion": "2023-04-01", "name": "[parameters('group')]",
         "resources": [{"type": "securityRules", "apiVersion": "2023-04-01", "name": "rdp",
                        "properties": rule}]},
        {"type": f"{NSG}/securityRules", "apiVersion": "2023-04-01",
         "name": "[format('{0}/{1}', variables('nsg'), 'https')]", "properties": rule},
        parameters={"rule": {"type": "string"}, "group": {"type": "string"}},
        variables={"nsg": "nsg1"}))
    natives = by_address(result)
    assert list(natives) == [
        f"{NSG}/nsg1",
        f"{NSG}/securityRules/nsg1/allow-ssh",
        f"{NSG}/securityRules/nsg1/[parameters('rule')]",
        f"{NSG}/[parameters('group')]",
        f"{NSG}/securityRules/[parameters('group')]/rdp",
        f"{NSG}/securityRules/nsg1/https"]
    assert natives[f"{NSG}/securityRules/nsg1/allow-ssh"].references == [f"{NSG}/nsg1"]


def test_children_of_copy_instances_are_distinct(tmp_path: Path) -> None:
    result = parse(tmp_path, template(
        {"type": STORAGE, "apiVersion": "2023-01-01", "name": "[concat('st', copyIndex())]",
         "copy": {"name": "accounts", "count": 2},
         "resources": [{"type": "blobServices", "apiVersion": "2023-01-01",
                        "name": "default"}]}))
    assert [n.address for n in result.resources] == [
        f"{STORAGE}/st0", f"{STORAGE}/blobServices/st0/default",
        f"{STORAGE}/st1", f"{STORAGE}/blobServices/st1/default"]


def test_rule_fixture_expectations_cover_evaluated_names(tmp_path: Path) -> None:
    """`govern rules test`: an expectation on a resource whose name is an expression
    covers its findings (each copy instance too)."""
    directory = tmp_path / "arm"
    directory.mkdir()
    (directory / "azuredeploy.json").write_text(json.dumps(template(
        account("[parameters('name')]", comments=f"ruleid: {HTTP}"),
        account("[concat('st', copyIndex())]", copy={"name": "c", "count": 2},
                comments=f"ruleid: {HTTP}"),
        {**account("[variables('ok')]", comments=f"ok: {HTTP}"),
         "properties": {"supportsHttpsTrafficOnly": True}},
        parameters={"name": {"type": "string", "defaultValue": "stdata"}},
        variables={"ok": "stok"}), indent=2))
    assert [f.render() for f in check_fixture(directory, "arm")] == []
