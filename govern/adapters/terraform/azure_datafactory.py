"""Azure Data Factory: `azurerm_data_factory`.

`public_network_enabled` (-> `public_network_access_enabled`) defaults to true (the
provider's default in v2, v3 and v4).
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "azurerm_data_factory": KindMapping("azure.datafactory.factory", (
        field("name"),
        field("resource_group_name"),
        field("public_network_access_enabled", "public_network_enabled", default=True),
    )),
}
