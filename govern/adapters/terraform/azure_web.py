"""Azure App Service: `azurerm_linux_web_app`, `azurerm_windows_web_app`,
`azurerm_linux_function_app`, `azurerm_windows_function_app` (azurerm v3, v4) and the
legacy `azurerm_app_service`, `azurerm_function_app` (v2, v3) -> `azure.web.app`; their
deployment slots `azurerm_linux_web_app_slot`, `azurerm_windows_web_app_slot`,
`azurerm_linux_function_app_slot`, `azurerm_windows_function_app_slot` and the legacy
`azurerm_app_service_slot`, `azurerm_function_app_slot` -> `azure.web.app_slot`, read the
same way (a slot's settings have the same provider defaults as its app's).

`https_only` defaults to false in every resource. From the first `site_config` block:
`min_tls_version` (`minimum_tls_version`; `min_tls_version` in the legacy resources),
default `"1.2"`; `ftps_state`, default `"Disabled"` in the v3/v4 resources, which write it
themselves, and `"AllAllowed"` in the legacy ones, which leave it to Azure, whose
default is `AllAllowed`. `remote_debugging_enabled` (`site_config`), default false in
every resource (the legacy function app resources cannot write it).
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.azure_sql import tls_version
from govern.adapters.terraform.mapping import KindMapping

KIND = "azure.web.app"
SLOT = "azure.web.app_slot"


def _current(kind: str) -> KindMapping:
    return KindMapping(kind, (
        field("name"),
        field("resource_group_name"),
        field("https_only", default=False),
        field("min_tls_version", "site_config.0.minimum_tls_version", function=tls_version,
              default="1.2"),
        field("ftps_state", "site_config.0.ftps_state", default="Disabled"),
        field("remote_debugging_enabled", "site_config.0.remote_debugging_enabled",
              default=False),
    ))


def _legacy(kind: str) -> KindMapping:
    return KindMapping(kind, (
        field("name"),
        field("resource_group_name"),
        field("https_only", default=False),
        field("min_tls_version", "site_config.0.min_tls_version", function=tls_version,
              default="1.2"),
        field("ftps_state", "site_config.0.ftps_state", default="AllAllowed"),
        field("remote_debugging_enabled", "site_config.0.remote_debugging_enabled",
              default=False),
    ))


_CURRENT = ("linux_web_app", "windows_web_app", "linux_function_app", "windows_function_app")

MAPPINGS = {
    **{f"azurerm_{name}": _current(KIND) for name in _CURRENT},
    **{f"azurerm_{name}_slot": _current(SLOT) for name in _CURRENT},
    "azurerm_app_service": _legacy(KIND),
    "azurerm_function_app": _legacy(KIND),
    "azurerm_app_service_slot": _legacy(SLOT),
    "azurerm_function_app_slot": _legacy(SLOT),
}
