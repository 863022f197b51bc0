"""Azure Cache for Redis: `Microsoft.Cache/redis`.

- `non_ssl_port_enabled` <- `enableNonSslPort`; default false (Azure's, every apiVersion);
- `public_network_access_enabled` <- `publicNetworkAccess` (`Enabled`/`Disabled`);
  default true (Azure's default when it is not set);
- `min_tls_version` <- `minimumTlsVersion` (a number read as its text); Unknown when not
  written (Azure does not document the minimum a cache created without it enforces).
"""

from __future__ import annotations

from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled, text
from govern.model.unknown import Unknown

UNSET_TLS = Unknown("minimumTlsVersion is not written and Azure does not document the "
                    "minimum a cache then enforces")

MAPPING = ArmMapping("azure.redis.cache", (
    ArmField("non_ssl_port_enabled", "properties.enableNonSslPort", default=False),
    ArmField("public_network_access_enabled", "properties.publicNetworkAccess", enabled,
             default=True),
    ArmField("min_tls_version", "properties.minimumTlsVersion", text, default=UNSET_TLS),
))
