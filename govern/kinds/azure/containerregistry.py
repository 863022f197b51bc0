"""Azure Container Registry: registries."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, obj, resource_group, string

KINDS = (
    azure("azure.containerregistry.registry", "Azure Container Registry",
          string("name", "The registry's name."),
          resource_group(),
          string("sku", "The service tier (Terraform `sku`, ARM `sku.name`); network rules "
                 "need `Premium`.",
                 values=("Classic", "Basic", "Standard", "Premium")),
          boolean("admin_enabled", "Whether the admin user (a shared user name and password "
                  "that can push and pull) is enabled (ARM `properties.adminUserEnabled`); "
                  "false when not written.", default=False),
          boolean("anonymous_pull_enabled", "Whether anyone may pull images without "
                  "authenticating (Terraform `anonymous_pull_enabled`, ARM "
                  "`properties.anonymousPullEnabled`); false when not written (azurerm's "
                  "and Azure's default, in every apiVersion). Only the `Standard` and "
                  "`Premium` tiers offer it.", default=False),
          boolean("public_network_access_enabled", "Whether the registry is reachable from "
                  "public networks (ARM `properties.publicNetworkAccess`: `Enabled` true, "
                  "`Disabled` false, any case; another value is Unknown); true when not "
                  "written.", default=True),
          obj("network_rule_set", "The network rules: the first Terraform "
              "`network_rule_set` block, ARM `properties.networkRuleSet`; absent when none "
              "is written (Azure then admits every network).",
              string("default_action", "What happens to traffic that no rule admits "
                     "(ARM `defaultAction`); absent when not written (Azure's default is "
                     "`Allow`).",
                     values=("Allow", "Deny")))),
)
