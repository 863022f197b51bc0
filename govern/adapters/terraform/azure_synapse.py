"""Azure Synapse Analytics: `azurerm_synapse_workspace` -> `azure.synapse.workspace`.

`public_network_access_enabled` defaults to true (the provider's default).
`customer_managed_key` <- the `customer_managed_key` block's `key_versionless_id`
(required in the block); absent without the block.
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "azurerm_synapse_workspace": KindMapping("azure.synapse.workspace", (
        field("name"),
        field("resource_group_name"),
        field("public_network_access_enabled", default=True),
        field("customer_managed_key", "customer_managed_key.0.key_versionless_id"),
    )),
}
