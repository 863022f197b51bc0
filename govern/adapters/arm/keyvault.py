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
"""

from __future__ import annotations

from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled, pluck

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
))
