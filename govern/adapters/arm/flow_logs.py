"""Azure Network Watcher flow logs: `Microsoft.Network/networkWatchers/flowLogs` (nested in
its watcher or at the top level, `<watcher>/<flow log>`) -> `azure.network.watcher_flow_log`.

- `target_resource_id` <- `properties.targetResourceId`;
- `enabled` <- `properties.enabled`; Unknown when not written (the API documents no
  default);
- `retention_enabled` <- `properties.retentionPolicy.enabled`, default false;
- `retention_days` <- `properties.retentionPolicy.days`, default 0 (Azure's defaults:
  records are kept until deleted).
"""

from __future__ import annotations

from govern.adapters.arm.building import set_default
from govern.adapters.arm.mapping import ArmField, ArmMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

TYPE = "microsoft.network/networkwatchers/flowlogs"


def _enabled(resource: Resource, native: NativeResource) -> None:
    if "enabled" not in resource.attributes:
        set_default(resource, ("enabled",), Unknown(
            "properties.enabled is not written and Azure documents no default"))


MAPPING = ArmMapping("azure.network.watcher_flow_log", (
    ArmField("target_resource_id", "properties.targetResourceId"),
    ArmField("enabled", "properties.enabled"),
    ArmField("retention_enabled", "properties.retentionPolicy.enabled", default=False),
    ArmField("retention_days", "properties.retentionPolicy.days", default=0),
), _enabled)
