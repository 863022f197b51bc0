"""Microsoft Defender for Cloud: the pricing tier of each Defender plan of a subscription,
and the subscription's security contact (who is emailed about alerts)."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, string, strings

# The plans (`resource_type` / the pricing's name) in Azure's spelling.
DEFENDER_PLANS = (
    "AI", "Api", "AppServices", "Arm", "CloudPosture", "ContainerRegistry", "Containers",
    "CosmosDbs", "Dns", "KeyVaults", "KubernetesService", "OpenSourceRelationalDatabases",
    "SqlServers", "SqlServerVirtualMachines", "StorageAccounts", "VirtualMachines",
)

KINDS = (
    azure("azure.security.pricing", "Microsoft Defender for Cloud plan pricing (a "
          "subscription's tier for one Defender plan)",
          string("plan", "The Defender plan the pricing sets: Terraform `resource_type` "
                 "(azurerm default `VirtualMachines`, i.e. Defender for Servers), ARM the "
                 "resource's `name`. Written in Azure's spelling whatever the case "
                 "(`keyvaults` -> `KeyVaults`); a name Azure does not list is kept as "
                 "written.", default="VirtualMachines"),
          string("tier", "The pricing tier: `Standard` (the plan is on) or `Free` (off). "
                 "Terraform `tier`, ARM `properties.pricingTier`, any case; both are "
                 "required (absent when a configuration omits it).",
                 values=("Free", "Standard")),
          taggable=False),
    azure("azure.security.contact", "Microsoft Defender for Cloud security contact (the "
          "subscription's email notifications about security alerts)",
          string("name", "The contact's name (Terraform `name`, ARM `name`)."),
          boolean("alert_notifications_enabled", "Whether security alerts are emailed to "
                  "the contact. Terraform `alert_notifications` (required). ARM: "
                  "`properties.alertNotifications` `On`/`Off` (API 2017-08-01-preview), or "
                  "its `state` (2020-01-01-preview); in the later form with "
                  "`notificationsSources`, true when `isEnabled` is true and a source has "
                  "`sourceType` `Alert`, false when `isEnabled` is false or no source is "
                  "an `Alert` one. Unknown when the template writes none of these."),
          boolean("alerts_to_admins_enabled", "Whether security alerts are also emailed "
                  "to people by their role on the subscription. Terraform "
                  "`alerts_to_admins` (required: the subscription's admins). ARM: "
                  "`properties.alertsToAdmins` `On`/`Off` (2017-08-01-preview), or "
                  "`properties.notificationsByRole.state` (later versions; false when "
                  "`isEnabled` is false). Unknown when the template writes neither."),
          strings("notified_roles", "The roles emailed when `alerts_to_admins_enabled` "
                  "(ARM `properties.notificationsByRole.roles`, in Azure's spelling: "
                  "`AccountAdmin`, `Contributor`, `Owner`, `ServiceAdmin`); absent in "
                  "Terraform and the 2017 API, which name no roles."),
          taggable=False),
)
