"""Azure Service Bus namespaces: `azurerm_servicebus_namespace`.

Defaults are the provider's (azurerm v3 and v4): `local_auth_enabled` (shared access
signatures accepted) true, `public_network_access_enabled` true, `minimum_tls_version`
(-> `min_tls_version`, a number read as its text) `"1.2"`.

Event Hubs namespaces, `azurerm_eventhub_namespace`: `minimum_tls_version` as for Service
Bus, `"1.2"` when not written (the provider's default, v3 and v4).
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.azure_sql import tls_version
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "azurerm_servicebus_namespace": KindMapping("azure.servicebus.namespace", (
        field("name"),
        field("resource_group_name"),
        field("local_auth_enabled", default=True),
        field("public_network_access_enabled", default=True),
        field("min_tls_version", "minimum_tls_version", function=tls_version, default="1.2"),
    )),
    "azurerm_eventhub_namespace": KindMapping("azure.eventhub.namespace", (
        field("name"),
        field("resource_group_name"),
        field("min_tls_version", "minimum_tls_version", function=tls_version, default="1.2"),
    )),
}
