"""Azure Service Bus namespaces: `azurerm_servicebus_namespace`.

Defaults are the provider's (azurerm v3 and v4): `local_auth_enabled` (shared access
signatures accepted) true, `public_network_access_enabled` true.
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "azurerm_servicebus_namespace": KindMapping("azure.servicebus.namespace", (
        field("name"),
        field("resource_group_name"),
        field("local_auth_enabled", default=True),
        field("public_network_access_enabled", default=True),
    )),
}
