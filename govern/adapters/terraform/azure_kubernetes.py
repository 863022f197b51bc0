"""Azure Kubernetes Service: `azurerm_kubernetes_cluster`.

`private_cluster_enabled` defaults to false. `api_server_authorized_ip_ranges` comes from
`api_server_access_profile.authorized_ip_ranges` (azurerm v3.39 and later, v4) or the
older top-level `api_server_authorized_ip_ranges` (v2, v3); absent when neither is set
(the API server then admits every address).
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "azurerm_kubernetes_cluster": KindMapping("azure.containerservice.managed_cluster", (
        field("name"),
        field("resource_group_name"),
        field("private_cluster_enabled", default=False),
        field("api_server_authorized_ip_ranges",
              "api_server_access_profile.0.authorized_ip_ranges",
              "api_server_authorized_ip_ranges"),
    )),
}
