"""Azure Event Grid, API Management, App Configuration and IoT Hub in ARM.

- `Microsoft.EventGrid/topics`, `Microsoft.EventGrid/domains`:
  `public_network_access_enabled` <- `publicNetworkAccess` (`Enabled`/`Disabled`, any case;
  `SecuredByPerimeter` is Unknown), default true; `local_auth_enabled` <- not
  `disableLocalAuth`, default true (Azure's defaults); `identity_type` <- `identity.type`
  (of the resource), absent when not written;
- `Microsoft.ApiManagement/service`: `public_network_access_enabled` <-
  `publicNetworkAccess`, default true; `min_tls_version`, `backend_min_tls_version`: see
  `govern.adapters.arm.api_management`;
- `Microsoft.AppConfiguration/configurationStores`: `local_auth_enabled` <- not
  `disableLocalAuth`, default true; `public_network_access_enabled` <-
  `publicNetworkAccess`; not written, Azure's "automatic" setting applies: true for the
  `Free` SKU (`sku.name`), which cannot have private endpoints, Unknown otherwise;
  `purge_protection_enabled` <- `enablePurgeProtection`, default false;
- `Microsoft.Devices/IotHubs`: `public_network_access_enabled` <- `publicNetworkAccess`,
  default true.
"""

from __future__ import annotations

from govern.adapters.arm.api_management import api_management_tls
from govern.adapters.arm.building import set_default
from govern.adapters.arm.mapping import ArmField, ArmMapping, enabled, negated
from govern.adapters.arm.reading import MISSING, find, located
from govern.adapters.terraform.azure_integration import PUBLIC, automatic_public_access
from govern.model.resource import Resource
from govern.parsers.native import NativeResource

_PUBLIC = ArmField(PUBLIC, "properties.publicNetworkAccess", enabled, default=True)
_LOCAL_AUTH = ArmField("local_auth_enabled", "properties.disableLocalAuth", negated,
                       default=True)


def _app_configuration(resource: Resource, native: NativeResource) -> None:
    if PUBLIC in resource.attributes:
        return
    sku, written = find(native.attributes, ("sku", "name"))
    value = automatic_public_access(None if sku is MISSING else sku)
    if value is True:
        set_default(resource, (PUBLIC,), True)
        return
    resource.set((PUBLIC,), value)
    found = located(native, written)
    if found is not None:
        resource.locations[(PUBLIC,)] = found


_IDENTITY = ArmField("identity_type", "identity.type")
TOPIC = ArmMapping("azure.eventgrid.topic", (_PUBLIC, _LOCAL_AUTH, _IDENTITY))
DOMAIN = ArmMapping("azure.eventgrid.domain", (_PUBLIC, _LOCAL_AUTH, _IDENTITY))
API_MANAGEMENT = ArmMapping("azure.apimanagement.service", (_PUBLIC,), api_management_tls)
APP_CONFIGURATION = ArmMapping("azure.appconfiguration.store", (
    _LOCAL_AUTH,
    ArmField(PUBLIC, "properties.publicNetworkAccess", enabled),
    ArmField("purge_protection_enabled", "properties.enablePurgeProtection", default=False),
), _app_configuration)
IOT_HUB = ArmMapping("azure.iothub.hub", (_PUBLIC,))

BUILDERS = {
    "microsoft.eventgrid/topics": TOPIC.build,
    "microsoft.eventgrid/domains": DOMAIN.build,
    "microsoft.apimanagement/service": API_MANAGEMENT.build,
    "microsoft.appconfiguration/configurationstores": APP_CONFIGURATION.build,
    "microsoft.devices/iothubs": IOT_HUB.build,
}
