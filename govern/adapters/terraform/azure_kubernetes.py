"""Azure Kubernetes Service: `azurerm_kubernetes_cluster`.

`private_cluster_enabled` defaults to false. `api_server_authorized_ip_ranges` comes from
`api_server_access_profile.authorized_ip_ranges` (azurerm v3.39 and later, v4) or the
older top-level `api_server_authorized_ip_ranges` (v2, v3); absent when neither is set
(the API server then admits every address).

`local_accounts_enabled` is the negation of `local_account_disabled` (default false:
local accounts enabled). `rbac_enabled` comes from `role_based_access_control_enabled`
(v3, v4) or v2's `role_based_access_control.enabled`; default true (the provider's, in
v3 and v4, and Azure's).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping
from govern.model.unknown import Unknown


def negated(value: Any) -> Any:
    """A `..._disabled` boolean read as the matching `..._enabled`."""
    if isinstance(value, bool):
        return not value
    return Unknown(f"{value!r} is not a boolean")

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
    )),
}
