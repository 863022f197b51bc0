"""Lists of EBS block devices (`ebs_block_devices`: `{device_name, encrypted, kms_key}`)
read from a list of native entries, for every format: Terraform blocks and CloudFormation
`BlockDeviceMappings` alike. Each entry keeps the keys that are set, with their locations;
an entry that is not known is an Unknown element; entries that are not EBS volumes
(instance store, no device) are left out. A volume made from a snapshot without
`encrypted` inherits the snapshot's encryption (Unknown). Which entry is the root volume
depends on the AMI: `root_from_mappings` says what can be said of the root volume."""

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

FROM_SNAPSHOT = "encryption is inherited from the snapshot"
ROOT_FROM_TEMPLATE = "the root volume's mapping may come from the launch template"
# The device names AWS reserves for the root volume (EC2 user guide, "Device names on
# Linux instances"; Windows AMIs use /dev/sda1 too)
ROOT_DEVICE_NAMES = frozenset({"/dev/sda1", "/dev/xvda"})
ROOT_AMONG_MAPPINGS = ("which block device mapping is the root volume depends on the AMI "
                       "and a mapping not named as a root device is stated encrypted")


def root_from_mappings(devices: Any) -> Any:
    """For a resource whose root volume is not identified apart from its
    `ebs_block_devices` (CloudFormation, a live launch configuration): the `encrypted` of
    the mapping named as a root device (`/dev/xvda`, `/dev/sda1`, the names AWS reserves
    for it); else Unknown when another mapping (or one not known) is stated encrypted and
    may be the root volume; else None: the root volume is not stated encrypted."""
    if isinstance(devices, Unknown):
        return Unknown(ROOT_AMONG_MAPPINGS)
    entries = devices if isinstance(devices, list) else []
    named = [d.get("encrypted") for d in entries
             if isinstance(d, dict) and d.get("device_name") in ROOT_DEVICE_NAMES]
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        return Unknown("two mappings are named as the root device")
    for device in entries:
        encrypted = device.get("encrypted") if isinstance(device, dict) else device
        if encrypted is True or isinstance(encrypted, Unknown):
            return Unknown(ROOT_AMONG_MAPPINGS)
    return None


def set_devices(resource: Resource, native: NativeResource, native_path: Path,
                keys: tuple[Key, ...], is_volume: Callable[[Any], bool],
                canonical: str = "ebs_block_devices", snapshot: Path | None = None) -> None:
    """Set `canonical` from the entries at `native_path`: absent when there are none (or
    none is a volume); Unknown when the list is not known. With `snapshot` (the path of
    an entry's snapshot id), an entry that names a snapshot and no `encrypted` has an
    Unknown `encrypted`."""
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
        if snapshot is not None and "encrypted" not in device and \
                value_in(entry, snapshot) not in (MISSING, "", None):
            device["encrypted"] = Unknown(FROM_SNAPSHOT)
        devices.append(device)
        position = len(devices) - 1
        carry_locations(resource, native, (*native_path, index), (canonical, position))
        for path, key, _function in keys:
            if key in device:
                carry_locations(resource, native, (*native_path, index, *path),
                                (canonical, position, key))
    if devices:
        set_at(resource, canonical, devices, where(native, native_path, False))
