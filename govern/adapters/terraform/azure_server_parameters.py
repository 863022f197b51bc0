"""Server parameters of Azure Database for PostgreSQL single servers, from
`azurerm_postgresql_configuration` resources folded into the server their `server_name`
names (in their `resource_group_name`):

- `log_checkpoints` -> `log_checkpoints_enabled`;
- `log_connections` -> `log_connections_enabled`;
- `connection_throttling` -> `connection_throttling_enabled`.

Each `value` is read as `ON`/`OFF` (any case; anything else Unknown). The server's
defaults (set when it is built, `azure_dbservers`) are Azure's: each of them `ON`. A
configuration whose name is not known statically may be any of them: the ones still at
their default become Unknown. A configuration whose server is not in the configuration is
judged on an external parent.
"""

from __future__ import annotations

from govern.adapters.building import carry_locations, set_undecided
from govern.adapters.reading import MISSING, value_at
from govern.adapters.terraform.azure_dbservers import on_off
from govern.adapters.terraform.azure_firewall_rules import server_by_name
from govern.adapters.terraform.context import RootContext
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "azure.postgresql.server"
PARAMETERS = {"log_checkpoints": "log_checkpoints_enabled",
              "log_connections": "log_connections_enabled",
              "connection_throttling": "connection_throttling_enabled"}


def fold_configuration(native: NativeResource, ctx: RootContext) -> None:
    """An `azurerm_postgresql_configuration` -> the attribute its parameter sets."""
    name = value_at(native, "name")
    if name is MISSING or (isinstance(name, str)
                           and name.strip().lower() not in PARAMETERS):
        return
    server = server_by_name(native, ctx, KIND, "azurerm_postgresql_server")
    if server is None:
        return
    ctx.absorb(native, server)
    if isinstance(name, Unknown):
        for attribute in PARAMETERS.values():
            if (attribute,) in server.defaulted:
                set_undecided(server, attribute, Unknown(
                    f"{native.address} may set it: its name is not known statically "
                    f"({name.reason})", name.ref))
                server.locations[(attribute,)] = native.range
        return
    attribute = PARAMETERS[name.strip().lower()]
    value = value_at(native, "value")
    server.defaulted.discard((attribute,))
    server.set((attribute,), Unknown("no value written") if value is MISSING
               else on_off(value))
    server.locations[(attribute,)] = native.range
    carry_locations(server, native, "value", attribute, folded=True)


FOLDERS = {"azurerm_postgresql_configuration": fold_configuration}
