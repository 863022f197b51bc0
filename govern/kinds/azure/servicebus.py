"""Azure Service Bus: namespaces."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, string

KINDS = (
    azure("azure.servicebus.namespace", "Azure Service Bus namespace",
          string("name", "The namespace's name."),
          string("resource_group_name", "The resource group (Terraform "
                 "`resource_group_name`); ARM: the one the deployment goes to, Unknown "
                 "unless a nested deployment names it."),
          boolean("local_auth_enabled", "Whether shared access signatures (SAS keys) are "
                  "accepted (local authentication); ARM: the negation of "
                  "`properties.disableLocalAuth`; true when not written.", default=True),
          boolean("public_network_access_enabled", "Whether the namespace is reachable "
                  "from public networks (ARM `properties.publicNetworkAccess`: `Enabled` "
                  "true, `Disabled` false, any case; `SecuredByPerimeter` is Unknown); true "
                  "when not written. ARM `networkRuleSets` child resources are not read.",
                  default=True)),
)
