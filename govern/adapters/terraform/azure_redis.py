"""Azure Cache for Redis: `azurerm_redis_cache`.

Defaults are the provider's (azurerm v3 and v4): `non_ssl_port_enabled` (v4) /
`enable_non_ssl_port` (v3) false (-> `non_ssl_port_enabled`);
`public_network_access_enabled` true.
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "azurerm_redis_cache": KindMapping("azure.redis.cache", (
        field("name"),
        field("resource_group_name"),
        field("non_ssl_port_enabled", "non_ssl_port_enabled", "enable_non_ssl_port",
              default=False),
        field("public_network_access_enabled", default=True),
    )),
}
