"""Azure Kubernetes Service: `azurerm_kubernetes_cluster`.

`private_cluster_enabled` defaults to false. `api_server_authorized_ip_ranges` comes from
`api_server_access_profile.authorized_ip_ranges` (azurerm v3.39 and later, v4) or the
older top-level `api_server_authorized_ip_ranges` (v2, v3); absent when neither is set
(the API server then admits every address).

`local_accounts_enabled` is the negation of `local_account_disabled` (default false:
local accounts enabled). `rbac_enabled` comes from `role_based_access_control_enabled`
(v3, v4) or v2's `role_based_access_control.enabled`; default true (the provider's, in
v3 and v4, and Azure's).

`monitoring_enabled` is true when an `oms_agent` block is written (v3, v4), else v2's
`addon_profile.oms_agent.enabled`; default false. `azure_policy_enabled` and
`http_application_routing_enabled` come from the arguments of that name (v3, v4) or v2's
`addon_profile.azure_policy.enabled` / `addon_profile.http_application_routing.enabled`;
default false. `automatic_upgrade_channel` comes from `automatic_upgrade_channel` (v4) or
`automatic_channel_upgrade` (v3), lower case; `none` when not written (the provider's
documented default). `disk_encryption_set_id` is copied; absent when not set
(platform-managed keys).

`network_policy` comes from `network_profile.network_policy` (lower case); when it is not
written, `none` (the provider sets no policy; Azure enforces none), or Unknown when
`network_profile.network_data_plane` (v4) / `ebpf_data_plane` (v3) is `cilium` or not
known (Cilium may enforce policies then).

`agent_pools`: the `default_node_pool` block, with `node_public_ip_enabled` (v4) or
`enable_node_public_ip` (v2, v3) and `host_encryption_enabled` (v4) or
`enable_host_encryption` (v2, v3), each false when not written. The same settings of
`azurerm_kubernetes_cluster_node_pool` -> `azure.containerservice.agent_pool`.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.kubernetes import default_network_policy, lower
from govern.adapters.building import carry_locations, copy, field, to_bool, where
from govern.adapters.reading import MISSING, blocks_in, value_at, value_in
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

# canonical pool setting -> its native names (azurerm v4 first, then v2/v3)
POOL_SETTINGS = {
    "node_public_ip_enabled": ("node_public_ip_enabled", "enable_node_public_ip"),
    "host_encryption_enabled": ("host_encryption_enabled", "enable_host_encryption"),
}


def negated(value: Any) -> Any:
    """A `..._disabled` boolean read as the matching `..._enabled`."""
    if isinstance(value, bool):
        return not value
    return Unknown(f"{value!r} is not a boolean")


def oms_agent(value: Any) -> Any:
    """v3/v4's `oms_agent` blocks (written: enabled) or v2's `oms_agent.enabled` flag."""
    if isinstance(value, list):
        return bool(value)
    if isinstance(value, bool):
        return value
    return Unknown(f"{value!r} is not an oms_agent block or flag")

def _pool(block: Any) -> tuple[Any, list[str]]:
    """The canonical pool of a `default_node_pool` block and the settings defaulted."""
    if isinstance(block, Unknown):
        return block, []
    if not isinstance(block, dict):
        return Unknown("expected a node pool block"), []
    pool: dict[str, Any] = {}
    name = value_in(block, "name")
    if name is not MISSING:
        pool["name"] = name
    defaulted: list[str] = []
    for canonical, names in POOL_SETTINGS.items():
        value = next((v for v in (value_in(block, n) for n in names) if v is not MISSING),
                     MISSING)
        if value is MISSING:
            pool[canonical] = False
            defaulted.append(canonical)
        else:
            pool[canonical] = to_bool(value)
    return pool, defaulted


def _agent_pools(resource: Resource, native: NativeResource) -> None:
    blocks = blocks_in(native.attributes, "default_node_pool")
    if isinstance(blocks, Unknown):
        resource.set(("agent_pools",), blocks, where(native, "default_node_pool", False))
        return
    if not blocks:
        return  # required by the provider: a configuration without it is not valid
    pools: list[Any] = []
    for index, block in enumerate(blocks):
        pool, defaulted = _pool(block)
        pools.append(pool)
        carry_locations(resource, native, ("default_node_pool", index), ("agent_pools", index))
        resource.defaulted.update(("agent_pools", index, name) for name in defaulted)
    resource.set(("agent_pools",), pools, where(native, "default_node_pool", False))


def _network_policy(resource: Resource, native: NativeResource) -> None:
    if copy(resource, native, "network_profile.0.network_policy", "network_policy", lower):
        return
    plane = next((v for v in (value_at(native, f"network_profile.0.{name}")
                              for name in ("network_data_plane", "ebpf_data_plane"))
                  if v is not MISSING), MISSING)
    value = default_network_policy(plane)
    resource.set(("network_policy",), value, defaulted=not isinstance(value, Unknown))


def _finish(resource: Resource, native: NativeResource) -> None:
    _agent_pools(resource, native)
    _network_policy(resource, native)


MAPPINGS = {
    "azurerm_kubernetes_cluster": KindMapping("azure.containerservice.managed_cluster", (
        field("name"),
        field("resource_group_name"),
        field("private_cluster_enabled", default=False),
        field("api_server_authorized_ip_ranges",
              "api_server_access_profile.0.authorized_ip_ranges",
              "api_server_authorized_ip_ranges"),
        field("local_accounts_enabled", "local_account_disabled", function=negated,
              default=True),
        field("rbac_enabled", "role_based_access_control_enabled",
              "role_based_access_control.0.enabled", default=True),
        field("monitoring_enabled", "oms_agent", "addon_profile.0.oms_agent.0.enabled",
              function=oms_agent, default=False),
        field("azure_policy_enabled", "azure_policy_enabled",
              "addon_profile.0.azure_policy.0.enabled", default=False),
        field("http_application_routing_enabled", "http_application_routing_enabled",
              "addon_profile.0.http_application_routing.0.enabled", default=False),
        field("automatic_upgrade_channel", "automatic_upgrade_channel",
              "automatic_channel_upgrade", function=lower, default="none"),
        field("disk_encryption_set_id"),
    ), _finish),
    "azurerm_kubernetes_cluster_node_pool": KindMapping("azure.containerservice.agent_pool", (
        field("name"),
        field("cluster_id", "kubernetes_cluster_id"),
        *(field(canonical, *names, default=False)
          for canonical, names in POOL_SETTINGS.items()),
    )),
}
