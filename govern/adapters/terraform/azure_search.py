"""Azure AI Search services: `azurerm_search_service`.

Defaults are the provider's (azurerm v3 and v4): `public_network_access_enabled` true,
`local_authentication_enabled` (API keys accepted) true (-> `local_auth_enabled`).
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "azurerm_search_service": KindMapping("azure.search.service", (
        field("name"),
        field("resource_group_name"),
        field("public_network_access_enabled", default=True),
        field("local_auth_enabled", "local_authentication_enabled", default=True),
    )),
}
