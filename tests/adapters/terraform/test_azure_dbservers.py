"""PostgreSQL and MySQL flexible servers -> `azure.{postgresql,mysql}.flexible_server`:
`require_secure_transport` from the server configurations folded in, public access from
the attribute or the networking mode; in HCL and in a real plan."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from govern.adapters.terraform import adapt_terraform
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.tfplan import parse_tfplan
from tests.adapters.terraform.azure_helpers import adapt_one
from tests.adapters.terraform.natives import lines, native

SSL = "ssl_enforcement_enabled"
PUBLIC = "public_network_access_enabled"
INTEGRATED = "virtual_network_integrated"
SERVERS = [("azurerm_postgresql_flexible_server", "azure.postgresql.flexible_server"),
           ("azurerm_mysql_flexible_server", "azure.mysql.flexible_server")]


@pytest.mark.parametrize("native_type, kind", SERVERS)
def test_defaults(native_type: str, kind: str) -> None:
    server = adapt_one(f"{native_type}.db", {"name": "db", "resource_group_name": "rg"})
    assert server.kind == kind
    assert server.attributes == {"name": "db", "resource_group_name": "rg", SSL: True,
                                 PUBLIC: True, "geo_redundant_backup_enabled": False,
                                 "create_mode": "Default", INTEGRATED: False, "tags": {}}
    assert server.defaulted == {(SSL,), (PUBLIC,), ("geo_redundant_backup_enabled",),
                                ("create_mode",), (INTEGRATED,)}


@pytest.mark.parametrize("native_type, kind", SERVERS)
@pytest.mark.parametrize("attributes, expected", [
    ({"public_network_access_enabled": False}, False),
    ({"public_network_access_enabled": True, "delegated_subnet_id": "/x/subnets/s"}, True),
    ({"delegated_subnet_id": "/x/subnets/s"}, False),
    ({"delegated_subnet_id": Unknown("known after apply", "azurerm_subnet.s")}, False),
    ({"public_network_access": "Disabled"}, False),
    ({"public_network_access": "Enabled"}, True),
])
def test_public_access(native_type: str, kind: str, attributes: dict[str, Any],
                       expected: bool) -> None:
    assert adapt_one(f"{native_type}.db", attributes).attributes[PUBLIC] is expected


def test_a_subnet_from_a_variable_without_value_may_be_null() -> None:
    server = adapt_one("azurerm_postgresql_flexible_server.db", {
        "delegated_subnet_id": Unknown("variable subnet_id has no value",
                                       origin="var.subnet_id")})
    assert isinstance(server.attributes[PUBLIC], Unknown)


def _configuration(address: str, server: Any, name: Any, value: Any, **kw: Any) -> Any:
    attribute = "server_id" if "postgresql" in address else "server_name"
    return native(address, {"name": name, attribute: server, "value": value}, **kw)


def _adapted(*natives: Any) -> dict[str, Resource]:
    return {r.address: r for r in adapt_terraform(list(natives)).resources}


def test_require_secure_transport_folded_by_reference_and_by_name() -> None:
    found = _adapted(
        native("azurerm_postgresql_flexible_server.pg", {"name": "pg"}),
        _configuration("azurerm_postgresql_flexible_server_configuration.tls",
                       Unknown("after apply", "azurerm_postgresql_flexible_server.pg"),
                       "require_secure_transport", "OFF", line=10, locations={"value": 13}),
        native("azurerm_mysql_flexible_server.my", {"name": "my"}),
        _configuration("azurerm_mysql_flexible_server_configuration.tls", "my",
                       "require_secure_transport", "on", line=20),
        _configuration("azurerm_mysql_flexible_server_configuration.other", "my",
                       "slow_query_log", "off", line=30))
    pg = found["azurerm_postgresql_flexible_server.pg"]
    assert pg.attributes[SSL] is False and (SSL,) not in pg.defaulted
    assert pg.location(SSL) == lines(13)
    assert pg.native == ["azurerm_postgresql_flexible_server.pg",
                         "azurerm_postgresql_flexible_server_configuration.tls"]
    my = found["azurerm_mysql_flexible_server.my"]
    assert my.attributes[SSL] is True and (SSL,) not in my.defaulted
    assert my.native == ["azurerm_mysql_flexible_server.my",
                         "azurerm_mysql_flexible_server_configuration.tls"]


def test_unreadable_values_and_names_are_unknown() -> None:
    found = _adapted(
        native("azurerm_mysql_flexible_server.a", {"name": "a"}),
        _configuration("azurerm_mysql_flexible_server_configuration.a", "a",
                       "require_secure_transport", "maybe"),
        native("azurerm_mysql_flexible_server.b", {"name": "b"}),
        _configuration("azurerm_mysql_flexible_server_configuration.b", "b",
                       Unknown("variable name has no value"), "off"))
    assert isinstance(found["azurerm_mysql_flexible_server.a"].attributes[SSL], Unknown)
    assert isinstance(found["azurerm_mysql_flexible_server.b"].attributes[SSL], Unknown)


def test_configuration_of_a_server_declared_elsewhere() -> None:
    result = adapt_terraform([_configuration(
        "azurerm_postgresql_flexible_server_configuration.tls",
        "/subscriptions/0/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/"
        "flexibleServers/pg", "require_secure_transport", "off")])
    [stand_in] = result.resources
    assert stand_in.external and stand_in.kind == "azure.postgresql.flexible_server"
    assert stand_in.attributes[SSL] is False
    assert [n.code for n in result.notices] == ["external-parent"]


def _resource(type_: str, name: str, values: dict[str, Any]) -> dict[str, Any]:
    return {"address": f"{type_}.{name}", "mode": "managed", "type": type_, "name": name,
            "provider_name": "registry.terraform.io/hashicorp/azurerm", "values": values}


def test_in_a_plan(tmp_path: Path) -> None:
    """A plan of azurerm v3: `public_network_access_enabled`, computed (known after apply)
    and not written, is left out by the plan parser and decided by the networking mode; the
    configuration names its server by a reference the plan's configuration keeps."""
    server = _resource("azurerm_postgresql_flexible_server", "pg", {
        "name": "pg", "resource_group_name": "rg", "delegated_subnet_id": None, "tags": None})
    config = _resource("azurerm_postgresql_flexible_server_configuration", "tls", {
        "name": "require_secure_transport", "value": "off"})
    changes = [{"address": r["address"], "mode": "managed", "type": r["type"],
                "name": r["name"], "provider_name": r["provider_name"],
                "change": {"actions": ["create"], "before": None, "after": r["values"],
                           "after_unknown": unknown}}
               for r, unknown in ((server, {"id": True, "public_network_access_enabled": True}),
                                  (config, {"id": True, "server_id": True}))]
    plan = {
        "format_version": "1.2", "terraform_version": "1.9.8",
        "planned_values": {"root_module": {"resources": [server, config]}},
        "resource_changes": changes,
        "configuration": {
            "provider_config": {"azurerm": {
                "name": "azurerm", "full_name": "registry.terraform.io/hashicorp/azurerm"}},
            "root_module": {"resources": [
                {"address": "azurerm_postgresql_flexible_server.pg", "mode": "managed",
                 "type": "azurerm_postgresql_flexible_server", "name": "pg",
                 "provider_config_key": "azurerm", "expressions": {
                     "name": {"constant_value": "pg"},
                     "resource_group_name": {"constant_value": "rg"}}},
                {"address": "azurerm_postgresql_flexible_server_configuration.tls",
                 "mode": "managed", "type": "azurerm_postgresql_flexible_server_configuration",
                 "name": "tls", "provider_config_key": "azurerm",
                 "expressions": {"name": {"constant_value": "require_secure_transport"},
                                 "value": {"constant_value": "off"},
                                 "server_id": {"references": [
                     "azurerm_postgresql_flexible_server.pg.id",
                     "azurerm_postgresql_flexible_server.pg"]}}}]}}}
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan, indent=2))
    parsed = parse_tfplan([str(path)])
    [pg] = adapt_terraform(parsed.resources).resources
    assert (pg.kind, pg.source_format) == ("azure.postgresql.flexible_server", "tfplan")
    assert pg.attributes[SSL] is False
    assert pg.attributes[PUBLIC] is True and (PUBLIC,) in pg.defaulted
    assert pg.attributes["change"] == {"actions": ["create"]}
