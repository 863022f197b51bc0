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
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field, set_default
from govern.adapters.external import opened
from govern.adapters.reading import MISSING, first_block, value_at, value_in
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

SERVER = "azure.sql.server"
ENABLED = ("auditing", "enabled")
RETENTION = ("auditing", "retention_days")


def tls_version(value: Any) -> Any:
    """`"1.2"` as written; a number as Terraform would coerce it (`1.2` -> `"1.2"`);
    `"Disabled"` (no minimum) -> `"None"`."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.lower() == "disabled":
        return "None"
    return value


def _finish_server(resource: Resource, native: NativeResource) -> None:
    """azurerm v2's inline `extended_auditing_policy`, else auditing off."""
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


FOLDERS = {"azurerm_mssql_server_extended_auditing_policy": fold_auditing_policy}

MAPPINGS = {
    "azurerm_mssql_server": KindMapping(SERVER, (
        field("name"),
        field("resource_group_name"),
        field("public_network_access_enabled", default=True),
        field("min_tls_version", "minimum_tls_version", function=tls_version, default="1.2"),
    ), _finish_server),
    "azurerm_mssql_managed_instance": KindMapping("azure.sql.managed_instance", (
        field("name"),
        field("resource_group_name"),
        field("public_network_access_enabled", "public_data_endpoint_enabled",
              default=False),
        field("min_tls_version", "minimum_tls_version", function=tls_version, default="1.2"),
    )),
}
