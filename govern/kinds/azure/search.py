"""Azure AI Search: search services."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, resource_group, string

KINDS = (
    azure("azure.search.service", "Azure AI Search service",
          string("name", "The service's name."),
          resource_group(),
          boolean("public_network_access_enabled", "Whether the service is reachable from "
                  "public networks (ARM `properties.publicNetworkAccess`: `enabled` true, "
                  "`disabled` false, any case; `securedByPerimeter` is Unknown); true when "
                  "not written.", default=True),
          boolean("local_auth_enabled", "Whether API keys are accepted (local "
                  "authentication): Terraform `local_authentication_enabled`, ARM the "
                  "negation of `properties.disableLocalAuth`; true when not written.",
                  default=True)),
)
