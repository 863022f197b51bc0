"""Azure Kubernetes Service: `Microsoft.ContainerService/managedClusters`.

- `private_cluster_enabled` <- `apiServerAccessProfile.enablePrivateCluster`; default
  false;
- `api_server_authorized_ip_ranges` <- `apiServerAccessProfile.authorizedIPRanges`, or
  the preview `apiServerAuthorizedIPRanges` (apiVersions 2019-02-01 to 2019-06-01);
  absent when not written (the API server then admits every address);
- `local_accounts_enabled` <- not `disableLocalAccounts`; default true;
- `rbac_enabled` <- `enableRBAC`; default true (Azure enables Kubernetes RBAC on a
  cluster created without it) from apiVersion 2018-03-31, which introduced the property;
  false before (such clusters have no RBAC); Unknown when the apiVersion is not known.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.building import set_default
from govern.adapters.arm.mapping import ArmField, ArmMapping, negated
from govern.adapters.arm.reading import MISSING, value_at
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

RBAC_SINCE = "2018-03-31"


def _finish(resource: Resource, native: NativeResource) -> None:
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
), _finish)
