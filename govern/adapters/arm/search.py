"""Azure AI Search services: `Microsoft.Search/searchServices`.

- `public_network_access_enabled` <- `publicNetworkAccess` (`enabled`/`disabled`, any
  case; `securedByPerimeter` is Unknown); default true (Azure's default);
- `local_auth_enabled` <- not `disableLocalAuth`; default true (API keys are accepted
  unless local authentication is disabled).
"""

from __future__ import annotations

from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled, negated

MAPPING = ArmMapping("azure.search.service", (
    ArmField("public_network_access_enabled", "properties.publicNetworkAccess", enabled,
             default=True),
    ArmField("local_auth_enabled", "properties.disableLocalAuth", negated, default=True),
))
