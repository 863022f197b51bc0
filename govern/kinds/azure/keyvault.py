"""Azure Key Vault: vaults."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, integer, obj, resource_group, string, strings

KINDS = (
    azure("azure.keyvault.vault", "Azure Key Vault, with its network ACLs; also a Key "
          "Vault Managed HSM (Terraform `azurerm_key_vault_managed_hardware_security_module`, "
          "ARM `Microsoft.KeyVault/managedHSMs`), which has the same settings",
          string("name", "The vault's name."),
          resource_group(),
          boolean("purge_protection_enabled", "Whether purge protection is on: a deleted "
                  "vault or object cannot be purged before its retention period ends (ARM "
                  "`properties.enablePurgeProtection`); false when not written.",
                  default=False),
          integer("soft_delete_retention_days", "How many days a deleted vault or object is "
                  "kept, 7 to 90 (ARM `properties.softDeleteRetentionInDays`); absent when "
                  "not written (Azure then keeps them 90 days)."),
          boolean("public_network_access_enabled", "Whether the vault is reachable from "
                  "public networks (ARM `properties.publicNetworkAccess`: `Enabled` true, "
                  "`Disabled` false, any case; `SecuredByPerimeter` is Unknown); true when "
                  "not written (Azure's default, and the behaviour before the property "
                  "existed).", default=True),
          obj("network_acls", "The network ACLs, with the keys that are set: the first "
              "Terraform `network_acls` block, ARM `properties.networkAcls`. Absent when no "
              "ACL is written: every network is admitted.",
              string("default_action", "What happens to traffic that no rule admits (ARM "
                     "`defaultAction`).",
                     values=("Allow", "Deny")),
              string("bypass", "Whether trusted Azure services may bypass the ACLs "
                     "(`bypass`).",
                     values=("AzureServices", "None")),
              strings("ip_rules", "The addresses and CIDR ranges admitted: Terraform "
                      "`ip_rules`, ARM the `value` of each of `ipRules`."),
              strings("virtual_network_subnet_ids", "The ids of the subnets admitted: "
                      "Terraform `virtual_network_subnet_ids`, ARM the `id` of each of "
                      "`virtualNetworkRules`."))),
)
