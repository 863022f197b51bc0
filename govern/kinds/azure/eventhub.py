"""Azure Event Hubs: namespaces."""

from __future__ import annotations

from govern.kinds.declare import azure, resource_group, string

KINDS = (
    azure("azure.eventhub.namespace", "Azure Event Hubs namespace",
          string("name", "The namespace's name."),
          resource_group(),
          string("min_tls_version", "The lowest TLS version clients may use: Terraform "
                 "`minimum_tls_version` (a number is read as its text, `1.2` as `\"1.2\"`), "
                 "`\"1.2\"` when not written (azurerm v3 and v4's default); ARM "
                 "`properties.minimumTlsVersion`, "
                 "Unknown when not written (Azure does not document, for every apiVersion, "
                 "the minimum a namespace created without it enforces).",
                 values=("1.0", "1.1", "1.2"))),
)
