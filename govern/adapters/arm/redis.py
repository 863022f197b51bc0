"""Azure Cache for Redis: `Microsoft.Cache/redis`.

- `non_ssl_port_enabled` <- `enableNonSslPort`; default false (Azure's, every apiVersion);
- `public_network_access_enabled` <- `publicNetworkAccess` (`Enabled`/`Disabled`);
  default true (Azure's default when it is not set).
"""

from __future__ import annotations

from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled

MAPPING = ArmMapping("azure.redis.cache", (
    ArmField("non_ssl_port_enabled", "properties.enableNonSslPort", default=False),
    ArmField("public_network_access_enabled", "properties.publicNetworkAccess", enabled,
             default=True),
))
