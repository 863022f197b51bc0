"""Azure Key Vault: `azurerm_key_vault`, and `azurerm_key_vault_managed_hardware_security_module`
(a Managed HSM: the same purge protection, public network access and network ACLs, whose
block has only `default_action` and `bypass`).

Defaults are the provider's (azurerm v3 and v4): `purge_protection_enabled` false,
`public_network_access_enabled` true. `network_acls` (its first block: `default_action`,
`bypass`, `ip_rules`, `virtual_network_subnet_ids`) is absent when the block is not
written: Azure then admits every network.

`rbac_authorization_enabled` <- `enable_rbac_authorization` (or `rbac_authorization_enabled`,
its later v4 name), false when not written; always true for a Managed HSM.

Keys (`azurerm_key_vault_key`, `azurerm_key_vault_managed_hardware_security_module_key`)
and secrets (`azurerm_key_vault_secret`): `name`, `expiration_date` as written (absent
when not written: no expiry). A key's `automatic_rotation_enabled` is true when its
`rotation_policy` has an `automatic` block that sets `time_after_creation` or
`time_before_expiry` (Unknown when one is not known statically and the other is not set),
false otherwise (no policy, the provider's default: no rotation).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field, set_default
from govern.adapters.reading import MISSING, first_block, value_in
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

# what a vault and a Managed HSM say the same way
_COMMON = (
    field("name"),
    field("resource_group_name"),
    field("purge_protection_enabled", default=False),
    field("soft_delete_retention_days"),
    field("public_network_access_enabled", default=True),
    field("network_acls.default_action", "network_acls.0.default_action"),
    field("network_acls.bypass", "network_acls.0.bypass"),
)

# keys and secrets
_EXPIRING = (field("name"), field("expiration_date"))
_KEY = (*_EXPIRING, field("key_type"))
ROTATION = "automatic_rotation_enabled"


def _automatic(policy: Any) -> Any:
    """Whether a `rotation_policy` block rotates the key automatically."""
    automatic = first_block(policy, "automatic")
    if automatic is MISSING or isinstance(automatic, Unknown):
        return False if automatic is MISSING else automatic
    times = [value_in(automatic, name) for name in ("time_after_creation",
                                                    "time_before_expiry")]
    if any(time is not MISSING and not isinstance(time, Unknown) for time in times):
        return True
    unknown = next((time for time in times if isinstance(time, Unknown)), None)
    return unknown if unknown is not None else False


def _rotation(resource: Resource, native: NativeResource) -> None:
    policy = first_block(native.attributes, "rotation_policy")
    if policy is MISSING:
        set_default(resource, ROTATION, False)
        return
    resource.set((ROTATION,), _automatic(policy))
    carry_locations(resource, native, "rotation_policy", ROTATION)



def _local_rbac(resource: Resource, native: NativeResource) -> None:
    """A Managed HSM's data plane is authorized by its local RBAC only."""
    resource.set(("rbac_authorization_enabled",), True, defaulted=True)

MAPPINGS = {
    "azurerm_key_vault": KindMapping("azure.keyvault.vault", (
        *_COMMON,
        field("rbac_authorization_enabled", "enable_rbac_authorization",
              "rbac_authorization_enabled", default=False),
        field("network_acls.ip_rules", "network_acls.0.ip_rules"),
        field("network_acls.virtual_network_subnet_ids",
              "network_acls.0.virtual_network_subnet_ids"),
    )),
    "azurerm_key_vault_managed_hardware_security_module": KindMapping(
        "azure.keyvault.vault", _COMMON, _local_rbac),
    "azurerm_key_vault_key": KindMapping("azure.keyvault.key", _KEY, _rotation),
    "azurerm_key_vault_managed_hardware_security_module_key": KindMapping(
        "azure.keyvault.key", _KEY, _rotation),
    "azurerm_key_vault_secret": KindMapping("azure.keyvault.secret", _EXPIRING),
}
