"""Azure SQL server auditing: `Microsoft.Sql/servers/auditingSettings` and
`Microsoft.Sql/servers/extendedAuditingSettings` (nested in the server, or named
`<server>/default`), folded into their server's `auditing`.

- `enabled` <- `properties.state` (`Enabled`/`Disabled`, any case; required by Azure,
  Unknown when missing); false on a server the template gives no such resource (Azure
  leaves server auditing off, `build_server`);
- `retention_days` <- `properties.retentionDays`; 0 (no limit) when not written.

A setting whose server is not in the template is judged on an external parent.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.building import carry, convert, set_default
from govern.adapters.arm.context import ArmContext
from govern.adapters.arm.mapping import enabled
from govern.adapters.arm.network import split_rule_name
from govern.adapters.arm.reading import MISSING, find
from govern.adapters.arm.sql import MAPPING
from govern.adapters.arm.storage import set_context
from govern.adapters.external import Setup
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "azure.sql.server"
TYPES = ("microsoft.sql/servers/auditingsettings",
         "microsoft.sql/servers/extendedauditingsettings")
ENABLED = ("auditing", "enabled")
RETENTION = ("auditing", "retention_days")


def build_server(native: NativeResource) -> Resource:
    """A server, with auditing off until a setting folded in says otherwise."""
    server = MAPPING.build(native)
    set_default(server, ENABLED, False)
    return server


def server_of(native: NativeResource, ctx: ArmContext) -> Resource | None:
    """The server a child setting (nested, or named `<server>/<name>`) belongs to: the
    template's, else an external parent; None (noted) when it is not known or ambiguous."""
    server_name, _ = split_rule_name(native.attributes.get("name"))
    server = ctx.owner((native.provider or {}).get("parent"))
    if server is None or server.kind != KIND:
        if server_name is MISSING:
            ctx.note(native, "server not known statically (the name is not "
                     "<server>/<setting>)", "fold-target-unknown")
            return None
        found = ctx.named(KIND, server_name)
        if len(found) > 1:
            names = ", ".join(r.address for r in found)
            ctx.note(native, f"server is ambiguous (one of {names})", "fold-target-ambiguous")
            return None
        server = found[0] if found else ctx.external_parent(
            native, KIND, server_name, "server", _setup(native))
    ctx.absorb(native, server)
    return server


def fold_auditing(native: NativeResource, ctx: ArmContext) -> None:
    """Fold an auditing setting into its server."""
    server = server_of(native, ctx)
    if server is None:
        return
    state, written = find(native.attributes, ("properties", "state"))
    server.defaulted.discard(ENABLED)
    if state is MISSING:
        server.set(ENABLED, Unknown("the auditing setting has no state"))
        server.locations[ENABLED] = native.range
    else:
        server.set(ENABLED, convert(state, enabled))
        carry(server, native, written, ENABLED)
    retention, written = find(native.attributes, ("properties", "retentionDays"))
    server.defaulted.discard(RETENTION)
    if retention is MISSING:
        server.set(RETENTION, 0, defaulted=True)
        server.locations[RETENTION] = native.range
    else:
        server.set(RETENTION, retention)
        carry(server, native, written, RETENTION)


def _setup(native: NativeResource) -> Setup:
    def setup(server: Resource, name: Any) -> None:
        server.set(("name",), name)
        set_context(server, native)

    return setup
