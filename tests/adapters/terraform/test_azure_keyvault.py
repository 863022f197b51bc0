"""`azurerm_key_vault` -> `azure.keyvault.vault`."""

from __future__ import annotations

from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one
from tests.adapters.terraform.natives import lines


def test_defaults() -> None:
    vault = adapt_one("azurerm_key_vault.kv", {"name": "kv", "resource_group_name": "rg"})
    assert vault.kind == "azure.keyvault.vault"
    assert vault.attributes == {"name": "kv", "resource_group_name": "rg",
                                "purge_protection_enabled": False,
                                "public_network_access_enabled": True,
                                "rbac_authorization_enabled": False, "tags": {}}
    assert vault.defaulted == {("purge_protection_enabled",),
                               ("public_network_access_enabled",),
                               ("rbac_authorization_enabled",)}
    assert vault.location("purge_protection_enabled") == vault.range


def test_written_values_and_network_acls() -> None:
    vault = adapt_one("azurerm_key_vault.kv", {
        "purge_protection_enabled": True, "soft_delete_retention_days": 90,
        "public_network_access_enabled": False, "tags": {"owner": "sec"},
        "enable_rbac_authorization": True,
        "network_acls": [{"default_action": "Deny", "bypass": "AzureServices",
                          "ip_rules": ["203.0.113.0/24"],
                          "virtual_network_subnet_ids": ["/subnets/a"]}]},
        locations={"network_acls.0.default_action": 7, "purge_protection_enabled": 4})
    assert vault.attributes == {
        "purge_protection_enabled": True, "soft_delete_retention_days": 90,
        "public_network_access_enabled": False, "tags": {"owner": "sec"},
        "rbac_authorization_enabled": True,
        "network_acls": {"default_action": "Deny", "bypass": "AzureServices",
                         "ip_rules": ["203.0.113.0/24"],
                         "virtual_network_subnet_ids": ["/subnets/a"]}}
    assert vault.defaulted == set()
    assert vault.location("network_acls.default_action") == lines(7)
    assert vault.location("purge_protection_enabled") == lines(4)


def test_unknown_network_acls_block() -> None:
    acls = Unknown("a dynamic block over a value known only after apply")
    vault = adapt_one("azurerm_key_vault.kv", {"network_acls": acls})
    assert vault.attributes["network_acls"]["default_action"] is acls
