"""Azure AI services (Cognitive Services) accounts: `Microsoft.CognitiveServices/accounts`.

- `public_network_access_enabled` <- `publicNetworkAccess` (`Enabled`/`Disabled`);
  default true (Azure's default when it is not set);
- `local_auth_enabled` <- not `disableLocalAuth`; default true (API keys are accepted
  unless local authentication is disabled).
"""

from __future__ import annotations

from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled, negated

MAPPING = ArmMapping("azure.cognitive.account", (
    ArmField("public_network_access_enabled", "properties.publicNetworkAccess", enabled,
             default=True),
    ArmField("local_auth_enabled", "properties.disableLocalAuth", negated, default=True),
))
