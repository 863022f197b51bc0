"""Azure network interfaces: `azurerm_network_interface` -> `azure.network.network_interface`.

`ip_configurations`: one entry per `ip_configuration` block, with its `name` and
`public_ip_address_id` (absent when not written); Unknown when the blocks are not known
statically. `ip_forwarding_enabled` <- `ip_forwarding_enabled` (azurerm v4) or
`enable_ip_forwarding` (v2, v3); default false.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import (
    apply_fields,
    carry_locations,
    copy,
    field,
    new_resource,
    where,
)
from govern.adapters.reading import MISSING, blocks_in, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "azure.network.network_interface"
_SETTINGS = ("name", "public_ip_address_id")
_FORWARDING = field("ip_forwarding_enabled", "ip_forwarding_enabled", "enable_ip_forwarding",
                    default=False)


def _configuration(block: Any) -> Any:
    if isinstance(block, Unknown):
        return block
    if not isinstance(block, dict):
        return Unknown("expected an ip_configuration block")
    found: dict[str, Any] = {}
    for name in _SETTINGS:
        value = value_in(block, name)
        if value is not MISSING:
            found[name] = value
    return found


def build_interface(native: NativeResource) -> Resource:
    interface = new_resource(native, KIND)
    copy(interface, native, "name", "name")
    copy(interface, native, "resource_group_name", "resource_group_name")
    apply_fields(interface, native, (_FORWARDING,))
    blocks = blocks_in(native.attributes, "ip_configuration")
    if isinstance(blocks, Unknown):
        interface.set(("ip_configurations",), blocks)
    else:
        interface.set(("ip_configurations",), [_configuration(b) for b in blocks])
        for index in range(len(blocks)):
            carry_locations(interface, native, ("ip_configuration", index),
                            ("ip_configurations", index))
    found = where(native, "ip_configuration", False)
    if found is not None:
        interface.locations[("ip_configurations",)] = found
    return interface
