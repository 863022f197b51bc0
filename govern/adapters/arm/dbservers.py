"""Azure Database for PostgreSQL and MySQL single servers:
`Microsoft.DBforPostgreSQL/servers`, `Microsoft.DBforMySQL/servers`.

- `ssl_enforcement_enabled` <- `sslEnforcement` (`Enabled`/`Disabled`, any case); default
  true (Azure enforces SSL on a server created without the property);
- `public_network_access_enabled` <- `publicNetworkAccess` (`Enabled`/`Disabled`);
  default true (Azure's default when it is not set).
"""

from __future__ import annotations

from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled


def _server(kind: str) -> ArmMapping:
    return ArmMapping(kind, (
        ArmField("ssl_enforcement_enabled", "properties.sslEnforcement", enabled,
                 default=True),
        ArmField("public_network_access_enabled", "properties.publicNetworkAccess", enabled,
                 default=True),
    ))


POSTGRESQL = _server("azure.postgresql.server")
MYSQL = _server("azure.mysql.server")
