"""Azure AI services (Cognitive Services) accounts: `azurerm_cognitive_account`.

Defaults are the provider's (azurerm v3 and v4): `public_network_access_enabled` true,
`local_auth_enabled` (API keys accepted) true.
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "azurerm_cognitive_account": KindMapping("azure.cognitive.account", (
        field("name"),
        field("resource_group_name"),
        field("public_network_access_enabled", default=True),
        field("local_auth_enabled", default=True),
    )),
}
