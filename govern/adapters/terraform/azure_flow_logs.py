"""Azure Network Watcher flow logs: `azurerm_network_watcher_flow_log` ->
`azure.network.watcher_flow_log`.

`enabled` is required. `target_resource_id` <- `target_resource_id` (azurerm v4) or
`network_security_group_id` (v2, v3). `retention_enabled` / `retention_days` <- the
required `retention_policy` block's `enabled` and `days`; when the block is missing
(an invalid configuration) Azure's defaults apply, false and 0.
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "azurerm_network_watcher_flow_log": KindMapping("azure.network.watcher_flow_log", (
        field("name"),
        field("resource_group_name"),
        field("target_resource_id", "target_resource_id", "network_security_group_id"),
        field("enabled"),
        field("retention_enabled", "retention_policy.0.enabled", default=False),
        field("retention_days", "retention_policy.0.days", default=0),
    )),
}
