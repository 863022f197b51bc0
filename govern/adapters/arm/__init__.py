"""ARM adapters: native `Microsoft.*` resources -> canonical kinds (the same kinds and
attribute paths as the azurerm Terraform adapters).

- `Microsoft.Storage/storageAccounts` -> `azure.storage.account` (`storage.py`);
- `Microsoft.Network/networkSecurityGroups` -> `azure.network.security_group`, with its
  `properties.securityRules` and the `Microsoft.Network/networkSecurityGroups/
  securityRules` resources (nested or top-level) folded in (`network.py`);
- `Microsoft.Authorization/roleAssignments` (and `<type>/providers/roleAssignments`) ->
  `azure.authorization.role_assignment`; `Microsoft.Authorization/roleDefinitions` ->
  `azure.authorization.role_definition` (`authorization.py`, `scope.py`);
- `Microsoft.KeyVault/vaults`, `Microsoft.Sql/servers`, `Microsoft.Sql/managedInstances`,
  `Microsoft.Web/sites` (+ its `web` configuration), `Microsoft.ContainerRegistry/registries`,
  `Microsoft.DocumentDB/databaseAccounts`, `Microsoft.Compute/disks`,
  `Microsoft.ContainerService/managedClusters`: table-driven (`mapping.py`; `keyvault.py`,
  `sql.py`, `web.py`, `container_registry.py`, `cosmosdb.py`, `disk.py`, `kubernetes.py`).

`adapt_arm` is imported on first use: the other formats' adapters share helpers
of single modules here, and importing one must not import this format's whole registry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govern.adapters.arm.adapter import adapt_arm

__all__ = ["adapt_arm"]


def __getattr__(name: str) -> Any:
    if name == "adapt_arm":
        from govern.adapters.arm.adapter import adapt_arm

        return adapt_arm
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
