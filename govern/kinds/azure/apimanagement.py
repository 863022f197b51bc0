"""Azure API Management: services."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, resource_group, string

_MINIMUM = ("The lowest protocol {what}: `ssl3.0`, `1.0` or `1.1` when the switch for "
            "that protocol (the lowest one on) is on, `1.2` when none is. Terraform "
            "`security.{direction}_ssl30_enabled`, `..._tls10_enabled`, `..._tls11_enabled` "
            "(azurerm v4) or `security.enable_{direction}_ssl30`, ... (v2, v3); ARM "
            "`properties.customProperties` "
            "`Microsoft.WindowsAzure.ApiManagement.Gateway.Security.{arm}.Ssl30`, `.Tls10`, "
            "`.Tls11` (`\"true\"`/`\"false\"`). Each switch is off when not written (the "
            "provider's default, and Azure's for services created after April 1, 2018), so "
            "`1.2` when nothing is written; Unknown when a switch below every switch known to "
            "be on is not known statically.")

_PROTOCOLS = ("ssl3.0", "1.0", "1.1", "1.2")

KINDS = (
    azure("azure.apimanagement.service", "Azure API Management service",
          string("name", "The service's name."),
          resource_group(),
          boolean("public_network_access_enabled", "Whether the service's endpoints are "
                  "reachable from public networks (ARM `properties.publicNetworkAccess`: "
                  "`Enabled` true, `Disabled` false, any case); true when not written "
                  "(azurerm's and Azure's default). Virtual network integration "
                  "(`virtual_network_type`) is not read.", default=True),
          string("min_tls_version", _MINIMUM.format(
              what="clients may use to reach the gateway", direction="frontend",
              arm="Protocols"), values=_PROTOCOLS),
          string("backend_min_tls_version", _MINIMUM.format(
              what="the gateway may use to reach the APIs' backends", direction="backend",
              arm="Backend.Protocols"), values=_PROTOCOLS)),
)
