"""Azure database servers in ARM: geo-redundant backups, infrastructure encryption, how a
flexible server is created and whether it is integrated in a virtual network, the Entra
administrator of SQL servers (`sql_administrators`), and private endpoints to them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.adapters.arm.scanning import adapt_template
from tests.adapters.arm.test_extended_kinds import adapt_all
from tests.adapters.arm.test_services import adapt, resource
from tests.parsers.arm.helpers import template

GEO = "geo_redundant_backup_enabled"
INFRASTRUCTURE = "infrastructure_encryption_enabled"
INTEGRATED = "virtual_network_integrated"
ADMIN = "entra_admin_configured"
FLEXIBLE = ["Microsoft.DBforPostgreSQL/flexibleServers", "Microsoft.DBforMySQL/flexibleServers"]
PARAMETERS = {"subnet": {"type": "string"}, "admins": {"type": "object"},
              "target": {"type": "string"}}


def adapt_with_parameters(tmp_path: Path, *bodies: dict[str, Any]) -> dict[str, Resource]:
    """The resources of a template declaring `PARAMETERS` (without values)."""
    result, _ = adapt_template(tmp_path, template(*bodies, parameters=PARAMETERS))
    return {r.address: r for r in result.resources}


@pytest.mark.parametrize("type_", ["Microsoft.DBforPostgreSQL/servers",
                                   "Microsoft.DBforMySQL/servers"])
def test_single_server_backups_and_double_encryption(tmp_path: Path, type_: str) -> None:
    server = adapt(tmp_path, resource(type_, {
        "storageProfile": {"geoRedundantBackup": "enabled"},
        "infrastructureEncryption": "Disabled"}))
    assert (server.attributes[GEO], server.attributes[INFRASTRUCTURE]) == (True, False)
    assert server.defaulted.isdisjoint({(GEO,), (INFRASTRUCTURE,)})
    odd = adapt(tmp_path, resource(type_, {"storageProfile": {"geoRedundantBackup": "Maybe"}}))
    assert isinstance(odd.attributes[GEO], Unknown)


@pytest.mark.parametrize("type_", FLEXIBLE)
def test_flexible_server_defaults(tmp_path: Path, type_: str) -> None:
    server = adapt(tmp_path, resource(type_, {}))
    assert (server.attributes[GEO], server.attributes["create_mode"],
            server.attributes[INTEGRATED]) == (False, "Default", False)
    assert {(GEO,), ("create_mode",), (INTEGRATED,)} <= server.defaulted


@pytest.mark.parametrize("type_", FLEXIBLE)
@pytest.mark.parametrize("written, expected", [
    ("Replica", "Replica"), ("replica", "Replica"), ("POINTINTIMERESTORE", "PointInTimeRestore"),
    ("Something", "Something")])
def test_flexible_server_create_mode(tmp_path: Path, type_: str, written: str,
                                     expected: str) -> None:
    server = adapt(tmp_path, resource(type_, {"createMode": written,
                                              "backup": {"geoRedundantBackup": "Enabled"}}))
    assert (server.attributes["create_mode"], server.attributes[GEO]) == (expected, True)


@pytest.mark.parametrize("type_", FLEXIBLE)
def test_flexible_server_integration(tmp_path: Path, type_: str) -> None:
    found = adapt_with_parameters(
        tmp_path,
        resource(type_, {"network": {"delegatedSubnetResourceId": "/x/subnets/s"}},
                 name="literal"),
        resource(type_, {"network": {"delegatedSubnetResourceId": ""}}, name="empty"),
        resource(type_, {"network": {"delegatedSubnetResourceId": "[parameters('subnet')]"}},
                 name="parameter"))
    assert found[f"{type_}/literal"].attributes[INTEGRATED] is True
    assert found[f"{type_}/empty"].attributes[INTEGRATED] is False
    maybe = found[f"{type_}/parameter"]
    assert isinstance(maybe.attributes[INTEGRATED], Unknown)
    assert isinstance(maybe.attributes["public_network_access_enabled"], Unknown)


ENTRA = {"administratorType": "ActiveDirectory", "login": "dba", "sid": "1111"}


@pytest.mark.parametrize("administrators, expected", [
    (ENTRA, True), ({"administratorType": "ActiveDirectory", "sid": "1111"}, True),
    ({"azureADOnlyAuthentication": True}, False)])
def test_sql_server_administrator_written_on_the_server(
        tmp_path: Path, administrators: dict[str, Any], expected: bool) -> None:
    server = adapt(tmp_path, resource("Microsoft.Sql/servers", {"administrators": administrators}))
    assert server.attributes[ADMIN] is expected and (ADMIN,) not in server.defaulted


def test_sql_server_administrator_from_a_parameter_is_unknown(tmp_path: Path) -> None:
    found = adapt_with_parameters(tmp_path, resource("Microsoft.Sql/servers", {
        "administrators": "[parameters('admins')]"}, name="sql"))
    assert isinstance(found["Microsoft.Sql/servers/sql"].attributes[ADMIN], Unknown)


def test_sql_server_administrator_resources_folded(tmp_path: Path) -> None:
    admins = "Microsoft.Sql/servers/administrators"
    found = adapt_all(
        tmp_path,
        {**resource("Microsoft.Sql/servers", {}, name="nested"), "resources": [
            {"type": "administrators", "apiVersion": "2023-08-01-preview",
             "name": "ActiveDirectory", "properties": ENTRA}]},
        resource("Microsoft.Sql/servers", {}, name="top"),
        {"type": admins, "apiVersion": "2023-08-01-preview", "name": "top/ActiveDirectory",
         "properties": ENTRA},
        resource("Microsoft.Sql/servers", {}, name="none"),
        {"type": admins, "apiVersion": "2023-08-01-preview",
         "name": "elsewhere/ActiveDirectory", "properties": ENTRA})
    for name in ("nested", "top"):
        server = found[f"Microsoft.Sql/servers/{name}"]
        assert server.attributes[ADMIN] is True and (ADMIN,) not in server.defaulted
    assert found["Microsoft.Sql/servers/top"].native == [
        "Microsoft.Sql/servers/top", f"{admins}/top/ActiveDirectory"]
    assert found["Microsoft.Sql/servers/none"].attributes[ADMIN] is False
    elsewhere = found["Microsoft.Sql/servers/elsewhere"]
    assert elsewhere.external and elsewhere.attributes[ADMIN] is True


def _endpoint(name: str, target: str) -> dict[str, Any]:
    return {"type": "Microsoft.Network/privateEndpoints", "apiVersion": "2023-04-01",
            "name": name, "properties": {"privateLinkServiceConnections": [
                {"name": "c", "properties": {"privateLinkServiceId": target,
                                             "groupIds": ["sqlServer"]}}]}}


def test_private_endpoints_to_database_servers(tmp_path: Path) -> None:
    found = adapt_with_parameters(
        tmp_path,
        resource("Microsoft.Sql/servers", {}, name="sql"),
        resource("Microsoft.DBforMySQL/flexibleServers", {}, name="my"),
        resource("Microsoft.DBforMariaDB/servers", {}, name="maria"),
        resource("Microsoft.DBforPostgreSQL/servers", {}, name="pg"),
        _endpoint("pe-sql", "[resourceId('Microsoft.Sql/servers', 'sql')]"),
        _endpoint("pe-my", "[resourceId('Microsoft.DBforMySQL/flexibleServers', 'my')]"),
        _endpoint("pe-maria", "/subscriptions/s/resourceGroups/rg/providers/"
                              "Microsoft.DBforMariaDB/servers/maria"),
        _endpoint("pe-any", "[resourceId('Microsoft.DBforPostgreSQL/servers', "
                            "parameters('target'))]"))
    for address, name in (("Microsoft.Sql/servers/sql", "pe-sql"),
                          ("Microsoft.DBforMySQL/flexibleServers/my", "pe-my"),
                          ("Microsoft.DBforMariaDB/servers/maria", "pe-maria")):
        assert found[address].attributes["private_endpoints"] == [
            {"name": name, "subresources": ["sqlServer"]}]
    [maybe] = found["Microsoft.DBforPostgreSQL/servers/pg"].attributes["private_endpoints"]
    assert isinstance(maybe, Unknown)
