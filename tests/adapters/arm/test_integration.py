"""Event Grid topics and domains, API Management, App Configuration and IoT Hub in ARM
(`integration`): values, Azure's defaults, the App Configuration SKU, parity with azurerm."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.adapters.arm.test_parity import arm, in_resource_group, terraform
from tests.adapters.arm.test_services import GROUP, adapt, resource

PUBLIC_AND_KEYS = {"public_network_access_enabled": True, "local_auth_enabled": True}
DEFAULTS = [
    ("Microsoft.EventGrid/topics", "azure.eventgrid.topic", PUBLIC_AND_KEYS),
    ("Microsoft.EventGrid/domains", "azure.eventgrid.domain", PUBLIC_AND_KEYS),
    ("Microsoft.ApiManagement/service", "azure.apimanagement.service",
     {"public_network_access_enabled": True, "min_tls_version": "1.2",
      "backend_min_tls_version": "1.2"}),
    ("Microsoft.Devices/IotHubs", "azure.iothub.hub", {"public_network_access_enabled": True}),
]


@pytest.mark.parametrize("type_, kind, defaults", DEFAULTS, ids=[d[0] for d in DEFAULTS])
def test_defaults(tmp_path: Path, type_: str, kind: str, defaults: dict[str, Any]) -> None:
    adapted = adapt(tmp_path, resource(type_, {}))
    assert adapted.kind == kind
    assert adapted.attributes == {"name": "x", "resource_group_name": GROUP, **defaults,
                                  "tags": {}}
    assert adapted.defaulted == {(k,) for k in defaults}


@pytest.mark.parametrize("type_", ["Microsoft.EventGrid/topics", "Microsoft.EventGrid/domains"])
def test_event_grid_written(tmp_path: Path, type_: str) -> None:
    adapted = adapt(tmp_path, resource(type_, {"publicNetworkAccess": "disabled",
                                               "disableLocalAuth": "true"}))
    assert (adapted.attributes["public_network_access_enabled"],
            adapted.attributes["local_auth_enabled"]) == (False, False)


def test_perimeter_is_unknown(tmp_path: Path) -> None:
    adapted = adapt(tmp_path, resource("Microsoft.EventGrid/topics",
                                       {"publicNetworkAccess": "SecuredByPerimeter"}))
    assert isinstance(adapted.attributes["public_network_access_enabled"], Unknown)


@pytest.mark.parametrize("sku, expected", [("Free", True), ("free", True)])
def test_app_configuration_free_sku_is_public(tmp_path: Path, sku: str,
                                              expected: bool) -> None:
    store = adapt(tmp_path, resource("Microsoft.AppConfiguration/configurationStores", {},
                                     sku={"name": sku}))
    assert store.kind == "azure.appconfiguration.store"
    assert store.attributes == {"name": "x", "resource_group_name": GROUP,
                                "local_auth_enabled": True,
                                "public_network_access_enabled": expected,
                                "purge_protection_enabled": False, "tags": {}}
    assert store.defaulted == {("local_auth_enabled",), ("public_network_access_enabled",),
                               ("purge_protection_enabled",)}


def test_app_configuration_paid_sku_without_the_setting_is_unknown(tmp_path: Path) -> None:
    store = adapt(tmp_path, resource("Microsoft.AppConfiguration/configurationStores", {},
                                     sku={"name": "standard"}))
    value = store.attributes["public_network_access_enabled"]
    assert isinstance(value, Unknown)
    assert "'standard'" in value.reason
    assert ("public_network_access_enabled",) not in store.defaulted


def test_app_configuration_written(tmp_path: Path) -> None:
    store = adapt(tmp_path, resource("Microsoft.AppConfiguration/configurationStores",
                                     {"publicNetworkAccess": "Disabled",
                                      "disableLocalAuth": True}, sku={"name": "free"}))
    assert (store.attributes["public_network_access_enabled"],
            store.attributes["local_auth_enabled"]) == (False, False)


def test_parity_with_azurerm(tmp_path: Path) -> None:
    tf = terraform(tmp_path / "tf", """
resource "azurerm_eventgrid_topic" "t" {
  name                          = "evgt"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  public_network_access_enabled = false
  local_auth_enabled            = false
}

resource "azurerm_api_management" "a" {
  name                = "apim"
  resource_group_name = "rg-data"
  location            = "westeurope"
  publisher_name      = "Contoso"
  publisher_email     = "api@contoso.example"
  sku_name            = "Developer_1"
}

resource "azurerm_app_configuration" "c" {
  name                  = "appcs"
  resource_group_name   = "rg-data"
  location              = "westeurope"
  sku                   = "standard"
  public_network_access = "Disabled"
}

resource "azurerm_iothub" "h" {
  name                          = "iot"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  public_network_access_enabled = false

  sku {
    name     = "S1"
    capacity = 1
  }
}
""")
    from_arm = arm(tmp_path / "arm", in_resource_group(
        {"type": "Microsoft.EventGrid/topics", "apiVersion": "2022-06-15", "name": "evgt",
         "location": "westeurope",
         "properties": {"publicNetworkAccess": "Disabled", "disableLocalAuth": True}},
        {"type": "Microsoft.ApiManagement/service", "apiVersion": "2022-08-01",
         "name": "apim", "location": "westeurope", "sku": {"name": "Developer", "capacity": 1},
         "properties": {"publisherEmail": "api@contoso.example", "publisherName": "Contoso"}},
        {"type": "Microsoft.AppConfiguration/configurationStores", "apiVersion": "2023-03-01",
         "name": "appcs", "location": "westeurope", "sku": {"name": "standard"},
         "properties": {"publicNetworkAccess": "Disabled"}},
        {"type": "Microsoft.Devices/IotHubs", "apiVersion": "2023-06-30", "name": "iot",
         "location": "westeurope", "sku": {"name": "S1", "capacity": 1},
         "properties": {"publicNetworkAccess": "Disabled"}}))
    assert len(tf) == len(from_arm) == 4
    by_kind = {r.kind: r.attributes for r in from_arm}
    for adapted in tf:
        assert adapted.attributes == by_kind[adapted.kind], adapted.kind
