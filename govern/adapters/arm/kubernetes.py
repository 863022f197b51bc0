"""Azure Kubernetes Service: `Microsoft.ContainerService/managedClusters`.

- `private_cluster_enabled` <- `apiServerAccessProfile.enablePrivateCluster`; default
  false;
- `api_server_authorized_ip_ranges` <- `apiServerAccessProfile.authorizedIPRanges`, or
  the preview `apiServerAuthorizedIPRanges` (apiVersions 2019-02-01 to 2019-06-01);
  absent when not written (the API server then admits every address).
"""

from __future__ import annotations

from govern.adapters.arm.mapping import ArmField, ArmMapping

MAPPING = ArmMapping("azure.containerservice.managed_cluster", (
    ArmField("private_cluster_enabled", "properties.apiServerAccessProfile.enablePrivateCluster",
             default=False),
    ArmField("api_server_authorized_ip_ranges",
             "properties.apiServerAccessProfile.authorizedIPRanges"),
    ArmField("api_server_authorized_ip_ranges", "properties.apiServerAuthorizedIPRanges"),
))
