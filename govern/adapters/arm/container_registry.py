"""Azure Container Registry: `Microsoft.ContainerRegistry/registries`.

- `sku` <- `sku.name`;
- `admin_enabled` <- `adminUserEnabled`; default false;
- `public_network_access_enabled` <- `publicNetworkAccess`; default true (`Enabled`);
- `network_rule_set.default_action` <- `networkRuleSet.defaultAction`; absent when not
  written (Azure's default is `Allow`).
"""

from __future__ import annotations

from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled

MAPPING = ArmMapping("azure.containerregistry.registry", (
    ArmField("sku", "sku.name"),
    ArmField("admin_enabled", "properties.adminUserEnabled", default=False),
    ArmField("public_network_access_enabled", "properties.publicNetworkAccess", enabled,
             default=True),
    ArmField("network_rule_set.default_action", "properties.networkRuleSet.defaultAction"),
))
