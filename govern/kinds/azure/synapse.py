"""Azure Synapse Analytics: workspaces."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, resource_group, string

KINDS = (
    azure("azure.synapse.workspace", "Azure Synapse Analytics workspace",
          string("name", "The workspace's name."),
          resource_group(),
          boolean("public_network_access_enabled", "Whether the workspace's endpoints (SQL, "
                  "development) are reachable from public networks: Terraform "
                  "`public_network_access_enabled`, ARM `properties.publicNetworkAccess` "
                  "(`Enabled` true, `Disabled` false, any case; another value is Unknown); "
                  "true when not written (the provider's default and Azure's).",
                  default=True),
          string("customer_managed_key", "The Key Vault key that encrypts the workspace's "
                 "data on top of the platform encryption: Terraform "
                 "`customer_managed_key.key_versionless_id`, ARM "
                 "`properties.encryption.cmk.key.keyVaultUrl`; absent when not written "
                 "(Azure then encrypts with platform-managed keys only).")),
)
