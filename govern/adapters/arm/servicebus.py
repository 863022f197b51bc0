"""Azure Service Bus namespaces: `Microsoft.ServiceBus/namespaces`.

- `local_auth_enabled` <- not `disableLocalAuth`; default true (shared access signatures
  are accepted unless local authentication is disabled);
- `public_network_access_enabled` <- `publicNetworkAccess` (`Enabled`/`Disabled`;
  `SecuredByPerimeter` is Unknown); default true. A `networkRuleSets` child resource is not
  read;
- `min_tls_version` <- `minimumTlsVersion` (a number read as its text); Unknown when not
  written (Azure does not document, for every apiVersion, the minimum a namespace created
  without it enforces);
- `customer_managed_key_enabled` <- `encryption.keyVaultProperties` (true when it has an
  element); false when not written (Microsoft-managed keys);
- `infrastructure_encryption_enabled` <- `encryption.requireInfrastructureEncryption`;
  default false;
- `identity_type` <- `identity.type` (of the resource, not of `properties`).

Event Hubs namespaces, `Microsoft.EventHub/namespaces`: `min_tls_version` as for Service
Bus.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled, negated, text
from govern.model.unknown import Unknown


def names_key(value: Any) -> Any:
    """`keyVaultProperties`: whether it names at least one key."""
    if isinstance(value, list):
        return bool(value)
    return Unknown("keyVaultProperties is not an array")


UNSET_TLS = Unknown("minimumTlsVersion is not written and Azure does not document, for "
                    "every apiVersion, the minimum a namespace then enforces")
_TLS = ArmField("min_tls_version", "properties.minimumTlsVersion", text, default=UNSET_TLS)

MAPPING = ArmMapping("azure.servicebus.namespace", (
    ArmField("local_auth_enabled", "properties.disableLocalAuth", negated, default=True),
    ArmField("public_network_access_enabled", "properties.publicNetworkAccess", enabled,
             default=True),
    _TLS,
    ArmField("customer_managed_key_enabled", "properties.encryption.keyVaultProperties",
             names_key, default=False),
    ArmField("infrastructure_encryption_enabled",
             "properties.encryption.requireInfrastructureEncryption", default=False),
    ArmField("identity_type", "identity.type"),
))

EVENTHUB = ArmMapping("azure.eventhub.namespace", (_TLS,))
