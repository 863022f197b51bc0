"""Azure Container Registry: `azurerm_container_registry`.

`sku` is written as Azure does, whatever the case written (`premium` is `Premium`).
Defaults are the provider's (azurerm v3 and v4): `admin_enabled` false,
`anonymous_pull_enabled` false, `public_network_access_enabled` true.
`network_rule_set.default_action` comes from the first `network_rule_set` block (absent
without one: Azure then admits every network).
"""

from __future__ import annotations

from govern.adapters.arm.container_registry import tier
from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "azurerm_container_registry": KindMapping("azure.containerregistry.registry", (
        field("name"),
        field("resource_group_name"),
        field("sku", function=tier),
        field("admin_enabled", default=False),
        field("anonymous_pull_enabled", default=False),
        field("public_network_access_enabled", default=True),
        field("network_rule_set.default_action", "network_rule_set.0.default_action"),
    )),
}
