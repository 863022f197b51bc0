"""Azure database servers in HCL: geo-redundant backups, infrastructure encryption, how a
flexible server is created and whether it is integrated in a virtual network, and the
Entra administrator of SQL servers (inline, or an
`azurerm_sql_active_directory_administrator` folded in by name and resource group)."""

from __future__ import annotations

from typing import Any

import pytest

from govern.adapters.terraform import adapt_terraform
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one
from tests.adapters.terraform.natives import lines, native

GEO = "geo_redundant_backup_enabled"
INFRASTRUCTURE = "infrastructure_encryption_enabled"
INTEGRATED = "virtual_network_integrated"
ADMIN = "entra_admin_configured"


def adapt(*natives: Any) -> dict[str, Resource]:
    return {r.address: r for r in adapt_terraform(list(natives)).resources}


@pytest.mark.parametrize("native_type", ["azurerm_mysql_server", "azurerm_postgresql_server"])
def test_single_server_defaults_and_values(native_type: str) -> None:
    default = adapt_one(f"{native_type}.db", {"ssl_enforcement_enabled": True})
    assert (default.attributes[GEO], default.attributes[INFRASTRUCTURE]) == (False, False)
    assert {(GEO,), (INFRASTRUCTURE,)} <= default.defaulted
    written = adapt_one(f"{native_type}.db", {GEO: True, INFRASTRUCTURE: True})
    assert (written.attributes[GEO], written.attributes[INFRASTRUCTURE]) == (True, True)


def test_mariadb_has_no_infrastructure_encryption() -> None:
    server = adapt_one("azurerm_mariadb_server.db", {GEO: True})
    assert server.attributes[GEO] is True and INFRASTRUCTURE not in server.attributes


@pytest.mark.parametrize("native_type", ["azurerm_mysql_flexible_server",
                                         "azurerm_postgresql_flexible_server"])
def test_flexible_server_creation_and_integration(native_type: str) -> None:
    replica = adapt_one(f"{native_type}.db", {"create_mode": "Replica", GEO: False})
    assert (replica.attributes["create_mode"], replica.attributes[GEO]) == ("Replica", False)
    assert replica.attributes[INTEGRATED] is False and (INTEGRATED,) in replica.defaulted
    by_reference = adapt_one(f"{native_type}.db", {
        "delegated_subnet_id": Unknown("known after apply", "azurerm_subnet.s")},
        locations={"delegated_subnet_id": 7})
    assert by_reference.attributes[INTEGRATED] is True
    assert by_reference.location(INTEGRATED) == lines(7)
    from_variable = adapt_one(f"{native_type}.db", {
        "delegated_subnet_id": Unknown("variable subnet_id has no value",
                                       origin="var.subnet_id")})
    assert isinstance(from_variable.attributes[INTEGRATED], Unknown)


def test_sql_server_inline_administrator() -> None:
    inline = adapt_one("azurerm_mssql_server.s", {"azuread_administrator": [
        {"login_username": "dba", "object_id": "1111"}]},
        locations={"azuread_administrator": (5, 8)})
    assert inline.attributes[ADMIN] is True and (ADMIN,) not in inline.defaulted
    assert inline.location(ADMIN) == lines(5, 8)
    dynamic = adapt_one("azurerm_mssql_server.s", {
        "azuread_administrator": Unknown("dynamic block over var.admins")})
    assert isinstance(dynamic.attributes[ADMIN], Unknown)


def test_sql_active_directory_administrator_folded_by_name_and_group() -> None:
    def administrator(label: str, server: Any, group: str) -> Any:
        return native(f"azurerm_sql_active_directory_administrator.{label}", {
            "server_name": server, "resource_group_name": group, "login": "dba",
            "object_id": "1111", "tenant_id": "0000"})

    resources = adapt(
        native("azurerm_mssql_server.a", {"name": "sql-a", "resource_group_name": "rg"}),
        native("azurerm_mssql_server.b", {"name": "sql-b", "resource_group_name": "rg"}),
        administrator("a", Unknown("known after apply", "azurerm_mssql_server.a"), "rg"),
        administrator("b", "sql-b", "rg-other"))
    a = resources["azurerm_mssql_server.a"]
    assert a.attributes[ADMIN] is True and (ADMIN,) not in a.defaulted
    assert "azurerm_sql_active_directory_administrator.a" in a.native
    assert resources["azurerm_mssql_server.b"].attributes[ADMIN] is False
    [stand_in] = [r for r in resources.values() if r.external]
    assert stand_in.attributes[ADMIN] is True
