"""Azure Cosmos DB accounts: `Microsoft.DocumentDB/databaseAccounts`.

- `public_network_access_enabled` <- `publicNetworkAccess`; default true (`Enabled`);
- `is_virtual_network_filter_enabled` <- `isVirtualNetworkFilterEnabled`; default false;
- `ip_range_filter` <- the `ipAddressOrRange` of each of `ipRules`;
- `virtual_network_rules` <- the `id` of each of `virtualNetworkRules`;
- `access_key_metadata_writes_enabled` <- the negation of
  `disableKeyBasedMetadataWriteAccess`; default true (that property defaults to false);
- `kind` <- the resource's `kind`; default `GlobalDocumentDB`;
- `local_auth_enabled` <- the negation of `disableLocalAuth`; default true;
- `customer_managed_key_id` <- `keyVaultKeyUri`; absent when not written.
"""

from __future__ import annotations

from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled, negated, pluck

MAPPING = ArmMapping("azure.cosmosdb.account", (
    ArmField("public_network_access_enabled", "properties.publicNetworkAccess", enabled,
             default=True),
    ArmField("is_virtual_network_filter_enabled", "properties.isVirtualNetworkFilterEnabled",
             default=False),
    ArmField("ip_range_filter", "properties.ipRules", pluck("ipAddressOrRange")),
    ArmField("virtual_network_rules", "properties.virtualNetworkRules", pluck("id")),
    ArmField("access_key_metadata_writes_enabled",
             "properties.disableKeyBasedMetadataWriteAccess", negated, default=True),
    ArmField("kind", "kind", default="GlobalDocumentDB"),
    ArmField("local_auth_enabled", "properties.disableLocalAuth", negated, default=True),
    ArmField("customer_managed_key_id", "properties.keyVaultKeyUri"),
))
