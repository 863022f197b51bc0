"""Azure AI services (Cognitive Services) accounts: `azurerm_cognitive_account`, and
`azurerm_ai_services` (the same `Microsoft.CognitiveServices/accounts` of kind
`AIServices`), whose arguments are `public_network_access` (`Enabled`/`Disabled`) and
`local_authentication_enabled`.

Defaults are the provider's (azurerm v3 and v4): `public_network_access_enabled` true,
`local_auth_enabled` (API keys accepted) true.
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.azure_dbservers import enabled_word
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "azurerm_cognitive_account": KindMapping("azure.cognitive.account", (
        field("name"),
        field("resource_group_name"),
        field("public_network_access_enabled", default=True),
        field("local_auth_enabled", default=True),
    )),
    "azurerm_ai_services": KindMapping("azure.cognitive.account", (
        field("name"),
        field("resource_group_name"),
        field("public_network_access_enabled", "public_network_access",
              function=enabled_word, default=True),
        field("local_auth_enabled", "local_authentication_enabled", default=True),
    )),
}
