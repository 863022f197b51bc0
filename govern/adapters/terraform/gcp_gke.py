"""GKE: `google_container_cluster` and `google_container_node_pool`.

Defaults are the provider's: `enable_legacy_abac` false; `private_nodes` false (from
`private_cluster_config.enable_private_nodes`); `private_endpoint` false (from
`private_cluster_config.enable_private_endpoint`); `master_authorized_networks.enabled`
false unless a `master_authorized_networks_config` block is written (the block enables
it; `cidr_blocks` lists its `cidr_block` values); `autopilot` (`enable_autopilot`) false;
`logging_service` `logging.googleapis.com/kubernetes` (`logging_components` is
`logging_config.enable_components`, absent without the block); `issue_client_certificate`
(`master_auth.client_certificate_config`) false; `shielded_nodes` (`enable_shielded_nodes`)
true; `intranode_visibility` (`enable_intranode_visibility`) false. `basic_auth_username`
is `master_auth.username` (google provider 3.x and older); `rbac_security_group` is
`authenticator_groups_config.security_group` (absent without it). `datapath_provider` is
as written (absent: the legacy dataplane on Standard, Dataplane V2 on Autopilot);
`network_policy_enabled` (`network_policy.enabled`) false and
`network_policy_addon_disabled` (`addons_config.network_policy_config.disabled`) true
when not written. `binary_authorization` is whether GKE enforces Binary Authorization:
`binary_authorization.evaluation_mode` (`PROJECT_SINGLETON_POLICY_ENFORCE` and
`POLICY_BINDINGS_AND_PROJECT_SINGLETON_POLICY_ENFORCE` true, `DISABLED` and `POLICY_BINDINGS`
false), else the deprecated `binary_authorization.enabled`, else `enable_binary_authorization`
(google provider 4.x and older); false when none is written.

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
the nodes' VMs, which also receive the cluster's `resource_labels`. A node pool's
`auto_repair` and `auto_upgrade` (`management.*`) are true when not written, with or without
a `management` block (google provider 5.x and later). `image_type` (the node image,
`node_config.image_type` of a pool, and of a cluster for its default node pool, as service
accounts are read) is `COS_CONTAINERD` when not written.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import (
    carry_locations,
    copy,
    field,
    set_at,
    set_default,
    to_bool,
    where,
)
from govern.adapters.reading import MISSING, blocks_in, first_block, value_at, value_in
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.gcp_compute import service_account
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

CLUSTER = "gcp.container.cluster"
# `workload_metadata_config`: `mode`, and the values of the older `node_metadata`.
_MODES = {"GKE_METADATA": "GKE_METADATA", "GKE_METADATA_SERVER": "GKE_METADATA",
          "GCE_METADATA": "GCE_METADATA", "EXPOSE": "GCE_METADATA", "SECURE": "SECURE"}
_UNSET_MODES = ("MODE_UNSPECIFIED", "UNSPECIFIED")
_MAN = "master_authorized_networks_config"
# `binary_authorization.evaluation_mode`: whether it makes GKE enforce a policy.
# (`POLICY_BINDINGS` alone only validates running pods continuously; it admits any image.)
_BINAUTHZ_MODES = {"DISABLED": False, "PROJECT_SINGLETON_POLICY_ENFORCE": True,
                   "POLICY_BINDINGS": False,
                   "POLICY_BINDINGS_AND_PROJECT_SINGLETON_POLICY_ENFORCE": True}


def _finish(resource: Resource, native: NativeResource) -> None:
    _authorized_networks(resource, native)
    _default_pool(resource, native)
    _binary_authorization(resource, native)


def _binary_authorization(resource: Resource, native: NativeResource) -> None:
    """`binary_authorization`: from `binary_authorization.evaluation_mode`, else the
    deprecated `binary_authorization.enabled`, else `enable_binary_authorization` (google
    provider 4.x and older); false when none is written."""
    path = "binary_authorization.0.evaluation_mode"
    mode = value_at(native, path)
    if mode is not MISSING and mode != "EVALUATION_MODE_UNSPECIFIED":
        enforced = mode if not isinstance(mode, str) else _BINAUTHZ_MODES.get(
            mode, Unknown(f"unrecognised Binary Authorization evaluation mode {mode!r}"))
        set_at(resource, "binary_authorization", enforced, where(native, path, False))
        return
    for path in ("binary_authorization.0.enabled", "enable_binary_authorization"):
        enabled = value_at(native, path)
        if enabled is not MISSING:
            set_at(resource, "binary_authorization", to_bool(enabled),
                   where(native, path, False))
            return
    set_default(resource, "binary_authorization", False)


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
    """The default node pool's service account, image and metadata mode, when the cluster
    has one."""
    for name in ("enable_autopilot", "remove_default_node_pool"):
        value = value_at(native, name)
        if isinstance(value, Unknown):
            _set_node_attributes(resource, value, where(native, name, False))
            return
        if value is True:
            return
    pools = value_at(native, "node_pool")
    if pools is not MISSING and pools != []:
        _set_node_attributes(resource, Unknown("the cluster's inline node_pool blocks are "
                                               "not read"), where(native, "node_pool", False))
        return
    node_service_account(resource, native)
    node_image_type(resource, native)
    if not node_metadata(resource, native):
        resource.set(("workload_metadata_mode",), _inherited_mode(
            resource.attributes.get("workload_identity_pool"), False), defaulted=True)


def _set_node_attributes(resource: Resource, value: Unknown, at: SourceRange | None) -> None:
    for name in ("service_account", "workload_metadata_mode", "image_type"):
        set_at(resource, name, value, at)


def node_image_type(resource: Resource, native: NativeResource) -> None:
    """`image_type` from `node_config.image_type`: GKE's default image when not written."""
    if not copy(resource, native, "node_config.0.image_type", "image_type"):
        set_default(resource, "image_type", "COS_CONTAINERD")


def node_metadata(resource: Resource, native: NativeResource) -> bool:
    """`workload_metadata_mode` from `node_config.workload_metadata_config` (`mode`, or
    the older `node_metadata`); False when neither is written (the nodes then follow
    their cluster's Workload Identity Federation)."""
    path = "node_config"
    block = first_block(native.attributes, path)
    if block is not MISSING and not isinstance(block, Unknown):
        path = "node_config.0.workload_metadata_config"
        block = first_block(native.attributes, path)
    if block is MISSING:
        return False
    if isinstance(block, Unknown):
        set_at(resource, "workload_metadata_mode", block, where(native, path, False))
        return True
    for name in ("mode", "node_metadata"):
        written = value_in(block, name)
        if written is not MISSING and written not in _UNSET_MODES:
            break
    else:
        return False
    mode = _MODES.get(written, Unknown(f"unrecognised workload metadata mode {written!r}")
                      ) if isinstance(written, str) else written
    set_at(resource, "workload_metadata_mode", mode, where(native, f"{path}.0.{name}", False))
    return True


def _inherited_mode(workload_pool: Any, autopilot: Any) -> Any:
    """The mode of nodes whose configuration writes none: the GKE metadata server when
    the cluster has Workload Identity Federation (always on Autopilot)."""
    if autopilot is True:
        return "GKE_METADATA"
    if isinstance(workload_pool, Unknown):
        return Unknown(f"not written: it follows the cluster's workload_identity_config, "
                       f"which is not known statically ({workload_pool.reason})",
                       workload_pool.ref)
    return "GKE_METADATA" if workload_pool else "GCE_METADATA"


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
    node_image_type(resource, native)
    node_metadata(resource, native)


def link_pool(resource: Resource, native: NativeResource, ctx: RootContext) -> None:
    """A pool that does not say whether its nodes are private, or how they expose the
    metadata server, inherits from its cluster."""
    missing = [name for name in ("private_nodes", "workload_metadata_mode")
               if name not in resource.attributes]
    if not missing:
        return
    clusters = ctx.designated(value_at(native, "cluster"), [CLUSTER], native)
    cluster = clusters[0].attributes if len(clusters) == 1 else None
    if "private_nodes" in missing:
        if cluster is not None and "private_nodes" in cluster:
            resource.set(("private_nodes",), cluster["private_nodes"])
        else:
            resource.set(("private_nodes",), Unknown(
                "not written: the pool inherits its cluster's private nodes setting, and "
                "the cluster is not in this configuration"))
    if "workload_metadata_mode" in missing:
        resource.set(("workload_metadata_mode",), Unknown(
            "not written: the pool follows its cluster's Workload Identity Federation, "
            "and the cluster is not in this configuration") if cluster is None else
            _inherited_mode(cluster.get("workload_identity_pool"), cluster.get("autopilot")),
            defaulted=cluster is not None)


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
        field("logging_service", default="logging.googleapis.com/kubernetes"),
        field("logging_components", "logging_config.0.enable_components"),
        field("issue_client_certificate",
              "master_auth.0.client_certificate_config.0.issue_client_certificate",
              default=False),
        field("basic_auth_username", "master_auth.0.username"),
        field("shielded_nodes", "enable_shielded_nodes", default=True),
        field("workload_identity_pool", "workload_identity_config.0.workload_pool"),
        field("intranode_visibility", "enable_intranode_visibility", default=False),
        field("rbac_security_group", "authenticator_groups_config.0.security_group"),
        field("datapath_provider"),
        field("network_policy_enabled", "network_policy.0.enabled", default=False),
        field("network_policy_addon_disabled",
              "addons_config.0.network_policy_config.0.disabled", default=True),
    ), _finish),
    "google_container_node_pool": KindMapping("gcp.container.node_pool", (
        field("name"),
        field("cluster"),
        field("private_nodes", "network_config.0.enable_private_nodes"),
        field("auto_repair", "management.0.auto_repair", default=True),
        field("auto_upgrade", "management.0.auto_upgrade", default=True),
    ), _finish_pool),
}

