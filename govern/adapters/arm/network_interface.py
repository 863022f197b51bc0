"""Azure network interfaces: `Microsoft.Network/networkInterfaces` ->
`azure.network.network_interface`.

`ip_configurations` <- `properties.ipConfigurations[]`: `name`, and
`public_ip_address_id` <- `properties.publicIPAddress.id` (absent when not written);
Unknown when the array is not known statically (a parameter, a `copy` loop).
`ip_forwarding_enabled` <- `properties.enableIPForwarding`; default false.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.building import carry
from govern.adapters.arm.mapping import ArmField, ArmMapping
from govern.adapters.arm.reading import MISSING, find, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown, has_choices, map_choices
from govern.parsers.native import NativeResource

KIND = "azure.network.network_interface"


def _id_of(address: Any) -> Any:
    """The `id` of a `publicIPAddress` object (`None`, no address, stays `None`)."""
    if address is None or isinstance(address, Unknown):
        return address
    found = value_in(address, "id")
    return None if found is MISSING else found


def _configuration(item: Any) -> Any:
    if isinstance(item, Unknown):
        return item
    if not isinstance(item, dict):
        return Unknown("expected an IP configuration object")
    found: dict[str, Any] = {}
    name = value_in(item, "name")
    if name is not MISSING:
        found["name"] = name
    address = value_in(item, "properties", "publicIPAddress")
    if isinstance(address, Unknown):
        # a whole object known only at deployment: its `id` in each possible object
        found["public_ip_address_id"] = map_choices(address, _id_of) \
            if has_choices(address) else address
    elif address is not MISSING:
        address_id = _id_of(address)
        if address_id is not None:
            found["public_ip_address_id"] = address_id
    return found


def _configurations(resource: Resource, native: NativeResource) -> None:
    items, written = find(native.attributes, ("properties", "ipConfigurations"))
    if items is MISSING:
        return
    if not isinstance(items, list):
        resource.set(("ip_configurations",), items if isinstance(items, Unknown)
                     else Unknown("ipConfigurations is not an array"))
        carry(resource, native, written, ("ip_configurations",), deep=False)
        return
    resource.set(("ip_configurations",), [_configuration(i) for i in items])
    carry(resource, native, written, ("ip_configurations",), deep=False)
    for index in range(len(items)):
        carry(resource, native, (*written, index), ("ip_configurations", index))


MAPPING = ArmMapping(KIND, (
    ArmField("ip_forwarding_enabled", "properties.enableIPForwarding", default=False),
), _configurations)
