"""Parameter values: parameter files (explicit, or the sibling `<stem>.parameters.json`),
defaults, Key Vault references."""

from __future__ import annotations

import json
from pathlib import Path

from govern.model.unknown import Unknown
from govern.parsers.arm import parse_arm
from tests.parsers.arm.helpers import template, write

STORAGE = "Microsoft.Storage/storageAccounts"
TEMPLATE = template(
    {"type": STORAGE, "apiVersion": "2023-01-01", "name": "[parameters('name')]",
     "properties": {"minimumTlsVersion": "[parameters('tls')]",
                    "count": "[parameters('count')]", "key": "[parameters('key')]"}},
    parameters={"name": {"type": "string", "defaultValue": "default"},
                "tls": {"type": "string", "defaultValue": "TLS1_0"},
                "count": {"type": "int", "defaultValue": 1},
                "key": {"type": "securestring"}})


def parameters_file(values: dict[str, object]) -> str:
    return json.dumps({
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/"
                   "deploymentParameters.json#",
        "contentVersion": "1.0.0.0", "parameters": values})


def test_sibling_parameters_file(tmp_path: Path) -> None:
    path = write(tmp_path, TEMPLATE)
    sibling = write(tmp_path, parameters_file({
        "name": {"value": "fromfile"}, "count": {"value": "3"}, "tls": {"value": None},
        "key": {"reference": {"keyVault": {"id": "/subscriptions/x"}, "secretName": "k"}}}),
        "azuredeploy.parameters.json")
    result = parse_arm([path])
    assert result.files == [sibling, path]
    [native] = result.resources
    assert native.attributes["name"] == "fromfile"
    assert native.attributes["properties"] == {
        "minimumTlsVersion": "TLS1_0",  # null in the file: the default applies
        "count": 3,  # converted to the declared int
        "key": Unknown("parameter 'key' comes from a Key Vault secret")}


def test_explicit_parameter_files_apply_to_every_template_later_wins(tmp_path: Path) -> None:
    first = write(tmp_path, TEMPLATE, "a.json")
    second = write(tmp_path, TEMPLATE, "b.json")
    write(tmp_path, parameters_file({"name": {"value": "sibling"}}), "a.parameters.json")
    one = write(tmp_path, parameters_file({"name": {"value": "one"}, "tls": {"value": "TLS1_2"}}),
                "one.json")
    two = write(tmp_path, parameters_file({"NAME": {"value": "two"}}), "two.json")
    result = parse_arm([first, second], [one, two])
    assert [(n.root, n.attributes["name"], n.attributes["properties"]["minimumTlsVersion"])
            for n in result.resources] == [(first, "two", "TLS1_2"), (second, "two", "TLS1_2")]


def test_a_parameters_file_that_is_not_one_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, TEMPLATE)
    bad = write(tmp_path, '{"parameters": {"name": {"value": 1},}\n', "bad.json")
    other = write(tmp_path, '{"values": {}}', "other.json")
    result = parse_arm([path], [bad, other])
    assert [(n.level, n.code, n.file, n.line, n.message) for n in result.notices] == [
        ("error", "parse-error", bad, 2, "invalid JSON: unexpected end of file"),
        ("error", "parse-error", other, 1,
         'not an ARM parameters file (no "parameters" object)')]
    assert [n.attributes["name"] for n in result.resources] == ["default"]
