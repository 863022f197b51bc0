"""The TDE protector of Azure SQL servers: `tde_customer_managed_key_enabled`.

- on the server (`govern.adapters.arm.sql`): true when `properties.keyId` (the
  customer-managed key the server is created with) is set, else false (defaulted: Azure
  protects the databases' encryption keys with a service-managed key);
- `Microsoft.Sql/servers/encryptionProtector` (nested in the server, or named
  `<server>/current`; folded by `fold_encryption_protector`) replaces it:
  `properties.serverKeyType` `AzureKeyVault` -> true, `ServiceManaged` -> false (any
  case); Unknown when missing (Azure requires it) or another value.

A protector whose server is not in the template is judged on an external parent.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.building import carry, convert
from govern.adapters.arm.context import ArmContext
from govern.adapters.arm.reading import MISSING, find
from govern.adapters.arm.sql_auditing import server_of
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

PROTECTOR_TYPE = "microsoft.sql/servers/encryptionprotector"
CMK = ("tde_customer_managed_key_enabled",)


def _key_type(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in ("azurekeyvault",
                                                             "servicemanaged"):
        return value.strip().lower() == "azurekeyvault"
    return Unknown(f"serverKeyType {value!r} is neither AzureKeyVault nor ServiceManaged")


def fold_encryption_protector(native: NativeResource, ctx: ArmContext) -> None:
    """Fold an encryption protector into its server."""
    server = server_of(native, ctx)
    if server is None:
        return
    server.defaulted.discard(CMK)
    kind, written = find(native.attributes, ("properties", "serverKeyType"))
    if kind is MISSING:
        server.set(CMK, Unknown("the encryption protector has no serverKeyType"))
        server.locations[CMK] = native.range
        return
    server.set(CMK, convert(kind, _key_type))
    carry(server, native, written, CMK)
