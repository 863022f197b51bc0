"""Azure Data Factory: factories."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, resource_group, string

KINDS = (
    azure("azure.datafactory.factory", "Azure Data Factory",
          string("name", "The factory's name."),
          resource_group(),
          boolean("public_network_access_enabled", "Whether the factory is reachable from "
                  "public networks: Terraform `public_network_enabled`, ARM "
                  "`properties.publicNetworkAccess` (`Enabled` true, `Disabled` false, any "
                  "case; another value is Unknown); true when not written (the default of "
                  "azurerm v2, v3 and v4, and Azure's).", default=True)),
)
