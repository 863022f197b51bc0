"""Server parameters of Azure Database for PostgreSQL single servers:
`Microsoft.DBforPostgreSQL/servers/configurations` resources (nested in the server, or
named `<server>/<parameter>`), folded into their server:

- `log_checkpoints` -> `log_checkpoints_enabled`;
- `log_connections` -> `log_connections_enabled`;
- `connection_throttling` -> `connection_throttling_enabled`.

`properties.value` is read as `ON`/`OFF` (any case; anything else Unknown). The server's
defaults (`dbservers`) are Azure's, `ON`. A configuration whose name is not known
statically may be any of them: those still at their default become Unknown. One whose
server is not in the template is judged on an external parent.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.building import carry, convert
from govern.adapters.arm.context import ArmContext
from govern.adapters.arm.network import split_rule_name
from govern.adapters.arm.reading import MISSING, find
from govern.adapters.arm.storage import set_context
from govern.adapters.external import Setup
from govern.adapters.terraform.azure_dbservers import on_off
from govern.adapters.terraform.azure_server_parameters import KIND, PARAMETERS
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

CONFIGURATION_TYPE = "microsoft.dbforpostgresql/servers/configurations"


def fold_configuration(native: NativeResource, ctx: ArmContext) -> None:
    """Fold a PostgreSQL single server configuration into its server."""
    server_name, name = split_rule_name(native.attributes.get("name"))
    if isinstance(name, str) and name.strip().lower() not in PARAMETERS:
        return
    server = ctx.owner((native.provider or {}).get("parent"))
    if server is None or server.kind != KIND:
        if server_name is MISSING:
            ctx.note(native, "server not known statically (the name is not "
                     "<server>/<parameter>)", "fold-target-unknown")
            return
        found = ctx.named(KIND, server_name)
        if len(found) > 1:
            names = ", ".join(r.address for r in found)
            ctx.note(native, f"server is ambiguous (one of {names})", "fold-target-ambiguous")
            return
        server = found[0] if found else ctx.external_parent(
            native, KIND, server_name, "server", _setup(native))
    ctx.absorb(native, server)
    if isinstance(name, Unknown):
        for attribute in PARAMETERS.values():
            if (attribute,) in server.defaulted:
                server.defaulted.discard((attribute,))
                server.set((attribute,), Unknown(
                    f"{native.address} may set it: its name is not known statically "
                    f"({name.reason})", name.ref))
                server.locations[(attribute,)] = native.range
        return
    path = (PARAMETERS[name.strip().lower()],)
    value, written = find(native.attributes, ("properties", "value"))
    server.defaulted.discard(path)
    server.set(path, Unknown("no value written") if value is MISSING
               else convert(value, on_off))
    server.locations[path] = native.range
    carry(server, native, written, path)


def _setup(native: NativeResource) -> Setup:
    def setup(server: Resource, name: Any) -> None:
        server.set(("name",), name)
        set_context(server, native)

    return setup
