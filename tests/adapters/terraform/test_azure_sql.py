"""`azurerm_mssql_server` -> `azure.sql.server`."""

from __future__ import annotations

import pytest

from tests.adapters.terraform.azure_helpers import adapt_one


def test_defaults() -> None:
    server = adapt_one("azurerm_mssql_server.s", {"name": "sql", "resource_group_name": "rg"})
    assert server.kind == "azure.sql.server"
    assert server.attributes == {"name": "sql", "resource_group_name": "rg",
                                 "public_network_access_enabled": True,
                                 "min_tls_version": "1.2", "auditing": {"enabled": False},
                                 "tde_customer_managed_key_enabled": False,
                                 "entra_admin_configured": False, "tags": {}}
    assert server.defaulted == {("public_network_access_enabled",), ("min_tls_version",),
                                ("auditing", "enabled"), ("tde_customer_managed_key_enabled",),
                                ("entra_admin_configured",)}


@pytest.mark.parametrize(("written", "canonical"), [
    ("1.0", "1.0"), ("1.2", "1.2"), (1.2, "1.2"), ("Disabled", "None"), ("disabled", "None"),
])
def test_minimum_tls_version(written: object, canonical: str) -> None:
    server = adapt_one("azurerm_mssql_server.s", {"minimum_tls_version": written,
                                                  "public_network_access_enabled": False})
    assert server.attributes["min_tls_version"] == canonical
    assert server.attributes["public_network_access_enabled"] is False
    assert server.defaulted == {("auditing", "enabled"), ("tde_customer_managed_key_enabled",),
                                ("entra_admin_configured",)}
