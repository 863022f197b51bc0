"""Azure SQL logical servers (`Microsoft.Sql/servers`) and managed instances
(`Microsoft.Sql/managedInstances`).

Servers:

- `public_network_access_enabled` <- `publicNetworkAccess` (`Enabled`/`Disabled`;
  `SecuredByPerimeter` is Unknown); default true (Azure's default when it is not set);
- `min_tls_version` <- `minimalTlsVersion` (`"1.0"` ... `"1.3"`, `"None"`); default
  `"None"`: a server created through the API without it has no minimum and accepts every
  TLS version the platform still offers. azurerm writes `"1.2"` itself, so the same
  omission means something else in the two formats.
- `tde_customer_managed_key_enabled` <- `keyId` set (a customer-managed key; a value not
  known statically counts as set, a parameter that may be `""` is Unknown); default
  false (a service-managed TDE protector), until an encryption protector folded in says
  otherwise (`govern.adapters.arm.sql_encryption`).

Managed instances:
- `public_network_access_enabled` <- `publicDataEndpointEnabled` (the public data
  endpoint); default false (the endpoint is off unless enabled);
- `min_tls_version` <- `minimalTlsVersion`; Unknown when not written: Azure does not
  document what an instance created through the API without it enforces.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.building import carry, set_default
from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled, text
from govern.adapters.arm.reading import MISSING, find
from govern.model.resource import Resource
from govern.model.unknown import Unknown, has_choices, map_choices
from govern.parsers.native import NativeResource


def key_is_set(value: Any) -> Any:
    """Whether a key id names a customer-managed key: a key URI does, `""` and null do not;
    a value not known statically counts as set (as for other customer-managed keys), an
    ARM parameter that may be `""` is Unknown."""
    if isinstance(value, Unknown):
        return map_choices(value, key_is_set) if has_choices(value) else True
    if value is None or isinstance(value, str):
        return bool(value)
    return Unknown(f"key id {value!r} is not a string")


def _tde_key(resource: Resource, native: NativeResource) -> None:
    key, written = find(native.attributes, ("properties", "keyId"))
    if key is MISSING:
        set_default(resource, ("tde_customer_managed_key_enabled",), False)
        return
    resource.set(("tde_customer_managed_key_enabled",), key_is_set(key))
    carry(resource, native, written, ("tde_customer_managed_key_enabled",))


MAPPING = ArmMapping("azure.sql.server", (
    ArmField("public_network_access_enabled", "properties.publicNetworkAccess", enabled,
             default=True),
    ArmField("min_tls_version", "properties.minimalTlsVersion", text, default="None"),
), _tde_key)

MANAGED_INSTANCE = ArmMapping("azure.sql.managed_instance", (
    ArmField("public_network_access_enabled", "properties.publicDataEndpointEnabled",
             default=False),
    ArmField("min_tls_version", "properties.minimalTlsVersion", text,
             default=Unknown("minimalTlsVersion is not written and Azure does not document "
                             "the minimum a managed instance then enforces")),
))
