"""App Service web and function apps -> `azure.web.app`."""

from __future__ import annotations

from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one
from tests.adapters.terraform.natives import lines

CURRENT = ["azurerm_linux_web_app", "azurerm_windows_web_app",
           "azurerm_linux_function_app", "azurerm_windows_function_app"]


@pytest.mark.parametrize("native_type", CURRENT)
def test_defaults_of_the_current_resources(native_type: str) -> None:
    app = adapt_one(f"{native_type}.app", {"name": "app", "site_config": [{}]})
    assert app.kind == "azure.web.app"
    assert app.attributes == {"name": "app", "https_only": False, "min_tls_version": "1.2",
                              "ftps_state": "Disabled", "remote_debugging_enabled": False,
                              "authentication_enabled": False,
                              "client_certificates_enabled": False,
                              "public_network_access_enabled": True, "tags": {}}
    assert app.defaulted == {("https_only",), ("min_tls_version",), ("ftps_state",),
                             ("remote_debugging_enabled",), ("authentication_enabled",),
                             ("client_certificates_enabled",),
                             ("public_network_access_enabled",)}


def test_defaults_of_the_legacy_app_service() -> None:
    app = adapt_one("azurerm_app_service.app", {"name": "app"})
    assert app.attributes == {"name": "app", "https_only": False, "min_tls_version": "1.2",
                              "ftps_state": "AllAllowed", "remote_debugging_enabled": False,
                              "authentication_enabled": False,
                              "client_certificates_enabled": False,
                              "public_network_access_enabled": True, "tags": {}}


def test_written_values_and_locations() -> None:
    app = adapt_one("azurerm_linux_web_app.app", {
        "https_only": True,
        "site_config": [{"minimum_tls_version": "1.1", "ftps_state": "AllAllowed",
                         "remote_debugging_enabled": True}]},
        locations={"site_config.0.ftps_state": 9})
    assert app.attributes == {"https_only": True, "min_tls_version": "1.1",
                              "ftps_state": "AllAllowed", "remote_debugging_enabled": True,
                              "authentication_enabled": False,
                              "client_certificates_enabled": False,
                              "public_network_access_enabled": True, "tags": {}}
    assert app.location("ftps_state") == lines(9)
    legacy = adapt_one("azurerm_app_service.app", {
        "site_config": [{"min_tls_version": "1.0", "ftps_state": "FtpsOnly"}]})
    assert (legacy.attributes["min_tls_version"], legacy.attributes["ftps_state"]) == (
        "1.0", "FtpsOnly")


SLOTS = [f"{t}_slot" for t in CURRENT]


@pytest.mark.parametrize("native_type", SLOTS)
def test_slots_have_the_defaults_of_their_apps(native_type: str) -> None:
    slot = adapt_one(f"{native_type}.staging", {"name": "staging", "site_config": [{}],
                                                "tags": {"owner": "web"}})
    assert slot.kind == "azure.web.app_slot"
    assert slot.attributes == {"name": "staging", "https_only": False,
                               "min_tls_version": "1.2", "ftps_state": "Disabled",
                               "remote_debugging_enabled": False,
                               "authentication_enabled": False,
                               "client_certificates_enabled": False,
                               "public_network_access_enabled": True, "tags": {"owner": "web"}}


@pytest.mark.parametrize("native_type, kind", [
    ("azurerm_app_service_slot", "azure.web.app_slot"),
    ("azurerm_function_app_slot", "azure.web.app_slot"),
    ("azurerm_function_app", "azure.web.app"),
])
def test_legacy_slots_and_function_apps(native_type: str, kind: str) -> None:
    defaults = adapt_one(f"{native_type}.x", {"name": "x", "resource_group_name": "rg"})
    assert defaults.kind == kind
    assert defaults.attributes == {"name": "x", "resource_group_name": "rg",
                                   "https_only": False, "min_tls_version": "1.2",
                                   "ftps_state": "AllAllowed",
                                   "remote_debugging_enabled": False,
                                   "authentication_enabled": False,
                                   "public_network_access_enabled": True, "tags": {}}
    written = adapt_one(f"{native_type}.x", {
        "https_only": True, "site_config": [{"min_tls_version": "1.0", "ftps_state": "FtpsOnly"}]},
        locations={"site_config.0.min_tls_version": 4})
    assert (written.attributes["https_only"], written.attributes["min_tls_version"],
            written.attributes["ftps_state"]) == (True, "1.0", "FtpsOnly")
    assert written.location("min_tls_version") == lines(4)


@pytest.mark.parametrize("native_type, blocks, expected", [
    ("azurerm_linux_web_app", {"auth_settings": [{"enabled": True}]}, True),
    ("azurerm_windows_function_app_slot", {"auth_settings_v2": [{"auth_enabled": True}]},
     True),
    ("azurerm_linux_web_app", {"auth_settings": [{"enabled": False}],
                               "auth_settings_v2": [{"auth_enabled": True}]}, True),
    ("azurerm_linux_web_app", {"auth_settings": [{"enabled": False}],
                               "auth_settings_v2": [{"login": [{}]}]}, False),
    ("azurerm_app_service", {"auth_settings": [{"enabled": "false"}]}, False),
    ("azurerm_function_app", {"auth_settings": [{"enabled": Unknown("var.auth")}]}, None),
    ("azurerm_linux_web_app", {"auth_settings": [{"enabled": Unknown("var.auth")}],
                               "auth_settings_v2": [{"auth_enabled": True}]}, True),
    ("azurerm_linux_web_app", {"auth_settings_v2": Unknown("dynamic block")}, None),
    ("azurerm_linux_web_app", {"auth_settings": [{"enabled": "maybe"}]}, None),
])
def test_authentication(native_type: str, blocks: dict[str, Any], expected: bool | None) -> None:
    app = adapt_one(f"{native_type}.x", blocks, locations={"auth_settings": 3})
    value = app.attributes["authentication_enabled"]
    assert isinstance(value, Unknown) if expected is None else value is expected
    assert ("authentication_enabled",) not in app.defaulted


def test_authentication_location_and_identity() -> None:
    app = adapt_one("azurerm_linux_web_app.x", {
        "auth_settings": [{"enabled": True}], "identity": [{"type": "SystemAssigned"}]},
        locations={"auth_settings.0.enabled": 6, "identity.0.type": 9})
    assert app.location("authentication_enabled") == lines(6)
    assert app.attributes["identity_type"] == "SystemAssigned"
    assert app.location("identity_type") == lines(9)
    assert "identity_type" not in adapt_one("azurerm_app_service.x", {}).attributes


def test_client_certificates() -> None:
    current = adapt_one("azurerm_linux_function_app_slot.x", {"client_certificate_enabled": True},
                        locations={"client_certificate_enabled": 7})
    assert current.attributes["client_certificates_enabled"] is True
    assert current.location("client_certificates_enabled") == lines(7)
    legacy = adapt_one("azurerm_app_service.x", {"client_cert_enabled": True})
    assert legacy.attributes["client_certificates_enabled"] is True
    for native_type in ("azurerm_app_service_slot", "azurerm_function_app",
                        "azurerm_function_app_slot"):
        other = adapt_one(f"{native_type}.x", {"client_cert_enabled": True})
        assert "client_certificates_enabled" not in other.attributes


def test_public_network_access() -> None:
    closed = adapt_one("azurerm_windows_web_app_slot.x", {"public_network_access_enabled": False},
                       locations={"public_network_access_enabled": 4})
    assert closed.attributes["public_network_access_enabled"] is False
    assert closed.location("public_network_access_enabled") == lines(4)
    legacy = adapt_one("azurerm_function_app.x", {"public_network_access_enabled": False})
    assert legacy.attributes["public_network_access_enabled"] is True
    assert ("public_network_access_enabled",) in legacy.defaulted
