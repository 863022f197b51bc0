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
                                  "access_key_metadata_writes_enabled": True, "tags": {}}
    assert account.defaulted == {("public_network_access_enabled",),
                                 ("is_virtual_network_filter_enabled",),
                                 ("access_key_metadata_writes_enabled",)}


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
                                  "tags": {}}
