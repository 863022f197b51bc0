"""Azure Container Registry: `Microsoft.ContainerRegistry/registries`.

- `sku` <- `sku.name`, written as Azure does (`premium` is `Premium`);
- `admin_enabled` <- `adminUserEnabled`; default false;
- `anonymous_pull_enabled` <- `anonymousPullEnabled`; default false (also before the
  property existed: a registry could not be pulled anonymously);
- `public_network_access_enabled` <- `publicNetworkAccess`; default true (`Enabled`);
- `network_rule_set.default_action` <- `networkRuleSet.defaultAction`; absent when not
  written (Azure's default is `Allow`).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled

TIERS = ("Classic", "Basic", "Standard", "Premium")


def tier(value: Any) -> Any:
    """A registry SKU in any case, written as Azure does; another value as it is."""
    if isinstance(value, str):
        for name in TIERS:
            if value.strip().lower() == name.lower():
                return name
    return value


MAPPING = ArmMapping("azure.containerregistry.registry", (
    ArmField("sku", "sku.name", tier),
    ArmField("admin_enabled", "properties.adminUserEnabled", default=False),
    ArmField("anonymous_pull_enabled", "properties.anonymousPullEnabled", default=False),
    ArmField("public_network_access_enabled", "properties.publicNetworkAccess", enabled,
             default=True),
    ArmField("network_rule_set.default_action", "properties.networkRuleSet.defaultAction"),
))
