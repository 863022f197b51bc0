"""Azure Database for PostgreSQL and MySQL single servers: `azurerm_postgresql_server`,
`azurerm_mysql_server` (azurerm v2, v3; retired by Azure and removed in v4).

- `ssl_enforcement_enabled`: v3's required boolean, else v2's `ssl_enforcement`
  (`"Enabled"`/`"Disabled"`, any case); absent when neither is written (the configuration
  is then invalid for the provider);
- `public_network_access_enabled`: default true (the provider's).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping
from govern.model.unknown import Unknown


def enabled_word(value: Any) -> Any:
    """`"Enabled"` -> true, `"Disabled"` -> false (any case); anything else Unknown."""
    if isinstance(value, str) and value.lower() in ("enabled", "disabled"):
        return value.lower() == "enabled"
    return Unknown(f"{value!r} is neither Enabled nor Disabled")


def _ssl_from_word(value: Any) -> Any:
    return value if isinstance(value, bool) else enabled_word(value)


def _server(kind: str) -> KindMapping:
    return KindMapping(kind, (
        field("name"),
        field("resource_group_name"),
        field("ssl_enforcement_enabled", "ssl_enforcement_enabled", "ssl_enforcement",
              function=_ssl_from_word),
        field("public_network_access_enabled", default=True),
    ))


MAPPINGS = {
    "azurerm_postgresql_server": _server("azure.postgresql.server"),
    "azurerm_mysql_server": _server("azure.mysql.server"),
}
