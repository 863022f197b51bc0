"""Azure SQL logical servers (`azurerm_mssql_server`) and managed instances
(`azurerm_mssql_managed_instance`).

Defaults are the provider's (azurerm v3 and v4): for servers `public_network_access_enabled`
true, `minimum_tls_version` `"1.2"` (-> `min_tls_version`); for managed instances
`public_data_endpoint_enabled` (-> `public_network_access_enabled`) false,
`minimum_tls_version` `"1.2"`. azurerm v3's `"Disabled"` (no minimum) is written `"None"`,
as ARM writes it.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping


def tls_version(value: Any) -> Any:
    """`"1.2"` as written; a number as Terraform would coerce it (`1.2` -> `"1.2"`);
    `"Disabled"` (no minimum) -> `"None"`."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.lower() == "disabled":
        return "None"
    return value


MAPPINGS = {
    "azurerm_mssql_server": KindMapping("azure.sql.server", (
        field("name"),
        field("resource_group_name"),
        field("public_network_access_enabled", default=True),
        field("min_tls_version", "minimum_tls_version", function=tls_version, default="1.2"),
    )),
    "azurerm_mssql_managed_instance": KindMapping("azure.sql.managed_instance", (
        field("name"),
        field("resource_group_name"),
        field("public_network_access_enabled", "public_data_endpoint_enabled",
              default=False),
        field("min_tls_version", "minimum_tls_version", function=tls_version, default="1.2"),
    )),
}
