"""Azure SQL logical servers: `Microsoft.Sql/servers`.

- `public_network_access_enabled` <- `publicNetworkAccess` (`Enabled`/`Disabled`;
  `SecuredByPerimeter` is Unknown); default true (Azure's default when it is not set);
- `min_tls_version` <- `minimalTlsVersion` (`"1.0"` ... `"1.3"`, `"None"`); default
  `"None"`: a server created through the API without it has no minimum and accepts every
  TLS version the platform still offers. azurerm writes `"1.2"` itself, so the same
  omission means something else in the two formats.
"""

from __future__ import annotations

from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled, text

MAPPING = ArmMapping("azure.sql.server", (
    ArmField("public_network_access_enabled", "properties.publicNetworkAccess", enabled,
             default=True),
    ArmField("min_tls_version", "properties.minimalTlsVersion", text, default="None"),
))
