"""Azure SQL: logical servers and managed instances."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, resource_group, string

KINDS = (
    azure("azure.sql.server", "Azure SQL logical server",
          string("name", "The server's name."),
          resource_group(),
          boolean("public_network_access_enabled", "Whether the server is reachable from "
                  "public networks (ARM `properties.publicNetworkAccess`: `Enabled` true, "
                  "`Disabled` false, any case; `SecuredByPerimeter` is Unknown); true when "
                  "not written.", default=True),
          string("min_tls_version", "The lowest TLS version clients may use, `\"None\"` for "
                 "no minimum. Terraform `minimum_tls_version` (a number is read as its "
                 "text, `1.2` as `\"1.2\"`; azurerm v3's `\"Disabled\"` is `\"None\"`), "
                 "`\"1.2\"` when not written (azurerm v3/v4 write it themselves); ARM "
                 "`properties.minimalTlsVersion`, `\"None\"` when not written (a server "
                 "created without it accepts every TLS version the platform still offers).",
                 values=("1.0", "1.1", "1.2", "1.3", "None"))),
    azure("azure.sql.managed_instance", "Azure SQL managed instance",
          string("name", "The managed instance's name."),
          resource_group(),
          boolean("public_network_access_enabled", "Whether the instance's public data "
                  "endpoint (port 3342, reachable from the internet as far as the "
                  "instance's network security group allows) is enabled: Terraform "
                  "`public_data_endpoint_enabled`, ARM "
                  "`properties.publicDataEndpointEnabled`; false when not written (the "
                  "public endpoint is off unless enabled, in azurerm v3/v4 and every "
                  "apiVersion). The endpoint inside the instance's virtual network, always "
                  "on, is not meant.", default=False),
          string("min_tls_version", "The lowest TLS version clients may use, `\"None\"` "
                 "for no minimum. Terraform `minimum_tls_version` (a number is read as its "
                 "text, `1.2` as `\"1.2\"`), `\"1.2\"` when not written (azurerm v3/v4 "
                 "write it themselves); ARM `properties.minimalTlsVersion`, Unknown when "
                 "not written (Azure does not document what an instance created through "
                 "the API without it enforces).",
                 values=("1.0", "1.1", "1.2", "None"))),
)
