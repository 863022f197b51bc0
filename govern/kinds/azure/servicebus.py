"""Azure Service Bus: namespaces."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, resource_group, string

KINDS = (
    azure("azure.servicebus.namespace", "Azure Service Bus namespace",
          string("name", "The namespace's name."),
          resource_group(),
          boolean("local_auth_enabled", "Whether shared access signatures (SAS keys) are "
                  "accepted (local authentication); ARM: the negation of "
                  "`properties.disableLocalAuth`; true when not written.", default=True),
          boolean("public_network_access_enabled", "Whether the namespace is reachable "
                  "from public networks (ARM `properties.publicNetworkAccess`: `Enabled` "
                  "true, `Disabled` false, any case; `SecuredByPerimeter` is Unknown); true "
                  "when not written. ARM `networkRuleSets` child resources are not read.",
                  default=True),
          string("min_tls_version", "The lowest TLS version clients may use: Terraform "
                 "`minimum_tls_version` (a number is read as its text, `1.2` as `\"1.2\"`), "
                 "`\"1.2\"` when not written (azurerm v3 and v4's default); ARM "
                 "`properties.minimumTlsVersion`, "
                 "Unknown when not written (Azure does not document, for every apiVersion, "
                 "the minimum a namespace created without it enforces).",
                 values=("1.0", "1.1", "1.2"))),
)
