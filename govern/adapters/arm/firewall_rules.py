"""IP firewall rules of Azure database servers: `firewallRules` child resources of
`Microsoft.Sql/servers`, `Microsoft.DBforMySQL/servers`, `Microsoft.DBforPostgreSQL/servers`,
`Microsoft.DBforMariaDB/servers` and the MySQL and PostgreSQL `flexibleServers`, folded into
their server's `firewall_rules` (`name`: the last segment of the resource's name;
`start_ip_address` <- `properties.startIpAddress`; `end_ip_address` <-
`properties.endIpAddress`).

A rule nested in its server is folded into it; a top-level one into the server of this
template named by the part of its name before the last `/` (see `ArmContext.named`); one
whose server is not in the template is judged on an external parent holding only its
rules.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.building import carry
from govern.adapters.arm.context import ArmContext
from govern.adapters.arm.network import split_rule_name
from govern.adapters.arm.reading import MISSING, find, located
from govern.adapters.arm.storage import set_context
from govern.adapters.external import Setup
from govern.adapters.terraform.azure_firewall_rules import RULES
from govern.model.resource import Resource
from govern.parsers.native import NativeResource

# the server kind of each firewall rule type
SERVER_KINDS = {
    "microsoft.sql/servers/firewallrules": "azure.sql.server",
    "microsoft.dbformysql/servers/firewallrules": "azure.mysql.server",
    "microsoft.dbforpostgresql/servers/firewallrules": "azure.postgresql.server",
    "microsoft.dbformariadb/servers/firewallrules": "azure.mariadb.server",
    "microsoft.dbformysql/flexibleservers/firewallrules": "azure.mysql.flexible_server",
    "microsoft.dbforpostgresql/flexibleservers/firewallrules":
        "azure.postgresql.flexible_server",
}
_PROPERTIES = (("startIpAddress", "start_ip_address"), ("endIpAddress", "end_ip_address"))


def fold_rule(native: NativeResource, ctx: ArmContext) -> None:
    """Fold a firewallRules resource into its server."""
    kind = SERVER_KINDS[native.native_type.lower()]
    server_name, rule_name = split_rule_name(native.attributes.get("name"))
    server = ctx.owner((native.provider or {}).get("parent"))
    if server is None or server.kind != kind:
        if server_name is MISSING:
            ctx.note(native, "server not known statically (the rule's name is not "
                     "<server>/<rule>)", "fold-target-unknown")
            return
        found = ctx.named(kind, server_name)
        if len(found) > 1:
            names = ", ".join(r.address for r in found)
            ctx.note(native, f"server is ambiguous (one of {names})", "fold-target-ambiguous")
            return
        server = found[0] if found else ctx.external_parent(
            native, kind, server_name, "server", _setup(native))
    ctx.absorb(native, server)
    _append(server, native, rule_name)


def _setup(native: NativeResource) -> Setup:
    def setup(server: Resource, name: Any) -> None:
        server.set(("name",), name)
        set_context(server, native)

    return setup


def _append(server: Resource, native: NativeResource, name: Any) -> None:
    rules = server.attributes.get(RULES)
    if not isinstance(rules, list):
        rules = server.attributes[RULES] = []
    index = len(rules)
    server.locations[(RULES, index)] = native.range
    rule: dict[str, Any] = {}
    if name is not MISSING:
        rule["name"] = name
        name_at = located(native, ("name",))
        if name_at is not None:
            server.locations[(RULES, index, "name")] = name_at
    for arm_name, canonical in _PROPERTIES:
        value, written = find(native.attributes, ("properties", arm_name))
        if value is not MISSING:
            rule[canonical] = value
            carry(server, native, written, (RULES, index, canonical))
    rules.append(rule)
