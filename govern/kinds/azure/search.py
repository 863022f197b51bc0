"""Azure AI Search: search services."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, string

KINDS = (
    azure("azure.search.service", "Azure AI Search service",
          string("name", "The service's name."),
          string("resource_group_name", "The resource group (Terraform "
                 "`resource_group_name`); ARM: the one the deployment goes to, Unknown "
                 "unless a nested deployment names it."),
          boolean("public_network_access_enabled", "Whether the service is reachable from "
                  "public networks (ARM `properties.publicNetworkAccess`: `enabled` true, "
                  "`disabled` false, any case; `securedByPerimeter` is Unknown); true when "
                  "not written.", default=True),
          boolean("local_auth_enabled", "Whether API keys are accepted (local "
                  "authentication): Terraform `local_authentication_enabled`, ARM the "
                  "negation of `properties.disableLocalAuth`; true when not written.",
                  default=True)),
)
