"""EC2: `AWS::EC2::Volume` and `AWS::EC2::Instance`.

A volume created from a snapshot without `Encrypted` inherits the snapshot's encryption
(Unknown); otherwise `encrypted` defaults to false. An instance's `BlockDeviceMappings`
with `Ebs` become `ebs_block_devices` (`{device_name, encrypted, kms_key}`): which device
is the root one depends on the AMI, so `root_block_device` is not set from them.
`associate_public_ip_address` comes from the network interface with `DeviceIndex` 0.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import (
    carry_locations,
    convert,
    field,
    set_at,
    set_undecided,
    where,
)
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool
from govern.adapters.network import port
from govern.adapters.reading import MISSING, value_at, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def _finish_volume(resource: Resource, native: NativeResource) -> None:
    if ("encrypted",) in resource.defaulted and value_at(native, "SnapshotId") is not MISSING:
        set_undecided(resource, "encrypted", Unknown("encryption is inherited from the snapshot"))


def _finish_instance(resource: Resource, native: NativeResource) -> None:
    interfaces = value_at(native, "NetworkInterfaces")
    if isinstance(interfaces, list):
        for index, interface in enumerate(interfaces):
            if not isinstance(interface, dict) or port(interface.get("DeviceIndex")) != 0:
                continue
            public = value_in(interface, "AssociatePublicIpAddress")
            if public is not MISSING:
                set_at(resource, "associate_public_ip_address", convert(public, to_bool),
                       where(native, ("NetworkInterfaces", index, "AssociatePublicIpAddress"),
                             False))
    mappings = value_at(native, "BlockDeviceMappings")
    if mappings is MISSING:
        return
    if isinstance(mappings, Unknown) or not isinstance(mappings, list):
        set_at(resource, "ebs_block_devices", mappings if isinstance(mappings, Unknown)
               else Unknown("BlockDeviceMappings is not a list"),
               where(native, "BlockDeviceMappings", False))
        return
    devices: list[Any] = []
    for index, mapping in enumerate(mappings):
        if isinstance(mapping, Unknown):
            devices.append(mapping)
            continue
        ebs = value_in(mapping, "Ebs")
        if ebs is MISSING:
            continue  # an instance store volume or NoDevice
        device: dict[str, Any] = {}
        name = value_in(mapping, "DeviceName")
        if name is not MISSING:
            device["device_name"] = name
        for prop, key, function in (("Encrypted", "encrypted", to_bool),
                                    ("KmsKeyId", "kms_key", None)):
            value = value_in(ebs, prop)
            if value is not MISSING:
                device[key] = convert(value, function)
        devices.append(device)
        position = len(devices) - 1
        carry_locations(resource, native, ("BlockDeviceMappings", index),
                        ("ebs_block_devices", position))
        for prop, key in (("Encrypted", "encrypted"), ("KmsKeyId", "kms_key")):
            if key in device:
                carry_locations(resource, native, ("BlockDeviceMappings", index, "Ebs", prop),
                                ("ebs_block_devices", position, key))
    if devices:
        set_at(resource, "ebs_block_devices", devices,
               where(native, "BlockDeviceMappings", False))


MAPPINGS = {
    "AWS::EC2::Volume": KindMapping("aws.ec2.volume", (
        field("encrypted", "Encrypted", function=to_bool, default=False),
        field("kms_key", "KmsKeyId"),
        field("size", "Size"),
        field("snapshot_id", "SnapshotId"),
    ), _finish_volume),
    "AWS::EC2::Instance": KindMapping("aws.ec2.instance", (
        field("instance_type", "InstanceType"),
    ), _finish_instance),
}
