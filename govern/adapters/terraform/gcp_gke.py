"""GKE: `google_container_cluster`.

Defaults are the provider's: `enable_legacy_abac` false; `private_nodes` false (from
`private_cluster_config.enable_private_nodes`); `private_endpoint` false (from
`private_cluster_config.enable_private_endpoint`); `master_authorized_networks.enabled`
false unless a `master_authorized_networks_config` block is written (the block enables
it; `cidr_blocks` lists its `cidr_block` values); `autopilot` (`enable_autopilot`) false.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import field, set_at, where
from govern.adapters.reading import MISSING, blocks_in, first_block
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

_MAN = "master_authorized_networks_config"


def _finish(resource: Resource, native: NativeResource) -> None:
    block = first_block(native.attributes, _MAN)
    at = where(native, _MAN, False)
    if block is MISSING:
        resource.set(("master_authorized_networks", "enabled"), False, defaulted=True)
        return
    if isinstance(block, Unknown):
        set_at(resource, "master_authorized_networks.enabled", block, at)
        return
    set_at(resource, "master_authorized_networks.enabled", True, at)
    blocks = blocks_in(block, "cidr_blocks")
    cidrs: Any = blocks if isinstance(blocks, Unknown) else [
        b if isinstance(b, Unknown) else b.get("cidr_block") for b in blocks]
    set_at(resource, "master_authorized_networks.cidr_blocks", cidrs,
           where(native, f"{_MAN}.0.cidr_blocks", False) or at)


MAPPINGS = {
    "google_container_cluster": KindMapping("gcp.container.cluster", (
        field("name"),
        field("location"),
        field("autopilot", "enable_autopilot", default=False),
        field("enable_legacy_abac", default=False),
        field("private_nodes", "private_cluster_config.0.enable_private_nodes",
              default=False),
        field("private_endpoint", "private_cluster_config.0.enable_private_endpoint",
              default=False),
    ), _finish),
}

