"""Azure SQL logical servers (`Microsoft.Sql/servers`) and managed instances
(`Microsoft.Sql/managedInstances`).

Servers:

- `public_network_access_enabled` <- `publicNetworkAccess` (`Enabled`/`Disabled`;
  `SecuredByPerimeter` is Unknown); default true (Azure's default when it is not set);
- `min_tls_version` <- `minimalTlsVersion` (`"1.0"` ... `"1.3"`, `"None"`); default
  `"None"`: a server created through the API without it has no minimum and accepts every
  TLS version the platform still offers. azurerm writes `"1.2"` itself, so the same
  omission means something else in the two formats.

Managed instances:
- `public_network_access_enabled` <- `publicDataEndpointEnabled` (the public data
  endpoint); default false (the endpoint is off unless enabled);
- `min_tls_version` <- `minimalTlsVersion`; Unknown when not written: Azure does not
  document what an instance created through the API without it enforces.
"""

from __future__ import annotations

from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled, text
from govern.model.unknown import Unknown

MAPPING = ArmMapping("azure.sql.server", (
    ArmField("public_network_access_enabled", "properties.publicNetworkAccess", enabled,
             default=True),
    ArmField("min_tls_version", "properties.minimalTlsVersion", text, default="None"),
))

MANAGED_INSTANCE = ArmMapping("azure.sql.managed_instance", (
    ArmField("public_network_access_enabled", "properties.publicDataEndpointEnabled",
             default=False),
    ArmField("min_tls_version", "properties.minimalTlsVersion", text,
             default=Unknown("minimalTlsVersion is not written and Azure does not document "
                             "the minimum a managed instance then enforces")),
))
