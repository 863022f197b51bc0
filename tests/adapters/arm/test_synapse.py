"""`Microsoft.Synapse/workspaces` -> `azure.synapse.workspace`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govern.model.unknown import Unknown
from tests.adapters.arm.scanning import adapt_template
from tests.parsers.arm.helpers import template

URL = "https://kv.vault.azure.net/keys/synapse"


def workspace(name: str = "synw", **properties: Any) -> dict[str, Any]:
    return {"type": "Microsoft.Synapse/workspaces", "apiVersion": "2021-06-01", "name": name,
            "location": "westeurope", "properties": properties}


def test_defaults_and_written(tmp_path: Path) -> None:
    result, _ = adapt_template(tmp_path, template(
        workspace("a"),
        workspace("b", publicNetworkAccess="Disabled",
                  encryption={"cmk": {"key": {"name": "default", "keyVaultUrl": URL}}})))
    first, second = result.resources
    assert first.kind == "azure.synapse.workspace"
    assert first.attributes["public_network_access_enabled"] is True
    assert "customer_managed_key" not in first.attributes
    assert (second.attributes["public_network_access_enabled"],
            second.attributes["customer_managed_key"]) == (False, URL)


def test_key_with_a_choice_of_objects(tmp_path: Path) -> None:
    document = template(workspace(encryption=(
        "[if(parameters('cmk'), createObject('cmk', createObject('key', "
        f"createObject('name', 'default', 'keyVaultUrl', '{URL}'))), createObject())]")))
    document["parameters"] = {"cmk": {"type": "bool", "allowedValues": [False, True]}}
    result, _ = adapt_template(tmp_path, document)
    [synw] = result.resources
    key = synw.attributes["customer_managed_key"]
    assert isinstance(key, Unknown)
    assert set(key.alternatives or ()) == {None, URL}
