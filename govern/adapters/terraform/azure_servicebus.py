"""Azure Service Bus namespaces: `azurerm_servicebus_namespace`.

Defaults are the provider's (azurerm v3 and v4): `local_auth_enabled` (shared access
signatures accepted) true, `public_network_access_enabled` true, `minimum_tls_version`
(-> `min_tls_version`, a number read as its text) `"1.2"`. `customer_managed_key_enabled`
is true when a `customer_managed_key` block is written, else false;
`infrastructure_encryption_enabled` <- `customer_managed_key.infrastructure_encryption_enabled`,
default false; `identity_type` <- `identity.type`, absent when no identity is written. The
key may instead come from a separate `azurerm_servicebus_namespace_customer_managed_key`
naming the namespace by `namespace_id`: folded into it, it sets both (its own
`infrastructure_encryption_enabled`, default false).

Event Hubs namespaces, `azurerm_eventhub_namespace`: `minimum_tls_version` as for Service
Bus, `"1.2"` when not written (the provider's default, v3 and v4).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import copy, field, set_default
from govern.adapters.external import opened
from govern.adapters.terraform.azure_sql import tls_version
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.mapping import KindMapping
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

NAMESPACE = "azure.servicebus.namespace"
CMK = "customer_managed_key_enabled"
INFRASTRUCTURE = "infrastructure_encryption_enabled"


def block_written(value: Any) -> Any:
    """Whether a nested block (a list of blocks once parsed, `[]` in a plan) is written."""
    if isinstance(value, list):
        return bool(value)
    if isinstance(value, dict):
        return True
    return Unknown(f"{value!r} is not a block")


MAPPINGS = {
    "azurerm_servicebus_namespace": KindMapping("azure.servicebus.namespace", (
        field("name"),
        field("resource_group_name"),
        field("local_auth_enabled", default=True),
        field("public_network_access_enabled", default=True),
        field("min_tls_version", "minimum_tls_version", function=tls_version, default="1.2"),
        field("customer_managed_key_enabled", "customer_managed_key", function=block_written,
              default=False),
        field("infrastructure_encryption_enabled",
              "customer_managed_key.0.infrastructure_encryption_enabled", default=False),
        field("identity_type", "identity.0.type"),
    )),
    "azurerm_eventhub_namespace": KindMapping("azure.eventhub.namespace", (
        field("name"),
        field("resource_group_name"),
        field("min_tls_version", "minimum_tls_version", function=tls_version, default="1.2"),
    )),
}


def fold_customer_managed_key(native: NativeResource, ctx: RootContext) -> None:
    """`azurerm_servicebus_namespace_customer_managed_key` -> its namespace uses a
    customer-managed key, with the resource's infrastructure encryption."""
    namespace = ctx.fold_target(native, "namespace_id", [NAMESPACE], "Service Bus namespace",
                                by_name=False,
                                external=(NAMESPACE, "azurerm_servicebus_namespace", opened()))
    if namespace is None:
        return
    ctx.absorb(native, namespace)
    namespace.defaulted.discard((CMK,))
    namespace.set((CMK,), True)
    namespace.locations[(CMK,)] = native.range
    namespace.defaulted.discard((INFRASTRUCTURE,))
    if not copy(namespace, native, "infrastructure_encryption_enabled", INFRASTRUCTURE,
                folded=True):
        set_default(namespace, INFRASTRUCTURE, False)
        namespace.locations[(INFRASTRUCTURE,)] = native.range


FOLDERS = {
    "azurerm_servicebus_namespace_customer_managed_key": fold_customer_managed_key,
}
