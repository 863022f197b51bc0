"""IP firewall rules of Azure database servers, folded into their server's
`firewall_rules` (`name`, `start_ip_address`, `end_ip_address`, as written).

- `azurerm_mssql_firewall_rule` (`server_id`) and the older `azurerm_sql_firewall_rule`
  (`server_name`) -> `azure.sql.server`;
- `azurerm_mysql_firewall_rule`, `azurerm_postgresql_firewall_rule`,
  `azurerm_mariadb_firewall_rule` (`server_name`) -> the single server;
- `azurerm_mysql_flexible_server_firewall_rule` (`server_name`) and
  `azurerm_postgresql_flexible_server_firewall_rule` (`server_id`) -> the flexible server.

A rule that names its server by `server_name` names it in its `resource_group_name` (a
server of another resource group with the same name is not it). A rule whose server is not
in the configuration is judged on an external parent that holds only its rules.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations
from govern.adapters.external import opened
from govern.adapters.reading import MISSING, value_at
from govern.adapters.terraform.context import Folder, RootContext
from govern.model.resource import Resource
from govern.parsers.native import NativeResource

RULES = "firewall_rules"
_VALUES = ("name", "start_ip_address", "end_ip_address")


def server_by_name(native: NativeResource, ctx: RootContext, kind: str,
                   native_type: str) -> Resource | None:
    """The server named `server_name` in `resource_group_name`."""
    group = value_at(native, "resource_group_name")

    def same_group(server: Resource) -> bool:
        theirs = server.attributes.get("resource_group_name")
        return not (isinstance(group, str) and isinstance(theirs, str) and group != theirs)

    def setup(server: Resource, name: Any) -> None:
        if isinstance(name, str) and name:
            server.set(("name",), name)
        if group is not MISSING:
            server.set(("resource_group_name",), group)

    name = value_at(native, "server_name")
    address = f"{group}/{name}" if isinstance(name, str) and isinstance(group, str) else name
    return ctx.single(native, name, [kind], "server", keep=same_group,
                      attribute="server_name", external=(kind, native_type, setup),
                      address=address)


def fold_rule(kind: str, native_type: str, attribute: str) -> Folder:
    """The folder of a firewall rule type whose server is `kind` (native `native_type`),
    named by `attribute` (`server_id` or `server_name`)."""

    def fold(native: NativeResource, ctx: RootContext) -> None:
        if attribute == "server_name":
            server = server_by_name(native, ctx, kind, native_type)
        else:
            server = ctx.fold_target(native, attribute, [kind], "server", by_name=False,
                                     external=(kind, native_type, opened()))
        if server is None:
            return
        ctx.absorb(native, server)
        append_rule(server, native)

    return fold


def append_rule(server: Resource, native: NativeResource) -> None:
    """One rule, as written, at the end of the server's `firewall_rules`."""
    rules = server.attributes.get(RULES)
    if not isinstance(rules, list):
        rules = server.attributes[RULES] = []
    index = len(rules)
    server.locations[(RULES, index)] = native.range
    rule: dict[str, Any] = {}
    for name in _VALUES:
        value = value_at(native, name)
        if value is not MISSING:
            rule[name] = value
            carry_locations(server, native, name, (RULES, index, name), folded=True)
    rules.append(rule)


FOLDERS = {
    "azurerm_mssql_firewall_rule": fold_rule(
        "azure.sql.server", "azurerm_mssql_server", "server_id"),
    "azurerm_sql_firewall_rule": fold_rule(
        "azure.sql.server", "azurerm_mssql_server", "server_name"),
    "azurerm_mysql_firewall_rule": fold_rule(
        "azure.mysql.server", "azurerm_mysql_server", "server_name"),
    "azurerm_postgresql_firewall_rule": fold_rule(
        "azure.postgresql.server", "azurerm_postgresql_server", "server_name"),
    "azurerm_mariadb_firewall_rule": fold_rule(
        "azure.mariadb.server", "azurerm_mariadb_server", "server_name"),
    "azurerm_mysql_flexible_server_firewall_rule": fold_rule(
        "azure.mysql.flexible_server", "azurerm_mysql_flexible_server", "server_name"),
    "azurerm_postgresql_flexible_server_firewall_rule": fold_rule(
        "azure.postgresql.flexible_server", "azurerm_postgresql_flexible_server",
        "server_id"),
}
