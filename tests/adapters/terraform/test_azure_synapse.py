"""`azurerm_synapse_workspace` -> `azure.synapse.workspace`."""

from __future__ import annotations

from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one
from tests.adapters.terraform.natives import lines


def test_defaults() -> None:
    workspace = adapt_one("azurerm_synapse_workspace.w", {"name": "synw",
                                                          "resource_group_name": "rg"})
    assert workspace.kind == "azure.synapse.workspace"
    assert workspace.attributes == {"name": "synw", "resource_group_name": "rg",
                                    "public_network_access_enabled": True, "tags": {}}
    assert workspace.defaulted == {("public_network_access_enabled",)}


def test_written_values_and_locations() -> None:
    workspace = adapt_one("azurerm_synapse_workspace.w", {
        "public_network_access_enabled": False,
        "customer_managed_key": [{"key_versionless_id": Unknown("azurerm_key_vault_key.k"),
                                  "key_name": "cmk"}]},
        locations={"customer_managed_key.0.key_versionless_id": 11})
    assert workspace.attributes["public_network_access_enabled"] is False
    assert isinstance(workspace.attributes["customer_managed_key"], Unknown)
    assert workspace.location("customer_managed_key") == lines(11)
