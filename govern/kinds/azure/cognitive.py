"""Azure AI services (Cognitive Services): accounts."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, resource_group, string

KINDS = (
    azure("azure.cognitive.account", "Azure AI services (Cognitive Services) account "
          "(Terraform `azurerm_cognitive_account` and `azurerm_ai_services`, whose "
          "`public_network_access` and `local_authentication_enabled` are read as "
          "these attributes)",
          string("name", "The account's name."),
          resource_group(),
          boolean("public_network_access_enabled", "Whether the account is reachable from "
                  "public networks (ARM `properties.publicNetworkAccess`: `Enabled` true, "
                  "`Disabled` false, any case; another value is Unknown); true when not "
                  "written.", default=True),
          boolean("local_auth_enabled", "Whether API keys are accepted (local "
                  "authentication); ARM: the negation of `properties.disableLocalAuth`; true "
                  "when not written.", default=True)),
)
