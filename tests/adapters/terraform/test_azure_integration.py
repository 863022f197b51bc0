"""Event Grid topics and domains, API Management, App Configuration and IoT Hub in
Terraform (`azure_integration`): defaults, written values, the App Configuration SKU."""

from __future__ import annotations

from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one
from tests.adapters.terraform.natives import lines

DEFAULTS = [
    ("azurerm_eventgrid_topic", "azure.eventgrid.topic",
     {"public_network_access_enabled": True, "local_auth_enabled": True}),
    ("azurerm_eventgrid_domain", "azure.eventgrid.domain",
     {"public_network_access_enabled": True, "local_auth_enabled": True}),
    ("azurerm_api_management", "azure.apimanagement.service",
     {"public_network_access_enabled": True, "min_tls_version": "1.2",
      "backend_min_tls_version": "1.2"}),
    # The provider's default SKU is free: no private endpoints, so public.
    ("azurerm_app_configuration", "azure.appconfiguration.store",
     {"local_auth_enabled": True, "public_network_access_enabled": True,
      "purge_protection_enabled": False}),
    ("azurerm_iothub", "azure.iothub.hub", {"public_network_access_enabled": True}),
]


@pytest.mark.parametrize("native_type, kind, defaults", DEFAULTS,
                         ids=[d[0] for d in DEFAULTS])
def test_defaults(native_type: str, kind: str, defaults: dict[str, Any]) -> None:
    resource = adapt_one(f"{native_type}.x", {"name": "x", "resource_group_name": "rg"})
    assert resource.kind == kind
    assert resource.attributes == {"name": "x", "resource_group_name": "rg", **defaults,
                                   "tags": {}}
    assert resource.defaulted == {(k,) for k in defaults}


@pytest.mark.parametrize("native_type", ["azurerm_eventgrid_topic", "azurerm_eventgrid_domain"])
def test_event_grid_written(native_type: str) -> None:
    resource = adapt_one(f"{native_type}.x", {"public_network_access_enabled": False,
                                              "local_auth_enabled": "false"})
    assert (resource.attributes["public_network_access_enabled"],
            resource.attributes["local_auth_enabled"]) == (False, False)
    assert resource.defaulted == set()


@pytest.mark.parametrize("written, expected", [("Enabled", True), ("disabled", False)])
def test_app_configuration_public_access_written(written: str, expected: bool) -> None:
    store = adapt_one("azurerm_app_configuration.s", {"sku": "standard",
                                                      "public_network_access": written})
    assert store.attributes["public_network_access_enabled"] is expected


def test_app_configuration_public_access_not_written_on_a_paid_sku_is_unknown() -> None:
    store = adapt_one("azurerm_app_configuration.s", {"sku": "standard"},
                      locations={"sku": 4})
    value = store.attributes["public_network_access_enabled"]
    assert isinstance(value, Unknown)
    assert "private endpoint" in value.reason
    assert store.location("public_network_access_enabled") == lines(4)
    assert ("public_network_access_enabled",) not in store.defaulted


def test_app_configuration_free_sku_written_is_public() -> None:
    store = adapt_one("azurerm_app_configuration.s", {"sku": "Free"})
    assert store.attributes["public_network_access_enabled"] is True


def test_app_configuration_sku_unknown() -> None:
    store = adapt_one("azurerm_app_configuration.s", {"sku": Unknown("var.sku")})
    value = store.attributes["public_network_access_enabled"]
    assert isinstance(value, Unknown)
    assert "var.sku" in value.reason


def test_app_configuration_unreadable_setting_is_unknown() -> None:
    store = adapt_one("azurerm_app_configuration.s", {"public_network_access": "Sometimes"})
    assert isinstance(store.attributes["public_network_access_enabled"], Unknown)
