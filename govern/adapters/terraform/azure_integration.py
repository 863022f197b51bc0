"""Azure Event Grid topics and domains, API Management, App Configuration and IoT Hub.

Defaults are the provider's (azurerm v3 and v4):
- `azurerm_eventgrid_topic`, `azurerm_eventgrid_domain`: `public_network_access_enabled`
  true, `local_auth_enabled` (access keys accepted) true; `identity_type` <-
  `identity.type`, absent when no identity is written;
- `azurerm_api_management`: `public_network_access_enabled` true; `min_tls_version`,
  `backend_min_tls_version`: see `govern.adapters.terraform.azure_api_management`;
- `azurerm_app_configuration`: `local_auth_enabled` true; `public_network_access`
  (`Enabled`/`Disabled`, any case -> `public_network_access_enabled`) has no default: not
  written, Azure's "automatic" setting applies (public access until the store has a private
  endpoint), true for the Free SKU (`sku`, default `free`), which cannot have private
  endpoints, Unknown otherwise (`automatic_public_access`); `purge_protection_enabled`
  false;
- `azurerm_iothub`: `public_network_access_enabled` has no provider default; not written,
  Azure enables public access (true).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import field, set_at, set_default, where
from govern.adapters.reading import MISSING, value_at
from govern.adapters.terraform.azure_api_management import api_management_tls
from govern.adapters.terraform.azure_dbservers import enabled_word
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown, has_choices, map_choices
from govern.parsers.native import NativeResource

PUBLIC = "public_network_access_enabled"
AUTOMATIC = ("public network access is not set: Azure allows it until the store has a "
             "private endpoint (SKU {sku!r} can have them), and the endpoints are not read")


def automatic_public_access(sku: Any) -> Any:
    """Whether a store with public network access not written (Azure's "automatic") is
    public: true for the Free SKU (no private endpoints), else Unknown."""
    if isinstance(sku, Unknown):
        if has_choices(sku):
            return map_choices(sku, automatic_public_access)
        return Unknown(f"the SKU decides whether public access is on: {sku.reason}")
    if isinstance(sku, str) and sku.lower() == "free":
        return True
    return Unknown(AUTOMATIC.format(sku=sku))


def _app_configuration(resource: Resource, native: NativeResource) -> None:
    if PUBLIC in resource.attributes:
        return
    sku = value_at(native, "sku")
    value = automatic_public_access("free" if sku is MISSING else sku)
    if value is True:
        set_default(resource, PUBLIC, True)
    else:
        set_at(resource, PUBLIC, value, where(native, "sku", False))


def _event_grid(kind: str) -> KindMapping:
    return KindMapping(kind, (
        field("name"),
        field("resource_group_name"),
        field(PUBLIC, default=True),
        field("local_auth_enabled", default=True),
        field("identity_type", "identity.0.type"),
    ))


MAPPINGS = {
    "azurerm_eventgrid_topic": _event_grid("azure.eventgrid.topic"),
    "azurerm_eventgrid_domain": _event_grid("azure.eventgrid.domain"),
    "azurerm_api_management": KindMapping("azure.apimanagement.service", (
        field("name"),
        field("resource_group_name"),
        field(PUBLIC, default=True),
    ), api_management_tls),
    "azurerm_app_configuration": KindMapping("azure.appconfiguration.store", (
        field("name"),
        field("resource_group_name"),
        field("local_auth_enabled", default=True),
        field(PUBLIC, "public_network_access", function=enabled_word),
        field("purge_protection_enabled", default=False),
    ), _app_configuration),
    "azurerm_iothub": KindMapping("azure.iothub.hub", (
        field("name"),
        field("resource_group_name"),
        field(PUBLIC, default=True),
    )),
}
