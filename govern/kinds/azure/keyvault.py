"""Azure Key Vault: vaults (and Managed HSMs), keys and secrets."""

from __future__ import annotations

from govern.kinds.azure.private_link import private_endpoints
from govern.kinds.declare import (
    azure,
    boolean,
    integer,
    obj,
    resource_group,
    scalar,
    string,
    strings,
)

KINDS = (
    azure("azure.keyvault.vault", "Azure Key Vault, with its network ACLs; also a Key "
          "Vault Managed HSM (Terraform `azurerm_key_vault_managed_hardware_security_module`, "
          "ARM `Microsoft.KeyVault/managedHSMs`), which has the same settings",
          string("name", "The vault's name."),
          resource_group(),
          boolean("rbac_authorization_enabled", "Whether data-plane access (keys, secrets, "
                  "certificates) is authorized with Azure role-based access control rather "
                  "than the vault's access policies: Terraform `enable_rbac_authorization`, "
                  "or `rbac_authorization_enabled` (later azurerm v4 releases), false when "
                  "not written; ARM `properties.enableRbacAuthorization`, false when not "
                  "written before apiVersion 2026-02-01, Unknown from it (Azure announced "
                  "RBAC as the default for new vaults from that version; Unknown too when "
                  "the apiVersion is not known statically). Always true for a Managed HSM "
                  "(its data plane is authorized by its local RBAC only)."),
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
                      "`virtualNetworkRules`.")),
          private_endpoints("`Microsoft.KeyVault/vaults/<name>` (a Managed HSM: "
                            "`Microsoft.KeyVault/managedHSMs/<name>`)")),
    azure("azure.keyvault.key", "A key in an Azure Key Vault (Terraform `azurerm_key_vault_key`, "
          "ARM `Microsoft.KeyVault/vaults/keys`) or a Managed HSM (Terraform "
          "`azurerm_key_vault_managed_hardware_security_module_key`, ARM "
          "`Microsoft.KeyVault/managedHSMs/keys`)",
          string("name", "The key's name (ARM: `<vault>/<key>`)."),
          resource_group(),
          scalar("expiration_date", "string|integer", "When the key's current version "
                 "expires: Terraform `expiration_date` (RFC 3339), ARM "
                 "`properties.attributes.exp` (seconds since 1970-01-01 UTC). Absent when "
                 "not written: the key never expires. A rotation policy's `expire_after` "
                 "(ARM `rotationPolicy.attributes.expiryTime`) applies to the versions "
                 "rotation creates, not to this one, and is not read."),
          string("key_type", "The key type: Terraform `key_type`, ARM `properties.kty` "
                 "(`RSA`, `EC`: software-protected; `RSA-HSM`, `EC-HSM`, `oct-HSM`: "
                 "protected by a hardware security module). Required in both formats.",
                 values=("RSA", "RSA-HSM", "EC", "EC-HSM", "oct", "oct-HSM")),
          boolean("automatic_rotation_enabled", "Whether the key's rotation policy creates "
                  "new versions automatically: Terraform a `rotation_policy` block whose "
                  "`automatic` block sets `time_after_creation` or `time_before_expiry`; "
                  "ARM a `properties.rotationPolicy.lifetimeActions` element whose "
                  "`action.type` is `rotate` (any case) and whose `trigger` sets "
                  "`timeAfterCreate` or `timeBeforeExpiry`. A policy that only notifies "
                  "does not rotate. False when no policy is written (Key Vault rotates no "
                  "key by itself).", default=False),
          taggable=False),
    azure("azure.keyvault.secret", "A secret in an Azure Key Vault (Terraform "
          "`azurerm_key_vault_secret`, ARM `Microsoft.KeyVault/vaults/secrets`)",
          string("name", "The secret's name (ARM: `<vault>/<secret>`)."),
          resource_group(),
          scalar("expiration_date", "string|integer", "When the secret expires: Terraform "
                 "`expiration_date` (RFC 3339), ARM `properties.attributes.exp` (seconds "
                 "since 1970-01-01 UTC). Absent when not written: the secret never "
                 "expires."),
          taggable=False),
)
