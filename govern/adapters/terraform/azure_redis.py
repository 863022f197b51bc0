"""Azure Cache for Redis: `azurerm_redis_cache`.

Defaults are the provider's (azurerm v3 and v4): `non_ssl_port_enabled` (v4) /
`enable_non_ssl_port` (v3) false (-> `non_ssl_port_enabled`);
`public_network_access_enabled` true; `minimum_tls_version` (-> `min_tls_version`, a
number read as its text) `"1.2"`.
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.azure_sql import tls_version
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "azurerm_redis_cache": KindMapping("azure.redis.cache", (
        field("name"),
        field("resource_group_name"),
        field("non_ssl_port_enabled", "non_ssl_port_enabled", "enable_non_ssl_port",
              default=False),
        field("public_network_access_enabled", default=True),
        field("min_tls_version", "minimum_tls_version", function=tls_version, default="1.2"),
    )),
}
