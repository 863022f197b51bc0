"""Azure App Service: web and function apps, and their deployment slots."""

from __future__ import annotations

from govern.kinds.declare import azure, boolean, string

_LEGACY = ("`azurerm_app_service`, `azurerm_function_app` and their slots "
           "(`azurerm_app_service_slot`, `azurerm_function_app_slot`)")

# What an app and a deployment slot say of the site, the same way (a slot has its own
# settings, with the same provider and Azure defaults as an app's).
_SITE = (
    string("resource_group_name", "The resource group (Terraform "
           "`resource_group_name`, written by the legacy resources only for a slot: the v3/v4 "
           "slots take it from `app_service_id`/`function_app_id`, and it is then absent); "
           "ARM: the one the deployment goes to, Unknown unless a nested deployment names "
           "it."),
    boolean("https_only", "Whether HTTP requests are redirected to HTTPS (ARM "
            "`properties.httpsOnly`); false when not written.", default=False),
    string("min_tls_version", "The lowest TLS version clients may use: the first "
           "`site_config` block's `minimum_tls_version` (`min_tls_version` in the "
           f"legacy {_LEGACY}), ARM `properties.siteConfig.minTlsVersion`; a "
           "number is read as its text (`1.2` as `\"1.2\"`). `\"1.2\"` when not "
           "written (Azure's default for every app created since 2018). In ARM, a "
           "`web` configuration (`Microsoft.Web/sites/config` named `web`, nested in "
           "the site or named `<site>/web`; for a slot `Microsoft.Web/sites/slots/config` "
           "named `web`, nested in the slot or named `<site>/<slot>/web`) replaces what the "
           "`siteConfig` of the site or slot says, here and in `ftps_state` and "
           "`remote_debugging_enabled`; one whose site or slot is not in the template is "
           "judged on a stand-in for it that has only the settings it writes.",
           default="1.2", values=("1.0", "1.1", "1.2", "1.3")),
    string("ftps_state", "Whether FTP deployment is allowed: `AllAllowed` (plain FTP "
           "and FTPS), `FtpsOnly` or `Disabled` (`site_config.ftps_state`, ARM "
           "`properties.siteConfig.ftpsState`). When not written: `\"Disabled\"` for "
           "the azurerm v3/v4 web and function app resources and their slots, which write "
           "it themselves; `\"AllAllowed\"`, Azure's default, for the legacy "
           f"{_LEGACY} and ARM.",
           values=("AllAllowed", "FtpsOnly", "Disabled")),
    boolean("remote_debugging_enabled", "Whether remote debugging is on "
            "(`site_config.remote_debugging_enabled`, ARM "
            "`properties.siteConfig.remoteDebuggingEnabled`); false when not written "
            "(the legacy function app resources cannot write it).",
            default=False),
    boolean("authentication_enabled", "Whether App Service Authentication (\"Easy Auth\", "
            "the platform's sign-in in front of the app) is on: Terraform "
            "`auth_settings.enabled` (every resource) or `auth_settings_v2.auth_enabled` "
            "(the azurerm v3/v4 resources), true when either is; ARM the site's (or "
            "slot's) `authsettings` configuration (`Microsoft.Web/sites/config` or "
            "`.../slots/config`, nested or named `<site>/authsettings`, "
            "`<site>/<slot>/authsettings`), `properties.enabled`, or its `authsettingsV2` "
            "configuration, `properties.platform.enabled`, true when either is; a "
            "configuration whose site or slot is not in the template is judged on a "
            "stand-in, as for `web`. False when nothing is written (Azure's and the "
            "provider's default).", default=False),
    boolean("client_certificates_enabled", "Whether the app asks clients for a TLS "
            "certificate (incoming client certificates): Terraform "
            "`client_certificate_enabled` of the azurerm v3/v4 web and function apps and "
            "their slots, `client_cert_enabled` of the legacy `azurerm_app_service`; ARM "
            "`properties.clientCertEnabled`. False when not written (the provider's and "
            "Azure's default). Absent for the legacy `azurerm_app_service_slot`, "
            "`azurerm_function_app` and `azurerm_function_app_slot`, which are not read. "
            "Whether a certificate is required or optional (`client_certificate_mode`, "
            "`clientCertMode`) is not read."),
    boolean("public_network_access_enabled", "Whether the app answers on its public "
            "endpoint: Terraform `public_network_access_enabled` of the azurerm v3/v4 web and "
            "function apps and their slots, true when not written (the provider's default), "
            "and true for the legacy resources, which cannot turn it off; ARM "
            "`properties.publicNetworkAccess`, else `properties.siteConfig.publicNetworkAccess` "
            "(`Enabled` true, `Disabled` false, any case; another value is Unknown), true "
            "when neither is written or the value is empty (Azure's default); Unknown when "
            "both are written and disagree (Azure does not document which wins). A `web` "
            "configuration resource is not read for it."),
    string("identity_type", "The managed identities the app has: Terraform "
           "`identity.type`, ARM `identity.type` (`SystemAssigned`, `UserAssigned`, "
           "`SystemAssigned, UserAssigned`, or `None`); absent when no identity is written "
           "(the app then has none)."),
)

KINDS = (
    azure("azure.web.app", "Azure App Service web or function app",
          string("name", "The app's name."),
          *_SITE),
    azure("azure.web.app_slot", "Azure App Service deployment slot of a web or function "
          "app: a live app of its own, with its own host name and settings",
          string("name", "The slot's name: in Terraform the slot's own (`name`, e.g. "
                 "`staging`), in ARM `<site>/<slot>` (a slot nested in its site is named "
                 "so too)."),
          *_SITE),
)
