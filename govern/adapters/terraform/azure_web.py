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

`authentication_enabled`: true when `auth_settings.enabled` (every resource) or
`auth_settings_v2.auth_enabled` (v3/v4) is, Unknown when one is not known and neither is
true, else false (also when neither block is written). `identity_type` <- `identity.type`.
`client_certificates_enabled` <- `client_certificate_enabled` (v3/v4) or
`client_cert_enabled` (legacy `azurerm_app_service`), default false; not read for the other
legacy resources. `public_network_access_enabled`: copied, default true; true for the
legacy resources, which cannot turn it off.
"""

from __future__ import annotations

from govern.adapters.building import field, set_at, set_default, to_bool, where
from govern.adapters.reading import MISSING, first_block, value_in
from govern.adapters.terraform.azure_sql import tls_version
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "azure.web.app"
SLOT = "azure.web.app_slot"


AUTH = "authentication_enabled"
_AUTH_FLAGS = (("auth_settings", "enabled"), ("auth_settings_v2", "auth_enabled"))


def _authentication(resource: Resource, native: NativeResource) -> None:
    """`authentication_enabled` from the first `auth_settings` / `auth_settings_v2` block."""
    undecided: tuple[Unknown, str] | None = None
    written: str | None = None
    for block_name, flag in _AUTH_FLAGS:
        block = first_block(native.attributes, block_name)
        value = block if isinstance(block, Unknown) else (
            MISSING if block is MISSING else to_bool(value_in(block, flag)))
        path = block_name if isinstance(block, Unknown) else f"{block_name}.0.{flag}"
        if value is True:
            set_at(resource, AUTH, True, where(native, path, False))
            return
        if isinstance(value, Unknown):
            undecided = undecided or (value, path)
        elif value is not MISSING:
            if not isinstance(value, bool):
                undecided = undecided or (Unknown(f"{flag} {value!r} is not a boolean"), path)
            written = written or path
    if undecided is not None:
        set_at(resource, AUTH, undecided[0], where(native, undecided[1], False))
    elif written is not None:
        set_at(resource, AUTH, False, where(native, written, False))
    else:
        set_default(resource, AUTH, False)


def _legacy_finish(resource: Resource, native: NativeResource) -> None:
    """The legacy resources cannot turn public network access off."""
    _authentication(resource, native)
    set_default(resource, "public_network_access_enabled", True)


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
        field("identity_type", "identity.0.type"),
        field("client_certificates_enabled", "client_certificate_enabled", default=False),
        field("public_network_access_enabled", default=True),
    ), _authentication)


def _legacy(kind: str, client_certificates: bool = False) -> KindMapping:
    return KindMapping(kind, (
        field("name"),
        field("resource_group_name"),
        field("https_only", default=False),
        field("min_tls_version", "site_config.0.min_tls_version", function=tls_version,
              default="1.2"),
        field("ftps_state", "site_config.0.ftps_state", default="AllAllowed"),
        field("remote_debugging_enabled", "site_config.0.remote_debugging_enabled",
              default=False),
        field("identity_type", "identity.0.type"),
        *((field("client_certificates_enabled", "client_cert_enabled", default=False),)
          if client_certificates else ()),
    ), _legacy_finish)


_CURRENT = ("linux_web_app", "windows_web_app", "linux_function_app", "windows_function_app")

MAPPINGS = {
    **{f"azurerm_{name}": _current(KIND) for name in _CURRENT},
    **{f"azurerm_{name}_slot": _current(SLOT) for name in _CURRENT},
    "azurerm_app_service": _legacy(KIND, client_certificates=True),
    "azurerm_function_app": _legacy(KIND),
    "azurerm_app_service_slot": _legacy(SLOT),
    "azurerm_function_app_slot": _legacy(SLOT),
}
