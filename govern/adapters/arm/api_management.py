"""Azure API Management TLS in ARM: `Microsoft.ApiManagement/service`
`properties.customProperties`.

`min_tls_version` / `backend_min_tls_version` (`govern.adapters.api_management_tls`) from
the `Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.{Ssl30,Tls10,Tls11}`
and `...Gateway.Security.Backend.Protocols.{...}` properties (`"true"`/`"false"`, any case;
keys in any case); each off when not written (Azure's default for services created after
April 1, 2018). Unknown when `customProperties` is not known statically.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.api_management_tls import CANONICAL, DIRECTIONS, lowest
from govern.adapters.arm.booleans import arm_boolean
from govern.adapters.arm.building import carry, set_default
from govern.adapters.arm.reading import MISSING, find, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

PREFIX = {"frontend": "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.",
          "backend": "Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols."}


def _switch(properties: Any, direction: str) -> Any:
    def switch(protocol: str) -> Any:
        value = value_in(properties, PREFIX[direction] + protocol.capitalize())
        return None if value is MISSING else arm_boolean(value)
    return switch


def api_management_tls(resource: Resource, native: NativeResource) -> None:
    properties, written = find(native.attributes, ("properties", "customProperties"))
    for direction in DIRECTIONS:
        canonical = (CANONICAL[direction],)
        if properties is MISSING:
            set_default(resource, canonical, "1.2")
            continue
        if isinstance(properties, Unknown):
            value: Any = properties
        elif isinstance(properties, dict):
            value = lowest(_switch(properties, direction))
        else:
            value = Unknown("customProperties is not an object")
        resource.set(canonical, value)
        carry(resource, native, written, canonical, deep=False)
