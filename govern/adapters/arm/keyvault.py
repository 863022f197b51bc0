"""Azure Key Vault: `Microsoft.KeyVault/vaults`, and `Microsoft.KeyVault/managedHSMs` (a
Managed HSM, whose properties below have the same names and meaning).

- `purge_protection_enabled` <- `enablePurgeProtection`; default false (Azure leaves purge
  protection off unless it is set, in every apiVersion);
- `soft_delete_retention_days` <- `softDeleteRetentionInDays`;
- `public_network_access_enabled` <- `publicNetworkAccess` (`enabled`/`disabled`, any
  case); default true (Azure's default, and the behaviour before the property existed);
- `network_acls` <- `networkAcls`: `default_action` (`defaultAction`), `bypass`,
  `ip_rules` (the `value` of each of `ipRules`), `virtual_network_subnet_ids` (the `id` of
  each of `virtualNetworkRules`); absent when not written (Azure then admits every
  network).

`rbac_authorization_enabled` <- `enableRbacAuthorization`; default false before apiVersion
2026-02-01, Unknown from it (Azure announced RBAC as the default for new vaults from that
version) and when the apiVersion is not known statically; always true for a Managed HSM.

Keys (`Microsoft.KeyVault/vaults/keys`, `Microsoft.KeyVault/managedHSMs/keys`) and secrets
(`Microsoft.KeyVault/vaults/secrets`), nested in their vault or not: `name` (the full
`<vault>/<name>`), `expiration_date` <- `properties.attributes.exp` (absent when not
written: no expiry), and for keys `key_type` <- `properties.kty` and
`automatic_rotation_enabled` <- `properties.rotationPolicy.lifetimeActions`: true when an
action of type `rotate` (any case) has a trigger (`timeAfterCreate` or
`timeBeforeExpiry`); false when none does, or no policy is written (no rotation).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.building import carry, set_default
from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled, pluck
from govern.adapters.arm.reading import MISSING, find, value_at, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

RBAC = ("rbac_authorization_enabled",)
RBAC_DEFAULT_SINCE = "2026-02-01"


def _rbac_default(resource: Resource, native: NativeResource) -> None:
    if resource.kind != "azure.keyvault.vault" or RBAC[0] in resource.attributes:
        return
    if native.native_type.lower() == "microsoft.keyvault/managedhsms":
        set_default(resource, RBAC, True)  # local RBAC only
        return
    api_version: Any = value_at(native, "apiVersion")
    if isinstance(api_version, str) and api_version:
        set_default(resource, RBAC, False if api_version[:10] < RBAC_DEFAULT_SINCE else Unknown(
            f"enableRbacAuthorization is not written and apiVersion {api_version} is one for "
            "which Azure announced RBAC as the default"))
    else:
        set_default(resource, RBAC, Unknown(
            "enableRbacAuthorization is not written and its default depends on the "
            "apiVersion, which is not known statically" if api_version is not MISSING
            else "enableRbacAuthorization and the apiVersion are not written"))


MAPPING = ArmMapping("azure.keyvault.vault", (
    ArmField("purge_protection_enabled", "properties.enablePurgeProtection", default=False),
    ArmField("soft_delete_retention_days", "properties.softDeleteRetentionInDays"),
    ArmField("public_network_access_enabled", "properties.publicNetworkAccess", enabled,
             default=True),
    ArmField("network_acls.default_action", "properties.networkAcls.defaultAction"),
    ArmField("network_acls.bypass", "properties.networkAcls.bypass"),
    ArmField("network_acls.ip_rules", "properties.networkAcls.ipRules", pluck("value")),
    ArmField("network_acls.virtual_network_subnet_ids",
             "properties.networkAcls.virtualNetworkRules", pluck("id")),
    ArmField("rbac_authorization_enabled", "properties.enableRbacAuthorization"),
), _rbac_default)

def _rotates(action: Any) -> Any:
    """Whether one `lifetimeActions` element rotates the key (Unknown when not known)."""
    if isinstance(action, Unknown):
        return action
    kind = value_in(action, "action", "type")
    if isinstance(kind, Unknown):
        return kind
    if not (isinstance(kind, str) and kind.strip().lower() == "rotate"):
        return False
    triggers = [value_in(action, "trigger", name) for name in ("timeAfterCreate",
                                                               "timeBeforeExpiry")]
    if any(t is not MISSING and not isinstance(t, Unknown) for t in triggers):
        return True
    return next((t for t in triggers if isinstance(t, Unknown)), False)


def _rotation(resource: Resource, native: NativeResource) -> None:
    written = ("properties", "rotationPolicy", "lifetimeActions")
    actions, where = find(native.attributes, written)
    if actions is MISSING:
        set_default(resource, ("automatic_rotation_enabled",), False)
        return
    if isinstance(actions, Unknown) or not isinstance(actions, list):
        value: Any = actions if isinstance(actions, Unknown) else Unknown(
            "lifetimeActions is not an array")
    else:
        verdicts = [_rotates(action) for action in actions]
        value = True if any(v is True for v in verdicts) else next(
            (v for v in verdicts if isinstance(v, Unknown)), False)
    resource.set(("automatic_rotation_enabled",), value)
    carry(resource, native, where, ("automatic_rotation_enabled",), deep=False)


KEY = ArmMapping("azure.keyvault.key", (
    ArmField("expiration_date", "properties.attributes.exp"),
    ArmField("key_type", "properties.kty"),
), _rotation)

SECRET = ArmMapping("azure.keyvault.secret", (
    ArmField("expiration_date", "properties.attributes.exp"),
))
