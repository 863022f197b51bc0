"""Azure SQL logical servers (`azurerm_mssql_server`) and managed instances
(`azurerm_mssql_managed_instance`).

Defaults are the provider's (azurerm v3 and v4): for servers `public_network_access_enabled`
true, `minimum_tls_version` `"1.2"` (-> `min_tls_version`); for managed instances
`public_data_endpoint_enabled` (-> `public_network_access_enabled`) false,
`minimum_tls_version` `"1.2"`. azurerm v3's `"Disabled"` (no minimum) is written `"None"`,
as ARM writes it.

A server's `auditing`: an `azurerm_mssql_server_extended_auditing_policy` folded into the
server its `server_id` names (`enabled`, true when not written; `retention_in_days` ->
`retention_days`, 0 when not written), or azurerm v2's inline `extended_auditing_policy`
block (on; its `retention_in_days`); `enabled` false when there is neither (Azure leaves
server auditing off). A policy whose server is not in the configuration is judged on an
external parent.

Databases (`azurerm_mssql_database` -> `azure.sql.database`): `name`, `server_id`,
`tde_enabled` <- `transparent_data_encryption_enabled` (azurerm v3, v4), true when not
written (the provider's default).

`entra_admin_configured`: true when the server has an `azuread_administrator` block
(Unknown for a dynamic block not known statically), false (defaulted) when not; an
`azurerm_sql_active_directory_administrator` (azurerm v2, v3) folded into the server its
`server_name` names in its `resource_group_name` sets it to true. One whose server is not in
the configuration is judged on an external parent.

`tde_customer_managed_key_enabled`: true when the server sets
`transparent_data_encryption_key_vault_key_id`, false (defaulted: a service-managed TDE
protector) when not; an `azurerm_mssql_server_transparent_data_encryption` folded into the
server its `server_id` names replaces it: true when it sets `key_vault_key_id` or
`managed_hsm_key_id`, false when it sets neither (the provider then uses a
service-managed key). A key id not known statically counts as set, as for other
customer-managed keys.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.sql import key_is_set
from govern.adapters.building import carry_locations, field, set_default
from govern.adapters.external import opened
from govern.adapters.reading import MISSING, first_block, value_at, value_in
from govern.adapters.terraform.azure_firewall_rules import server_by_name
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

SERVER = "azure.sql.server"
ENABLED = ("auditing", "enabled")
RETENTION = ("auditing", "retention_days")
TDE_CMK = "tde_customer_managed_key_enabled"
ENTRA_ADMIN = "entra_admin_configured"


def tls_version(value: Any) -> Any:
    """`"1.2"` as written; a number as Terraform would coerce it (`1.2` -> `"1.2"`);
    `"Disabled"` (no minimum) -> `"None"`."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.lower() == "disabled":
        return "None"
    return value


def _finish_server(resource: Resource, native: NativeResource) -> None:
    """The Entra administrator; the TDE key; azurerm v2's inline `extended_auditing_policy`,
    else auditing off."""
    administrator = first_block(native.attributes, "azuread_administrator")
    if administrator is MISSING:
        set_default(resource, ENTRA_ADMIN, False)
    else:
        resource.set((ENTRA_ADMIN,), True if not isinstance(administrator, Unknown)
                     else administrator)
        carry_locations(resource, native, "azuread_administrator", ENTRA_ADMIN)
    key = value_at(native, "transparent_data_encryption_key_vault_key_id")
    if key is MISSING:
        set_default(resource, TDE_CMK, False)
    else:
        resource.set((TDE_CMK,), key_is_set(key))
        carry_locations(resource, native, "transparent_data_encryption_key_vault_key_id",
                        TDE_CMK)
    block = first_block(native.attributes, "extended_auditing_policy")
    if block is MISSING:
        set_default(resource, ENABLED, False)
        return
    resource.set(ENABLED, True if not isinstance(block, Unknown) else block)
    carry_locations(resource, native, "extended_auditing_policy", "auditing")
    if isinstance(block, Unknown):
        return
    retention = value_in(block, "retention_in_days")
    if retention is MISSING:
        set_default(resource, RETENTION, 0)
    else:
        resource.set(RETENTION, retention)
        carry_locations(resource, native, ("extended_auditing_policy", 0, "retention_in_days"),
                        RETENTION)


def fold_auditing_policy(native: NativeResource, ctx: RootContext) -> None:
    """`azurerm_mssql_server_extended_auditing_policy` -> its server's `auditing`."""
    server = ctx.fold_target(native, "server_id", [SERVER], "server", by_name=False,
                             external=(SERVER, "azurerm_mssql_server", opened()))
    if server is None:
        return
    ctx.absorb(native, server)
    for path, name, default in ((ENABLED, "enabled", True),
                                (RETENTION, "retention_in_days", 0)):
        server.defaulted.discard(path)
        value = value_at(native, name)
        if value is MISSING:
            server.set(path, default, defaulted=True)
            server.locations[path] = native.range
        else:
            server.set(path, value)
            carry_locations(server, native, name, path, folded=True)


def fold_transparent_data_encryption(native: NativeResource, ctx: RootContext) -> None:
    """`azurerm_mssql_server_transparent_data_encryption` -> its server's TDE protector."""
    server = ctx.fold_target(native, "server_id", [SERVER], "server", by_name=False,
                             external=(SERVER, "azurerm_mssql_server", opened()))
    if server is None:
        return
    ctx.absorb(native, server)
    server.defaulted.discard((TDE_CMK,))
    keys = {name: value_at(native, name) for name in ("key_vault_key_id",
                                                        "managed_hsm_key_id")}
    named = {name: key_is_set(value) for name, value in keys.items() if value is not MISSING}
    chosen = next((name for name, value in named.items() if value is True), None)
    if chosen is not None:
        server.set((TDE_CMK,), True)
        carry_locations(server, native, chosen, TDE_CMK, folded=True)
        return
    unknown = next((value for value in named.values() if isinstance(value, Unknown)), None)
    server.set((TDE_CMK,), unknown if unknown is not None else False)
    server.locations[(TDE_CMK,)] = native.range


def fold_active_directory_administrator(native: NativeResource, ctx: RootContext) -> None:
    """`azurerm_sql_active_directory_administrator` -> its server's Entra administrator."""
    server = server_by_name(native, ctx, SERVER, "azurerm_mssql_server")
    if server is None:
        return
    ctx.absorb(native, server)
    server.defaulted.discard((ENTRA_ADMIN,))
    server.set((ENTRA_ADMIN,), True)
    server.locations[(ENTRA_ADMIN,)] = native.range


FOLDERS = {"azurerm_mssql_server_extended_auditing_policy": fold_auditing_policy,
           "azurerm_sql_active_directory_administrator": fold_active_directory_administrator,
           "azurerm_mssql_server_transparent_data_encryption":
               fold_transparent_data_encryption}

MAPPINGS = {
    "azurerm_mssql_server": KindMapping(SERVER, (
        field("name"),
        field("resource_group_name"),
        field("public_network_access_enabled", default=True),
        field("min_tls_version", "minimum_tls_version", function=tls_version, default="1.2"),
    ), _finish_server),
    "azurerm_mssql_database": KindMapping("azure.sql.database", (
        field("name"),
        field("server_id"),
        field("tde_enabled", "transparent_data_encryption_enabled", default=True),
    )),
    "azurerm_mssql_managed_instance": KindMapping("azure.sql.managed_instance", (
        field("name"),
        field("resource_group_name"),
        field("public_network_access_enabled", "public_data_endpoint_enabled",
              default=False),
        field("min_tls_version", "minimum_tls_version", function=tls_version, default="1.2"),
    )),
}
