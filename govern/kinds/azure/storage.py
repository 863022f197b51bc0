"""Azure Storage: storage accounts, with their blob containers."""

from __future__ import annotations

from govern.kinds.azure.private_link import private_endpoints
from govern.kinds.declare import azure, boolean, obj, objects, resource_group, string, strings

KINDS = (
    azure("azure.storage.account", "Azure storage account",
          string("name", "The account's name."),
          resource_group(),
          boolean("https_only", "Whether only HTTPS requests are accepted. Terraform "
                  "`https_traffic_only_enabled` (v4) or `enable_https_traffic_only` (v2, "
                  "v3), true when not written; ARM `properties.supportsHttpsTrafficOnly`, "
                  "when not written true from apiVersion 2019-04-01 and false before (the "
                  "apiVersion of the template's `apiProfile` when the resource has none; "
                  "Unknown when it is not known statically)."),
          string("min_tls_version", "The lowest TLS version requests may use. Terraform "
                 "`min_tls_version`, `TLS1_2` when not written (azurerm v3/v4), `TLS1_0` "
                 "for a configuration written for azurerm v2 (it sets "
                 "`allow_blob_public_access`); ARM `properties.minimumTlsVersion`, `TLS1_0` "
                 "when not written, in every apiVersion (Azure Storage then accepts TLS 1.0 "
                 "and 1.1).",
                 values=("TLS1_0", "TLS1_1", "TLS1_2", "TLS1_3")),
          boolean("allow_blob_public_access", "Whether containers and blobs may be made "
                  "public (anonymous read). Terraform `allow_nested_items_to_be_public` "
                  "(v3, v4) or `allow_blob_public_access` (v2), true when not written (v3 "
                  "and v4's default); ARM `properties.allowBlobPublicAccess`, when not "
                  "written false from apiVersion 2023-01-01 and true before (as for "
                  "`https_only`, Unknown when the apiVersion is not known statically)."),
          boolean("public_network_access_enabled", "Whether the account is reachable from "
                  "public networks (ARM `properties.publicNetworkAccess`: `Enabled` true, "
                  "`Disabled` false, any case; another value, such as "
                  "`SecuredByPerimeter`, is Unknown); true when not written (azurerm's "
                  "default; Azure leaves an account whose property is unset reachable, in "
                  "every apiVersion, as before the property existed).", default=True),
          obj("network_rules", "The account's firewall: the first Terraform "
              "`network_rules` block, or an `azurerm_storage_account_network_rules` folded "
              "into the account it names (`storage_account_id`, or azurerm v2's "
              "`storage_account_name` in the same resource group), which replaces it; ARM "
              "`properties.networkAcls`. Absent when none is written: Azure then admits "
              "every network.",
              string("default_action", "What happens to traffic that no rule admits "
                     "(ARM `defaultAction`; required in the block and in `networkAcls`).",
                     values=("Allow", "Deny")),
              strings("bypass", "The kinds of traffic admitted whatever the rules say: "
                      "`AzureServices` (trusted Microsoft services), `Logging`, `Metrics`, "
                      "or `None` (Terraform `bypass`, a set; ARM `bypass`, a comma-separated "
                      "string, split; each word in Azure's case). `[\"AzureServices\"]` when "
                      "not written (Azure's default, in both formats)."),
              ),
          boolean("shared_key_access_enabled", "Whether requests may be authorized with the "
                  "account key (Shared Key): Terraform `shared_access_key_enabled`, ARM "
                  "`properties.allowSharedKeyAccess`; true when not written (Azure reads an "
                  "unset value as true).", default=True),
          boolean("infrastructure_encryption_enabled", "Whether data is encrypted a second "
                  "time at the infrastructure level (ARM "
                  "`properties.encryption.requireInfrastructureEncryption`); false when not "
                  "written.", default=False),
          boolean("customer_managed_key_enabled", "Whether the account's data is "
                  "encrypted with a customer-managed key (in Key Vault or a Managed HSM) "
                  "rather than a Microsoft-managed key: Terraform a `customer_managed_key` "
                  "block, or an `azurerm_storage_account_customer_managed_key` folded into "
                  "the account its `storage_account_id` names; ARM "
                  "`properties.encryption.keySource` `Microsoft.Keyvault` (true) or "
                  "`Microsoft.Storage` (false), any case. False when not written "
                  "(Microsoft-managed keys).", default=False),
          boolean("cross_tenant_replication_enabled", "Whether object replication "
                  "policies may copy blobs to or from accounts in other Microsoft Entra "
                  "tenants. Terraform `cross_tenant_replication_enabled`: when not written "
                  "true in azurerm v2 and v3 and false in v4, so true for a configuration "
                  "that writes v2/v3's `enable_https_traffic_only` (removed in v4) and "
                  "Unknown otherwise (the provider version is not in the code). ARM "
                  "`properties.allowCrossTenantReplication`: when not written false from "
                  "apiVersion 2023-01-01 and true before (Unknown when the apiVersion is not "
                  "known statically)."),
          string("account_kind", "The kind of account: Terraform `account_kind`, "
                 "`StorageV2` when not written (azurerm v2, v3, v4); ARM `kind` "
                 "(required).",
                 values=("Storage", "StorageV2", "BlobStorage", "BlockBlobStorage",
                         "FileStorage")),
          string("replication", "How the account's data is replicated: `LRS` (three "
                 "copies in one datacenter), `ZRS` (across the region's availability zones), "
                 "`GRS`/`RAGRS` (LRS plus an asynchronous copy in the paired region, "
                 "readable there with RA-), `GZRS`/`RAGZRS` (ZRS plus the paired region). "
                 "Terraform `account_replication_type` (required), ARM `sku.name` (required; "
                 "the part after `Standard_` or `Premium_`); read in upper case.",
                 values=("LRS", "ZRS", "GRS", "RAGRS", "GZRS", "RAGZRS")),
          boolean("blob_soft_delete_enabled", "Whether deleted blobs (and overwritten "
                  "blob data) are kept for a retention period and can be restored: "
                  "Terraform a `blob_properties` block with a `delete_retention_policy` "
                  "block (its `days` default to 7); ARM the account's `blobServices` "
                  "resource (nested in the account or named `<account>/default`) "
                  "`properties.deleteRetentionPolicy.enabled`. False when not written "
                  "(Azure enables blob soft delete by default only for accounts created in "
                  "the portal)."),
          boolean("container_soft_delete_enabled", "Whether deleted blob containers are "
                  "kept for a retention period and can be restored: Terraform "
                  "`blob_properties.container_delete_retention_policy` written (its `days` "
                  "default to 7); ARM `blobServices` "
                  "`properties.containerDeleteRetentionPolicy.enabled`. False when not "
                  "written, as for `blob_soft_delete_enabled`."),
          private_endpoints("`Microsoft.Storage/storageAccounts/<name>`"),
          objects("containers", "The account's blob containers: each Terraform "
                  "`azurerm_storage_container` folded into the account its "
                  "`storage_account_id` (azurerm v4) or `storage_account_name` names, each "
                  "ARM `Microsoft.Storage/storageAccounts/blobServices/containers` (nested "
                  "in the account's `blobServices`, or named `<account>/default/<container>`"
                  "). Absent when the code declares none. A container whose account is not "
                  "in the scanned code is judged on a stand-in for the account that has "
                  "only its containers.",
                  string("name", "The container's name (ARM: the last segment of the "
                         "resource's name)."),
                  string("public_access", "Who may read the container without "
                         "credentials: `private` (nobody), `blob` (anyone, the blobs whose "
                         "name they know) or `container` (anyone, the blobs and the list "
                         "of the container). Terraform `container_access_type`, `private` "
                         "when not written; ARM `properties.publicAccess` (`None` is read "
                         "as `private`, `Blob` as `blob`, `Container` as `container`, any "
                         "case), `private` when not written. The account's "
                         "`allow_blob_public_access` false overrides it (Azure then serves "
                         "no anonymous request).",
                         values=("private", "blob", "container")))),
)
