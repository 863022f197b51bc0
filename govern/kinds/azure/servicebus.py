"""Azure Service Bus: namespaces."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, resource_group, string

KINDS = (
    azure("azure.servicebus.namespace", "Azure Service Bus namespace",
          string("name", "The namespace's name."),
          resource_group(),
          boolean("local_auth_enabled", "Whether shared access signatures (SAS keys) are "
                  "accepted (local authentication); ARM: the negation of "
                  "`properties.disableLocalAuth`; true when not written.", default=True),
          boolean("public_network_access_enabled", "Whether the namespace is reachable "
                  "from public networks (ARM `properties.publicNetworkAccess`: `Enabled` "
                  "true, `Disabled` false, any case; `SecuredByPerimeter` is Unknown); true "
                  "when not written. ARM `networkRuleSets` child resources are not read.",
                  default=True),
          string("min_tls_version", "The lowest TLS version clients may use: Terraform "
                 "`minimum_tls_version` (a number is read as its text, `1.2` as `\"1.2\"`), "
                 "`\"1.2\"` when not written (azurerm v3 and v4's default); ARM "
                 "`properties.minimumTlsVersion`, "
                 "Unknown when not written (Azure does not document, for every apiVersion, "
                 "the minimum a namespace created without it enforces).",
                 values=("1.0", "1.1", "1.2")),
          boolean("customer_managed_key_enabled", "Whether the namespace's data is encrypted "
                  "with a customer-managed key from Key Vault (a Premium namespace feature): "
                  "true when Terraform's `customer_managed_key` block is written (its "
                  "`key_vault_key_id` is required) or an "
                  "`azurerm_servicebus_namespace_customer_managed_key` names the namespace "
                  "(`namespace_id`), or ARM `properties.encryption` names a key "
                  "(`keyVaultProperties` has an element); false when not written (Azure then "
                  "encrypts with Microsoft-managed keys).", default=False),
          boolean("infrastructure_encryption_enabled", "Whether the data is encrypted a "
                  "second time, at the infrastructure layer with a platform-managed key "
                  "(double encryption, only with a customer-managed key): Terraform "
                  "`customer_managed_key.infrastructure_encryption_enabled` (or that of an "
                  "`azurerm_servicebus_namespace_customer_managed_key` naming it), ARM "
                  "`properties.encryption.requireInfrastructureEncryption`; false when not "
                  "written (the provider's and Azure's default).", default=False),
          string("identity_type", "The managed identities the namespace has: Terraform "
                 "`identity.type`, ARM `identity.type` (`SystemAssigned`, `UserAssigned`, "
                 "`SystemAssigned, UserAssigned`, or `None`); absent when no identity is "
                 "written (Azure then creates none).")),
)
