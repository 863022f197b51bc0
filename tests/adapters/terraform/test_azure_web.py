"""App Service web and function apps -> `azure.web.app`."""

from __future__ import annotations

import pytest

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
                              "tags": {}}
    assert app.defaulted == {("https_only",), ("min_tls_version",), ("ftps_state",),
                             ("remote_debugging_enabled",)}


def test_defaults_of_the_legacy_app_service() -> None:
    app = adapt_one("azurerm_app_service.app", {"name": "app"})
    assert app.attributes == {"name": "app", "https_only": False, "min_tls_version": "1.2",
                              "ftps_state": "AllAllowed", "remote_debugging_enabled": False,
                              "tags": {}}


def test_written_values_and_locations() -> None:
    app = adapt_one("azurerm_linux_web_app.app", {
        "https_only": True,
        "site_config": [{"minimum_tls_version": "1.1", "ftps_state": "AllAllowed",
                         "remote_debugging_enabled": True}]},
        locations={"site_config.0.ftps_state": 9})
    assert app.attributes == {"https_only": True, "min_tls_version": "1.1",
                              "ftps_state": "AllAllowed", "remote_debugging_enabled": True,
                              "tags": {}}
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
                               "remote_debugging_enabled": False, "tags": {"owner": "web"}}


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
                                   "remote_debugging_enabled": False, "tags": {}}
    written = adapt_one(f"{native_type}.x", {
        "https_only": True, "site_config": [{"min_tls_version": "1.0", "ftps_state": "FtpsOnly"}]},
        locations={"site_config.0.min_tls_version": 4})
    assert (written.attributes["https_only"], written.attributes["min_tls_version"],
            written.attributes["ftps_state"]) == (True, "1.0", "FtpsOnly")
    assert written.location("min_tls_version") == lines(4)
