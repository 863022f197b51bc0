"""Azure Kubernetes Service: `Microsoft.ContainerService/managedClusters`.

- `private_cluster_enabled` <- `apiServerAccessProfile.enablePrivateCluster`; default
  false;
- `api_server_authorized_ip_ranges` <- `apiServerAccessProfile.authorizedIPRanges`, or
  the preview `apiServerAuthorizedIPRanges` (apiVersions 2019-02-01 to 2019-06-01);
  absent when not written (the API server then admits every address);
- `local_accounts_enabled` <- not `disableLocalAccounts`; default true;
- `rbac_enabled` <- `enableRBAC`; default true (Azure enables Kubernetes RBAC on a
  cluster created without it) from apiVersion 2018-03-31, which introduced the property;
  false before (such clusters have no RBAC); Unknown when the apiVersion is not known;
- `monitoring_enabled` <- `addonProfiles.omsagent.enabled` (the add-on's key in any case,
  as Azure reads it); default false;
- `azure_policy_enabled` <- `addonProfiles.azurepolicy.enabled`,
  `http_application_routing_enabled` <- `addonProfiles.httpApplicationRouting.enabled`
  (add-on keys in any case); default false;
- `automatic_upgrade_channel` <- `autoUpgradeProfile.upgradeChannel` (lower case); `none`
  when not written (Azure's documented default);
- `disk_encryption_set_id` <- `diskEncryptionSetID`; absent when not written;
- `network_policy` <- `networkProfile.networkPolicy` (lower case); `none` when not written
  (Azure's default: "Network policies will not be enforced"), Unknown when
  `networkProfile.networkDataplane` is `cilium` (Cilium may then enforce them);
- `agent_pools` <- `agentPoolProfiles[]`: `name`, `node_public_ip_enabled` <-
  `enableNodePublicIP`, `host_encryption_enabled` <- `enableEncryptionAtHost`, each false
  when not written. `Microsoft.ContainerService/managedClusters/agentPools` (nested or
  `<cluster>/<pool>`) -> `azure.containerservice.agent_pool`, from its `properties`.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.booleans import arm_boolean
from govern.adapters.arm.building import carry, copy, set_default
from govern.adapters.arm.mapping import ArmField, ArmMapping, negated
from govern.adapters.arm.reading import MISSING, find, value_at, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

RBAC_SINCE = "2018-03-31"


AGENT_POOL_TYPE = "microsoft.containerservice/managedclusters/agentpools"
# canonical pool setting -> ARM property
_POOL_SETTINGS = {"node_public_ip_enabled": "enableNodePublicIP",
                  "host_encryption_enabled": "enableEncryptionAtHost"}


def _pool(profile: Any) -> tuple[Any, list[str]]:
    """The canonical pool of an `agentPoolProfiles` element and the settings defaulted."""
    if isinstance(profile, Unknown):
        return profile, []
    if not isinstance(profile, dict):
        return Unknown("expected an agent pool profile object"), []
    pool: dict[str, Any] = {}
    name = value_in(profile, "name")
    if name is not MISSING:
        pool["name"] = name
    defaulted: list[str] = []
    for canonical, prop in _POOL_SETTINGS.items():
        value = arm_boolean(value_in(profile, prop))
        if value is MISSING:
            defaulted.append(canonical)
            value = False
        elif not isinstance(value, (bool, Unknown)):
            value = Unknown(f"{prop} {value!r} is not a boolean")
        pool[canonical] = value
    return pool, defaulted


def _agent_pools(resource: Resource, native: NativeResource) -> None:
    profiles, written = find(native.attributes, ("properties", "agentPoolProfiles"))
    if profiles is MISSING:
        return
    if not isinstance(profiles, list):
        resource.set(("agent_pools",), profiles if isinstance(profiles, Unknown)
                     else Unknown("agentPoolProfiles is not an array"))
        carry(resource, native, written, ("agent_pools",), deep=False)
        return
    pools: list[Any] = []
    for index, profile in enumerate(profiles):
        pool, defaulted = _pool(profile)
        pools.append(pool)
        resource.defaulted.update(("agent_pools", index, name) for name in defaulted)
    resource.set(("agent_pools",), pools)
    carry(resource, native, written, ("agent_pools",))


def lower(value: Any) -> Any:
    """A string in lower case (an enum Azure reads in any case); anything else as it is."""
    return value.strip().lower() if isinstance(value, str) else value


def default_network_policy(data_plane: Any) -> Any:
    """`network_policy` when no policy is written: `none` (Azure's and azurerm's default),
    Unknown when the data plane (MISSING when not written) is `cilium` or not known
    (Cilium may then enforce policies without one being named)."""
    if isinstance(data_plane, Unknown):
        return Unknown("no network policy is named, and the data plane (cilium enforces "
                       "policies) is not known statically")
    if isinstance(data_plane, str) and data_plane.strip().lower() == "cilium":
        return Unknown("no network policy is named, and the cilium data plane may enforce "
                       "policies with Cilium")
    return "none"


def _network_policy(resource: Resource, native: NativeResource) -> None:
    profile = ("properties", "networkProfile")
    if copy(resource, native, (*profile, "networkPolicy"), ("network_policy",), lower):
        return
    value = default_network_policy(value_at(native, *profile, "networkDataplane"))
    resource.set(("network_policy",), value, defaulted=not isinstance(value, Unknown))


def _finish(resource: Resource, native: NativeResource) -> None:
    _agent_pools(resource, native)
    _network_policy(resource, native)
    if value_at(native, "properties", "enableRBAC") is not MISSING:
        return
    api_version: Any = value_at(native, "apiVersion")
    if isinstance(api_version, str) and api_version:
        default: Any = api_version[:10] >= RBAC_SINCE
    else:
        default = Unknown("the default depends on the apiVersion, which is not known "
                          "statically")
    set_default(resource, ("rbac_enabled",), default)

MAPPING = ArmMapping("azure.containerservice.managed_cluster", (
    ArmField("private_cluster_enabled", "properties.apiServerAccessProfile.enablePrivateCluster",
             default=False),
    ArmField("api_server_authorized_ip_ranges",
             "properties.apiServerAccessProfile.authorizedIPRanges"),
    ArmField("api_server_authorized_ip_ranges", "properties.apiServerAuthorizedIPRanges"),
    ArmField("local_accounts_enabled", "properties.disableLocalAccounts", negated,
             default=True),
    ArmField("rbac_enabled", "properties.enableRBAC"),
    ArmField("monitoring_enabled", "properties.addonProfiles.omsagent.enabled",
             default=False),
    ArmField("azure_policy_enabled", "properties.addonProfiles.azurepolicy.enabled",
             default=False),
    ArmField("http_application_routing_enabled",
             "properties.addonProfiles.httpApplicationRouting.enabled", default=False),
    ArmField("automatic_upgrade_channel", "properties.autoUpgradeProfile.upgradeChannel",
             lower, default="none"),
    ArmField("disk_encryption_set_id", "properties.diskEncryptionSetID"),
), _finish)

AGENT_POOL = ArmMapping("azure.containerservice.agent_pool", tuple(
    ArmField(canonical, f"properties.{prop}", default=False)
    for canonical, prop in _POOL_SETTINGS.items()))
