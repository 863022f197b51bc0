"""Azure App Configuration: configuration stores."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, resource_group, string

KINDS = (
    azure("azure.appconfiguration.store", "Azure App Configuration store",
          string("name", "The store's name."),
          resource_group(),
          boolean("local_auth_enabled", "Whether access keys are accepted (local "
                  "authentication); ARM: the negation of `properties.disableLocalAuth`; "
                  "true when not written.", default=True),
          boolean("public_network_access_enabled", "Whether the store is reachable from "
                  "public networks: Terraform `public_network_access`, ARM "
                  "`properties.publicNetworkAccess` (`Enabled` true, `Disabled` false, any "
                  "case). Not written (Azure's \"automatic\" setting: public access until "
                  "the store has a private endpoint): true for the Free SKU (azurerm's "
                  "default `sku`), which cannot have private endpoints; Unknown for the "
                  "other SKUs and when the SKU is not known."),
          boolean("purge_protection_enabled", "Whether purge protection is on: a deleted "
                  "store (kept, recoverable, for its soft delete retention period) cannot be "
                  "purged before that period ends. Terraform `purge_protection_enabled`, ARM "
                  "`properties.enablePurgeProtection`; false when not written (the "
                  "provider's and Azure's default). The Free SKU supports neither soft "
                  "delete nor purge protection.", default=False)),
)
