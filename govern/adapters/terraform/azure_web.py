"""Azure App Service: `azurerm_linux_web_app`, `azurerm_windows_web_app`,
`azurerm_linux_function_app`, `azurerm_windows_function_app` (azurerm v3, v4) and the
legacy `azurerm_app_service` (v2, v3) -> `azure.web.app`.

`https_only` defaults to false in every resource. From the first `site_config` block:
`min_tls_version` (`minimum_tls_version`; `min_tls_version` in `azurerm_app_service`),
default `"1.2"`; `ftps_state`, default `"Disabled"` in the v3/v4 resources, which write it
themselves, and `"AllAllowed"` in `azurerm_app_service`, which leaves it to Azure, whose
default is `AllAllowed`. `remote_debugging_enabled` (`site_config`), default false in
every resource.
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.azure_sql import tls_version
from govern.adapters.terraform.mapping import KindMapping

KIND = "azure.web.app"

_APP = KindMapping(KIND, (
    field("name"),
    field("resource_group_name"),
    field("https_only", default=False),
    field("min_tls_version", "site_config.0.minimum_tls_version", function=tls_version,
          default="1.2"),
    field("ftps_state", "site_config.0.ftps_state", default="Disabled"),
    field("remote_debugging_enabled", "site_config.0.remote_debugging_enabled",
          default=False),
))

MAPPINGS = {
    "azurerm_linux_web_app": _APP,
    "azurerm_windows_web_app": _APP,
    "azurerm_linux_function_app": _APP,
    "azurerm_windows_function_app": _APP,
    "azurerm_app_service": KindMapping(KIND, (
        field("name"),
        field("resource_group_name"),
        field("https_only", default=False),
        field("min_tls_version", "site_config.0.min_tls_version", function=tls_version,
              default="1.2"),
        field("ftps_state", "site_config.0.ftps_state", default="AllAllowed"),
        field("remote_debugging_enabled", "site_config.0.remote_debugging_enabled",
              default=False),
    )),
}
