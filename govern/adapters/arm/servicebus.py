"""Azure Service Bus namespaces: `Microsoft.ServiceBus/namespaces`.

- `local_auth_enabled` <- not `disableLocalAuth`; default true (shared access signatures
  are accepted unless local authentication is disabled);
- `public_network_access_enabled` <- `publicNetworkAccess` (`Enabled`/`Disabled`;
  `SecuredByPerimeter` is Unknown); default true. A `networkRuleSets` child resource is not
  read.
"""

from __future__ import annotations

from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled, negated

MAPPING = ArmMapping("azure.servicebus.namespace", (
    ArmField("local_auth_enabled", "properties.disableLocalAuth", negated, default=True),
    ArmField("public_network_access_enabled", "properties.publicNetworkAccess", enabled,
             default=True),
))
