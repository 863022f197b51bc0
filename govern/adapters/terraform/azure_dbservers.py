"""Azure Database for PostgreSQL and MySQL.

Single servers: `azurerm_postgresql_server`, `azurerm_mysql_server`, and
`azurerm_mariadb_server` (azurerm v2, v3; retired by Azure and removed in v4).

- `ssl_enforcement_enabled`: v3's required boolean, else v2's `ssl_enforcement`
  (`"Enabled"`/`"Disabled"`, any case); absent when neither is written (the configuration
  is then invalid for the provider);
- `public_network_access_enabled`: default true (the provider's);
- `min_tls_version` <- `ssl_minimal_tls_version_enforced`; default `TLS1_2` (v3's), or
  `TLSEnforcementDisabled` (v2's) for a configuration written for v2 (it sets
  `ssl_enforcement`, which v3 removed);
- `geo_redundant_backup_enabled` and (MySQL, PostgreSQL) `infrastructure_encryption_enabled`:
  default false (the provider creates the server without them);
- PostgreSQL's `log_checkpoints_enabled`, `log_connections_enabled` and
  `connection_throttling_enabled`: true (Azure's `ON`), until an
  `azurerm_postgresql_configuration` folded in says otherwise
  (`govern.adapters.terraform.azure_server_parameters`).

Flexible servers: `azurerm_postgresql_flexible_server`, `azurerm_mysql_flexible_server`
(v3, v4).

- `ssl_enforcement_enabled`: the server parameter `require_secure_transport`, written by an
  `azurerm_postgresql_flexible_server_configuration` (server by `server_id`) or
  `azurerm_mysql_flexible_server_configuration` (server by `server_name`) named so, folded
  into its server: `value` `on`/`off` (any case). Default true: Azure's default for the
  parameter is `ON`. A configuration whose name is not known statically may be this one:
  Unknown. One whose server is not in the configuration is judged on an external parent.
- `public_network_access_enabled`: the boolean (v4; in v3 the provider only reads it
  back) or MySQL's `public_network_access` (`Enabled`/`Disabled`). When not written Azure
  decides from the networking mode: a server with `delegated_subnet_id` (virtual network
  integration, private access) has no public access; one without has. A
  `delegated_subnet_id` from a variable without a value may be null: Unknown.
- `virtual_network_integrated`: `delegated_subnet_id` set (Unknown for an input that may
  be null);
- `geo_redundant_backup_enabled`: default false; `create_mode`: default `Default`.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import (
    Field,
    carry_locations,
    field,
    set_at,
    set_default,
    set_undecided,
)
from govern.adapters.external import input_address, named, opened
from govern.adapters.reading import MISSING, located, value_at
from govern.adapters.terraform.context import Folder, RootContext
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

SSL = "ssl_enforcement_enabled"
PUBLIC = "public_network_access_enabled"
SECURE_TRANSPORT = "require_secure_transport"
POSTGRESQL_FLEXIBLE = "azure.postgresql.flexible_server"
MYSQL_FLEXIBLE = "azure.mysql.flexible_server"
INTEGRATED = "virtual_network_integrated"
INFRASTRUCTURE = field("infrastructure_encryption_enabled", default=False)


def enabled_word(value: Any) -> Any:
    """`"Enabled"` -> true, `"Disabled"` -> false (any case); anything else Unknown."""
    if isinstance(value, str) and value.lower() in ("enabled", "disabled"):
        return value.lower() == "enabled"
    return Unknown(f"{value!r} is neither Enabled nor Disabled")


def _bool_or_word(value: Any) -> Any:
    return value if isinstance(value, bool) else enabled_word(value)


def on_off(value: Any) -> Any:
    """A server parameter's `ON`/`OFF` (any case) as a boolean; anything else Unknown."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("on", "off"):
        return value.strip().lower() == "on"
    return Unknown(f"{value!r} is neither ON nor OFF")


def _finish_server(resource: Resource, native: NativeResource) -> None:
    written_for_v2 = value_at(native, "ssl_enforcement") is not MISSING
    if written_for_v2 and ("min_tls_version",) in resource.defaulted:
        set_default(resource, "min_tls_version", "TLSEnforcementDisabled")
    if resource.kind == "azure.postgresql.server":  # Azure's server parameter defaults
        for attribute in ("log_checkpoints_enabled", "log_connections_enabled",
                          "connection_throttling_enabled"):
            set_default(resource, attribute, True)


def _server(kind: str, *extra: Field) -> KindMapping:
    return KindMapping(kind, (
        field("name"),
        field("resource_group_name"),
        field(SSL, "ssl_enforcement_enabled", "ssl_enforcement", function=_bool_or_word),
        field(PUBLIC, default=True),
        field("min_tls_version", "ssl_minimal_tls_version_enforced", default="TLS1_2"),
        field("geo_redundant_backup_enabled", default=False),
        *extra,
    ), _finish_server)


def _finish_flexible(resource: Resource, native: NativeResource) -> None:
    """Azure's defaults: `require_secure_transport` ON (a configuration folded in later
    may say otherwise), public access by the networking mode."""
    set_default(resource, SSL, True)
    subnet = value_at(native, "delegated_subnet_id")
    if subnet is MISSING or subnet is None or subnet == "":
        integrated: Any = False
    elif isinstance(subnet, Unknown) and input_address(subnet) is not None:
        integrated = Unknown(f"delegated_subnet_id may be null ({subnet.reason})",
                             subnet.ref)
    else:
        integrated = True
    if subnet is MISSING:
        set_default(resource, INTEGRATED, False)
    else:
        set_at(resource, INTEGRATED, integrated, located(native, "delegated_subnet_id"))
    if PUBLIC in resource.attributes:
        return
    if isinstance(integrated, Unknown):
        set_default(resource, PUBLIC, Unknown(
            f"public access depends on whether delegated_subnet_id is set "
            f"({integrated.reason})", integrated.ref))
    else:
        set_default(resource, PUBLIC, not integrated)


def _flexible(kind: str) -> KindMapping:
    return KindMapping(kind, (
        field("name"),
        field("resource_group_name"),
        field(PUBLIC, "public_network_access_enabled", "public_network_access",
              function=_bool_or_word),
        field("geo_redundant_backup_enabled", default=False),
        field("create_mode", default="Default"),
    ), _finish_flexible)


def _fold_configuration(kind: str, native_type: str, attribute: str) -> Folder:
    """Fold a `require_secure_transport` server configuration into its server."""
    by_name = attribute == "server_name"
    setup = named() if by_name else opened()

    def fold(native: NativeResource, ctx: RootContext) -> None:
        name = value_at(native, "name")
        if name is MISSING or (isinstance(name, str)
                               and name.strip().lower() != SECURE_TRANSPORT):
            return
        server = ctx.fold_target(native, attribute, [kind], "server", by_name=by_name,
                                 external=(kind, native_type, setup))
        if server is None:
            return
        ctx.absorb(native, server)
        if isinstance(name, Unknown):
            if (SSL,) in server.defaulted:
                set_undecided(server, SSL, Unknown(
                    f"{native.address} may set {SECURE_TRANSPORT}: its name is not known "
                    f"statically ({name.reason})", name.ref))
                server.locations[(SSL,)] = native.range
            return
        value = value_at(native, "value")
        server.defaulted.discard((SSL,))
        server.set((SSL,), Unknown("no value written") if value is MISSING else on_off(value))
        server.locations[(SSL,)] = native.range
        carry_locations(server, native, "value", SSL, folded=True)

    return fold


MAPPINGS = {
    "azurerm_postgresql_server": _server("azure.postgresql.server", INFRASTRUCTURE),
    "azurerm_mysql_server": _server("azure.mysql.server", INFRASTRUCTURE),
    "azurerm_mariadb_server": _server("azure.mariadb.server"),
    "azurerm_postgresql_flexible_server": _flexible(POSTGRESQL_FLEXIBLE),
    "azurerm_mysql_flexible_server": _flexible(MYSQL_FLEXIBLE),
}

FOLDERS = {
    "azurerm_postgresql_flexible_server_configuration": _fold_configuration(
        POSTGRESQL_FLEXIBLE, "azurerm_postgresql_flexible_server", "server_id"),
    "azurerm_mysql_flexible_server_configuration": _fold_configuration(
        MYSQL_FLEXIBLE, "azurerm_mysql_flexible_server", "server_name"),
}
