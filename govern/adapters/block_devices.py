"""Lists of EBS block devices (`ebs_block_devices`: `{device_name, encrypted, kms_key}`)
read from a list of native entries, for every format: Terraform blocks and CloudFormation
`BlockDeviceMappings` alike. Each entry keeps the keys that are set, with their locations;
an entry that is not known is an Unknown element; entries that are not EBS volumes
(instance store, no device) are left out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from govern.adapters.building import carry_locations, convert, set_at, where
from govern.adapters.reading import MISSING, blocks_in, value_in
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

# (the native path inside an entry, the canonical key, the conversion)
Key = tuple[Path, str, Callable[[Any], Any] | None]


def set_devices(resource: Resource, native: NativeResource, native_path: Path,
                keys: tuple[Key, ...], is_volume: Callable[[Any], bool],
                canonical: str = "ebs_block_devices") -> None:
    """Set `canonical` from the entries at `native_path`: absent when there are none (or
    none is a volume); Unknown when the list is not known."""
    entries = blocks_in(native.attributes, native_path)
    if isinstance(entries, Unknown):
        set_at(resource, canonical, entries, where(native, native_path, False))
        return
    devices: list[Any] = []
    for index, entry in enumerate(entries):
        if isinstance(entry, Unknown):
            devices.append(entry)
            continue
        if not isinstance(entry, dict) or not is_volume(entry):
            continue
        device: dict[str, Any] = {}
        for path, key, function in keys:
            value = value_in(entry, path)
            if value is not MISSING and value != "":
                device[key] = convert(value, function)
        devices.append(device)
        position = len(devices) - 1
        carry_locations(resource, native, (*native_path, index), (canonical, position))
        for path, key, _function in keys:
            if key in device:
                carry_locations(resource, native, (*native_path, index, *path),
                                (canonical, position, key))
    if devices:
        set_at(resource, canonical, devices, where(native, native_path, False))
