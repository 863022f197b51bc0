"""Azure Cache for Redis: caches."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, string

KINDS = (
    azure("azure.redis.cache", "Azure Cache for Redis",
          string("name", "The cache's name."),
          string("resource_group_name", "The resource group (Terraform "
                 "`resource_group_name`); ARM: the one the deployment goes to, Unknown "
                 "unless a nested deployment names it."),
          boolean("non_ssl_port_enabled", "Whether the unencrypted port (6379) is open: "
                  "azurerm v4 `non_ssl_port_enabled`, v3 `enable_non_ssl_port`, ARM "
                  "`properties.enableNonSslPort`; false when not written.", default=False),
          boolean("public_network_access_enabled", "Whether the cache is reachable from "
                  "public networks (ARM `properties.publicNetworkAccess`: `Enabled` true, "
                  "`Disabled` false, any case; another value is Unknown); true when not "
                  "written.", default=True)),
)
