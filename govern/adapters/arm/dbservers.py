"""Azure Database for PostgreSQL and MySQL.

Single servers: `Microsoft.DBforPostgreSQL/servers`, `Microsoft.DBforMySQL/servers`,
`Microsoft.DBforMariaDB/servers`.

- `ssl_enforcement_enabled` <- `sslEnforcement` (`Enabled`/`Disabled`, any case); default
  true (Azure enforces SSL on a server created without the property);
- `public_network_access_enabled` <- `publicNetworkAccess` (`Enabled`/`Disabled`);
  default true (Azure's default when it is not set);
- `min_tls_version` <- `minimalTlsVersion`; default `TLSEnforcementDisabled` (Azure
  enforces no minimum TLS version on a server created without it);
- `geo_redundant_backup_enabled` <- `storageProfile.geoRedundantBackup`, and (MySQL,
  PostgreSQL) `infrastructure_encryption_enabled` <- `infrastructureEncryption`
  (`Enabled`/`Disabled`); default false (Azure's `Disabled`);
- PostgreSQL's `log_checkpoints_enabled`, `log_connections_enabled` and
  `connection_throttling_enabled`: true (Azure's `ON`) until a configuration folded in
  says otherwise (`server_parameters`).

Flexible servers: `Microsoft.DBforPostgreSQL/flexibleServers`,
`Microsoft.DBforMySQL/flexibleServers`.

- `ssl_enforcement_enabled` <- the server parameter `require_secure_transport`: a
  `flexibleServers/configurations` resource named so (nested in the server, or
  `<server>/require_secure_transport`), `properties.value` `ON`/`OFF` (any case), folded
  into its server; default true (Azure's default is `ON`). A configuration whose name is
  not known statically may be this one: Unknown. One whose server is not in the template is
  judged on an external parent;
- `public_network_access_enabled` <- `network.publicNetworkAccess` (`Enabled`/`Disabled`);
  when not written, false for a server integrated in a virtual network
  (`network.delegatedSubnetResourceId`), true otherwise (Azure decides from the
  networking mode); Unknown when that subnet is a parameter without a value (it may be
  empty);
- `virtual_network_integrated`: `network.delegatedSubnetResourceId` set and not empty
  (Unknown for a parameter without a value);
- `geo_redundant_backup_enabled` <- `backup.geoRedundantBackup` (`Enabled`/`Disabled`),
  default false; `create_mode` <- `createMode` (known words in their documented case),
  default `Default`.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.building import carry, convert, set_default
from govern.adapters.arm.context import ArmContext
from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled
from govern.adapters.arm.network import split_rule_name
from govern.adapters.arm.reading import MISSING, find
from govern.adapters.external import input_address
from govern.adapters.terraform.azure_dbservers import enabled_word, on_off
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

SSL = ("ssl_enforcement_enabled",)
PUBLIC = ("public_network_access_enabled",)
INTEGRATED = ("virtual_network_integrated",)
SECURE_TRANSPORT = "require_secure_transport"
POSTGRESQL_CONFIGURATION_TYPE = "microsoft.dbforpostgresql/flexibleservers/configurations"
MYSQL_CONFIGURATION_TYPE = "microsoft.dbformysql/flexibleservers/configurations"


def _postgresql_parameters(resource: Resource, native: NativeResource) -> None:
    """Azure's defaults for the parameters `server_parameters` reads: `ON`."""
    for attribute in ("log_checkpoints_enabled", "log_connections_enabled",
                      "connection_throttling_enabled"):
        set_default(resource, (attribute,), True)


def _server(kind: str, *extra: ArmField) -> ArmMapping:
    return ArmMapping(kind, (
        ArmField("ssl_enforcement_enabled", "properties.sslEnforcement", enabled,
                 default=True),
        ArmField("public_network_access_enabled", "properties.publicNetworkAccess", enabled,
                 default=True),
        ArmField("min_tls_version", "properties.minimalTlsVersion",
                 default="TLSEnforcementDisabled"),
        ArmField("geo_redundant_backup_enabled", "properties.storageProfile.geoRedundantBackup",
                 enabled_word, default=False),
        *extra,
    ), _postgresql_parameters if kind == "azure.postgresql.server" else None)


INFRASTRUCTURE = ArmField("infrastructure_encryption_enabled",
                          "properties.infrastructureEncryption", enabled_word, default=False)
CREATE_MODES = ("Default", "Create", "GeoRestore", "PointInTimeRestore", "Replica",
                "ReviveDropped", "Update")


def _create_mode(value: Any) -> Any:
    """A known `createMode` word in its documented case (ARM reads enums in any case)."""
    if isinstance(value, str):
        for word in CREATE_MODES:
            if word.lower() == value.strip().lower():
                return word
    return value


def _finish_flexible(resource: Resource, native: NativeResource) -> None:
    set_default(resource, SSL, True)
    subnet, written = find(native.attributes,
                           ("properties", "network", "delegatedSubnetResourceId"))
    integrated: Any
    if isinstance(subnet, Unknown) and input_address(subnet) is not None:
        integrated = Unknown(f"delegatedSubnetResourceId may be empty ({subnet.reason})",
                             subnet.ref)
    else:
        integrated = not (subnet is MISSING or subnet is None or subnet == "")
    if subnet is MISSING:
        set_default(resource, INTEGRATED, False)
    else:
        resource.set(INTEGRATED, integrated)
        carry(resource, native, written, INTEGRATED)
    if PUBLIC[0] in resource.attributes:
        return
    if isinstance(integrated, Unknown):
        set_default(resource, PUBLIC, Unknown(
            f"public access depends on whether delegatedSubnetResourceId is set "
            f"({integrated.reason})", integrated.ref))
    else:
        set_default(resource, PUBLIC, not integrated)


def _flexible(kind: str) -> ArmMapping:
    return ArmMapping(kind, (
        ArmField("public_network_access_enabled", "properties.network.publicNetworkAccess",
                 enabled),
        ArmField("geo_redundant_backup_enabled", "properties.backup.geoRedundantBackup",
                 enabled_word, default=False),
        ArmField("create_mode", "properties.createMode", _create_mode, default="Default"),
    ), _finish_flexible)


POSTGRESQL = _server("azure.postgresql.server", INFRASTRUCTURE)
MYSQL = _server("azure.mysql.server", INFRASTRUCTURE)
MARIADB = _server("azure.mariadb.server")
POSTGRESQL_FLEXIBLE = _flexible("azure.postgresql.flexible_server")
MYSQL_FLEXIBLE = _flexible("azure.mysql.flexible_server")


def _fold_configuration(native: NativeResource, ctx: ArmContext, kind: str) -> None:
    """Fold a `require_secure_transport` configuration into its flexible server."""
    server_name, name = split_rule_name(native.attributes.get("name"))
    if isinstance(name, str) and name.strip().lower() != SECURE_TRANSPORT:
        return
    server = ctx.owner((native.provider or {}).get("parent"))
    if server is None or server.kind != kind:
        if server_name is MISSING:
            ctx.note(native, "server not known statically (the name is not "
                     "<server>/<parameter>)", "fold-target-unknown")
            return
        found = ctx.named(kind, server_name)
        if len(found) > 1:
            names = ", ".join(r.address for r in found)
            ctx.note(native, f"server is ambiguous (one of {names})", "fold-target-ambiguous")
            return
        server = found[0] if found else ctx.external_parent(native, kind, server_name,
                                                             "server", _named)
    ctx.absorb(native, server)
    if isinstance(name, Unknown):
        if SSL in server.defaulted:
            server.defaulted.discard(SSL)
            server.set(SSL, Unknown(f"{native.address} may set {SECURE_TRANSPORT}: its "
                                    f"name is not known statically ({name.reason})", name.ref))
            server.locations[SSL] = native.range
        return
    value, written = find(native.attributes, ("properties", "value"))
    server.defaulted.discard(SSL)
    server.set(SSL, Unknown("no value written") if value is MISSING
               else convert(value, on_off))
    server.locations[SSL] = native.range
    carry(server, native, written, SSL)


def _named(server: Resource, name: Any) -> None:
    server.set(("name",), name)


def fold_postgresql_configuration(native: NativeResource, ctx: ArmContext) -> None:
    _fold_configuration(native, ctx, "azure.postgresql.flexible_server")


def fold_mysql_configuration(native: NativeResource, ctx: ArmContext) -> None:
    _fold_configuration(native, ctx, "azure.mysql.flexible_server")
