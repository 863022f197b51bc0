"""GKE: `google_container_cluster` and `google_container_node_pool`.

Defaults are the provider's: `enable_legacy_abac` false; `private_nodes` false (from
`private_cluster_config.enable_private_nodes`); `private_endpoint` false (from
`private_cluster_config.enable_private_endpoint`); `master_authorized_networks.enabled`
false unless a `master_authorized_networks_config` block is written (the block enables
it; `cidr_blocks` lists its `cidr_block` values); `autopilot` (`enable_autopilot`) false.

Node service accounts (`service_account`: the cluster's `node_config`, which configures its
default node pool, and a node pool's `node_config`): `{email, uses_default, scopes}`, read
as on Compute Engine instances, except that nodes always run as a service account: without
`node_config.service_account` (or with `default`) they use the default Compute Engine
service account, and without `oauth_scopes` GKE gives them only narrow logging and
monitoring scopes (scopes then absent). A cluster without a default node pool (Autopilot,
`remove_default_node_pool = true`) has no `service_account`; one with inline `node_pool`
blocks has an Unknown one (those blocks are not read).

A node pool's `private_nodes` is `network_config.enable_private_nodes`; when not written
it is its cluster's `private_nodes` (linked once every resource is built: the
`google_container_cluster` its `cluster` designates, by reference or name), Unknown when
that cluster is not in the configuration. Node pools carry no labels of their own:
`node_config.labels` are Kubernetes node labels, and `node_config.resource_labels` label
the nodes' VMs, which also receive the cluster's `resource_labels`.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field, set_at, set_default, where
from govern.adapters.reading import MISSING, blocks_in, first_block, value_at, value_in
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.gcp_compute import service_account
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

CLUSTER = "gcp.container.cluster"
_MAN = "master_authorized_networks_config"


def _finish(resource: Resource, native: NativeResource) -> None:
    _authorized_networks(resource, native)
    _default_pool(resource, native)


def _authorized_networks(resource: Resource, native: NativeResource) -> None:
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


def _default_pool(resource: Resource, native: NativeResource) -> None:
    """The default node pool's service account, when the cluster has one."""
    for name in ("enable_autopilot", "remove_default_node_pool"):
        value = value_at(native, name)
        if isinstance(value, Unknown):
            set_at(resource, "service_account", value, where(native, name, False))
            return
        if value is True:
            return
    pools = value_at(native, "node_pool")
    if pools is not MISSING and pools != []:
        set_at(resource, "service_account",
               Unknown("the cluster's inline node_pool blocks are not read"),
               where(native, "node_pool", False))
        return
    node_service_account(resource, native)


def node_service_account(resource: Resource, native: NativeResource) -> None:
    """`service_account` from `node_config`: the nodes always run as an account."""
    config = first_block(native.attributes, "node_config")
    if config is MISSING:
        set_default(resource, "service_account", {"uses_default": True})
        return
    at = where(native, "node_config", False)
    if isinstance(config, Unknown):
        set_at(resource, "service_account", config, at)
        return
    email = value_in(config, "service_account")
    account = service_account(email, value_in(config, "oauth_scopes"), "default")
    if email is MISSING:
        resource.defaulted.add(("service_account", "uses_default"))
    set_at(resource, "service_account", account, at)
    for native_name, name in (("service_account", "email"), ("oauth_scopes", "scopes")):
        if name in account:
            carry_locations(resource, native, ("node_config", 0, native_name),
                            ("service_account", name))


def _finish_pool(resource: Resource, native: NativeResource) -> None:
    node_service_account(resource, native)


def link_pool(resource: Resource, native: NativeResource, ctx: RootContext) -> None:
    """A pool that does not say whether its nodes are private inherits its cluster's."""
    if "private_nodes" in resource.attributes:
        return
    clusters = ctx.designated(value_at(native, "cluster"), [CLUSTER], native)
    if len(clusters) == 1 and "private_nodes" in clusters[0].attributes:
        resource.set(("private_nodes",), clusters[0].attributes["private_nodes"])
        return
    resource.set(("private_nodes",), Unknown(
        "not written: the pool inherits its cluster's private nodes setting, and the "
        "cluster is not in this configuration"))


MAPPINGS = {
    "google_container_cluster": KindMapping(CLUSTER, (
        field("name"),
        field("location"),
        field("autopilot", "enable_autopilot", default=False),
        field("enable_legacy_abac", default=False),
        field("private_nodes", "private_cluster_config.0.enable_private_nodes",
              default=False),
        field("private_endpoint", "private_cluster_config.0.enable_private_endpoint",
              default=False),
    ), _finish),
    "google_container_node_pool": KindMapping("gcp.container.node_pool", (
        field("name"),
        field("cluster"),
        field("private_nodes", "network_config.0.enable_private_nodes"),
    ), _finish_pool),
}

