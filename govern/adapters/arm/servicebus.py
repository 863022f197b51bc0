"""Azure Service Bus namespaces: `Microsoft.ServiceBus/namespaces`.

- `local_auth_enabled` <- not `disableLocalAuth`; default true (shared access signatures
  are accepted unless local authentication is disabled);
- `public_network_access_enabled` <- `publicNetworkAccess` (`Enabled`/`Disabled`;
  `SecuredByPerimeter` is Unknown); default true. A `networkRuleSets` child resource is not
  read;
- `min_tls_version` <- `minimumTlsVersion` (a number read as its text); Unknown when not
  written (Azure does not document, for every apiVersion, the minimum a namespace created
  without it enforces).

Event Hubs namespaces, `Microsoft.EventHub/namespaces`: `min_tls_version` as for Service
Bus.
"""

from __future__ import annotations

from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled, negated, text
from govern.model.unknown import Unknown

UNSET_TLS = Unknown("minimumTlsVersion is not written and Azure does not document, for "
                    "every apiVersion, the minimum a namespace then enforces")
_TLS = ArmField("min_tls_version", "properties.minimumTlsVersion", text, default=UNSET_TLS)

MAPPING = ArmMapping("azure.servicebus.namespace", (
    ArmField("local_auth_enabled", "properties.disableLocalAuth", negated, default=True),
    ArmField("public_network_access_enabled", "properties.publicNetworkAccess", enabled,
             default=True),
    _TLS,
))

EVENTHUB = ArmMapping("azure.eventhub.namespace", (_TLS,))
