"""VPC subnetworks: `google_compute_subnetwork`. `purpose` defaults to `PRIVATE`;
`flow_logs_enabled` is true when a `log_config` block is written (google provider 3.x:
`enable_flow_logs`), false when neither is; `private_google_access`
(`private_ip_google_access`) defaults to false."""

from __future__ import annotations

from govern.adapters.building import field, set_at, set_default, where
from govern.adapters.reading import MISSING, first_block, value_at
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def _finish_subnetwork(resource: Resource, native: NativeResource) -> None:
    config = first_block(native.attributes, "log_config")
    if config is not MISSING:
        set_at(resource, "flow_logs_enabled",
               config if isinstance(config, Unknown) else True,
               where(native, "log_config", False))
        return
    legacy = value_at(native, "enable_flow_logs")
    if legacy is not MISSING:
        set_at(resource, "flow_logs_enabled", legacy, where(native, "enable_flow_logs", False))
        return
    set_default(resource, "flow_logs_enabled", False)


MAPPINGS = {
    "google_compute_subnetwork": KindMapping("gcp.compute.subnetwork", (
        field("name"),
        field("network"),
        field("region"),
        field("purpose", default="PRIVATE"),
        field("flow_logs_filter", "log_config.0.filter_expr"),
        field("private_google_access", "private_ip_google_access", default=False),
    ), _finish_subnetwork),
}
