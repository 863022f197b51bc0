"""Azure Cache for Redis: caches."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, resource_group, string

KINDS = (
    azure("azure.redis.cache", "Azure Cache for Redis",
          string("name", "The cache's name."),
          resource_group(),
          boolean("non_ssl_port_enabled", "Whether the unencrypted port (6379) is open: "
                  "azurerm v4 `non_ssl_port_enabled`, v3 `enable_non_ssl_port`, ARM "
                  "`properties.enableNonSslPort`; false when not written.", default=False),
          boolean("public_network_access_enabled", "Whether the cache is reachable from "
                  "public networks (ARM `properties.publicNetworkAccess`: `Enabled` true, "
                  "`Disabled` false, any case; another value is Unknown); true when not "
                  "written.", default=True),
          string("min_tls_version", "The lowest TLS version clients may use: Terraform "
                 "`minimum_tls_version` (a number is read as its text, `1.2` as `\"1.2\"`), "
                 "`\"1.2\"` when not written (azurerm v3 and v4's default); ARM "
                 "`properties.minimumTlsVersion`, "
                 "Unknown when not written (Azure does not document the minimum a cache "
                 "created through the API without it enforces).",
                 values=("1.0", "1.1", "1.2"))),
)
