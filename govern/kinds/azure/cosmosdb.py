"""Azure Cosmos DB: database accounts."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, resource_group, string, strings

KINDS = (
    azure("azure.cosmosdb.account", "Azure Cosmos DB account, with its network filters",
          string("name", "The account's name."),
          resource_group(),
          boolean("public_network_access_enabled", "Whether the account is reachable from "
                  "public networks (ARM `properties.publicNetworkAccess`: `Enabled` true, "
                  "`Disabled` false, any case; `SecuredByPerimeter` is Unknown); true when "
                  "not written.", default=True),
          strings("ip_range_filter", "The addresses and CIDR ranges the IP firewall admits: "
                  "Terraform `ip_range_filter` (a set in azurerm v4; v3's comma-separated "
                  "string is split), ARM the `ipAddressOrRange` of each of "
                  "`properties.ipRules`; absent when not written."),
          boolean("is_virtual_network_filter_enabled", "Whether access is limited by the "
                  "virtual network rules (ARM `properties.isVirtualNetworkFilterEnabled`); "
                  "false when not written.", default=False),
          strings("virtual_network_rules", "The ids of the subnets admitted: the `id` of "
                  "each Terraform `virtual_network_rule` block, or of each of ARM "
                  "`properties.virtualNetworkRules`; absent when not written."),
          boolean("access_key_metadata_writes_enabled", "Whether the account keys can "
                  "change metadata (databases, containers, throughput); ARM: the negation "
                  "of `properties.disableKeyBasedMetadataWriteAccess`; true when not "
                  "written.", default=True),
          string("kind", "The account's kind (Terraform `kind`, ARM `kind`): "
                 "`GlobalDocumentDB` (the API for NoSQL, and the Table, Cassandra and Gremlin "
                 "APIs, by their capabilities), `MongoDB` or `Parse`; `GlobalDocumentDB` when "
                 "not written (azurerm's and Azure's default).",
                 values=("GlobalDocumentDB", "MongoDB", "Parse"), default="GlobalDocumentDB"),
          boolean("local_auth_enabled", "Whether the account keys (primary and secondary, "
                  "read-write and read-only) authorize data-plane requests: the negation of "
                  "Terraform `local_authentication_disabled` (or `local_authentication_enabled` "
                  "as written, where a release names it so), ARM the negation of "
                  "`properties.disableLocalAuth`; true when not written.", default=True),
          string("customer_managed_key_id", "The customer-managed key the account's data is "
                 "encrypted with (a versionless key id): Terraform `key_vault_key_id`, or "
                 "`managed_hsm_key_id` (azurerm v4), ARM `properties.keyVaultKeyUri`. Absent "
                 "when not written (service-managed keys).")),
)
