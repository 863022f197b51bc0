"""`azurerm_cosmosdb_account` -> `azure.cosmosdb.account`."""

from __future__ import annotations

import pytest

from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one


def test_defaults() -> None:
    account = adapt_one("azurerm_cosmosdb_account.c", {"name": "c"})
    assert account.kind == "azure.cosmosdb.account"
    assert account.attributes == {"name": "c", "public_network_access_enabled": True,
                                  "is_virtual_network_filter_enabled": False,
                                  "access_key_metadata_writes_enabled": True,
                                  "kind": "GlobalDocumentDB", "local_auth_enabled": True,
                                  "tags": {}}
    assert account.defaulted == {("public_network_access_enabled",),
                                 ("is_virtual_network_filter_enabled",),
                                 ("access_key_metadata_writes_enabled",), ("kind",),
                                 ("local_auth_enabled",)}


@pytest.mark.parametrize(("written", "canonical"), [
    ("203.0.113.0/24, 198.51.100.7", ["203.0.113.0/24", "198.51.100.7"]),  # azurerm v3
    ("", []),
    (["203.0.113.0/24"], ["203.0.113.0/24"]),  # azurerm v4
])
def test_ip_range_filter(written: object, canonical: list[str]) -> None:
    account = adapt_one("azurerm_cosmosdb_account.c", {"ip_range_filter": written})
    assert account.attributes["ip_range_filter"] == canonical


def test_virtual_network_rules_and_flags() -> None:
    block = Unknown("a dynamic block")
    account = adapt_one("azurerm_cosmosdb_account.c", {
        "is_virtual_network_filter_enabled": True, "public_network_access_enabled": False,
        "access_key_metadata_writes_enabled": False,
        "virtual_network_rule": [{"id": "/subnets/a"}, block]})
    assert account.attributes == {"is_virtual_network_filter_enabled": True,
                                  "public_network_access_enabled": False,
                                  "access_key_metadata_writes_enabled": False,
                                  "virtual_network_rules": ["/subnets/a", block],
                                  "kind": "GlobalDocumentDB", "local_auth_enabled": True,
                                  "tags": {}}


@pytest.mark.parametrize(("written", "enabled"), [
    ({"local_authentication_disabled": True}, False),
    ({"local_authentication_disabled": "false"}, True),
    ({"local_authentication_enabled": False}, False),
])
def test_local_authentication(written: dict[str, object], enabled: bool) -> None:
    account = adapt_one("azurerm_cosmosdb_account.c", written)
    assert account.attributes["local_auth_enabled"] is enabled
    assert ("local_auth_enabled",) not in account.defaulted


@pytest.mark.parametrize("name", ["key_vault_key_id", "managed_hsm_key_id"])
def test_customer_managed_key(name: str) -> None:
    account = adapt_one("azurerm_cosmosdb_account.c", {name: "https://kv/keys/k",
                                                       "kind": "MongoDB"})
    assert account.attributes["customer_managed_key_id"] == "https://kv/keys/k"
    assert account.attributes["kind"] == "MongoDB"
