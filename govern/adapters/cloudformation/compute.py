"""EC2: `AWS::EC2::Volume` and `AWS::EC2::Instance`.

A volume created from a snapshot without `Encrypted` inherits the snapshot's encryption
(Unknown); otherwise `encrypted` defaults to false. An instance's `BlockDeviceMappings`
with `Ebs` become `ebs_block_devices` (`{device_name, encrypted, kms_key}`; `encrypted`
Unknown for a volume made from a snapshot without `Encrypted`): which device is the root
one depends on the AMI: `root_block_device.encrypted` is that of the mapping named as a
root device (`/dev/xvda`, `/dev/sda1`), else Unknown when another is stated encrypted or
the instance uses a `LaunchTemplate`, else absent.
`associate_public_ip_address` comes from the network interface with `DeviceIndex` 0.
`AWS::EC2::Instance` has no metadata options of its own: `metadata_options.http_tokens` is
absent, or Unknown when the instance uses a `LaunchTemplate` (which may set them); when
that launch template is an `AWS::EC2::LaunchTemplate` of the same template, its
`MetadataOptions.HttpTokens` (absent when it sets none), with its `HttpEndpoint` as
`metadata_options.http_endpoint`. `iam_instance_profile` (`IamInstanceProfile`) likewise:
without its own, an instance with a `LaunchTemplate` has an Unknown one (set or absent),
or that template's `IamInstanceProfile` `Name` (else `Arn`) when it is of the same
template.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.block_devices import (
    FROM_SNAPSHOT,
    ROOT_FROM_TEMPLATE,
    root_from_mappings,
)
from govern.adapters.building import (
    carry_locations,
    clear,
    convert,
    copy,
    field,
    set_at,
    set_undecided,
    where,
)
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.context import TemplateContext
from govern.adapters.cloudformation.values import to_bool
from govern.adapters.network import port
from govern.adapters.reading import MISSING, value_at, value_in
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def _finish_volume(resource: Resource, native: NativeResource) -> None:
    if ("encrypted",) in resource.defaulted and value_at(native, "SnapshotId") is not MISSING:
        set_undecided(resource, "encrypted", Unknown("encryption is inherited from the snapshot"))


_FROM_TEMPLATE = "the instance profile may come from the launch template"


def _finish_instance(resource: Resource, native: NativeResource) -> None:
    if value_at(native, "LaunchTemplate") is not MISSING:
        set_at(resource, "metadata_options.http_tokens",
               Unknown("metadata options may come from the launch template"),
               where(native, "LaunchTemplate", False))
        if "iam_instance_profile" not in resource.attributes:
            set_at(resource, "iam_instance_profile", Unknown(
                _FROM_TEMPLATE, alternatives=(Unknown(_FROM_TEMPLATE), None)),
                where(native, "LaunchTemplate", False))
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
    _devices(resource, native)
    if value_at(native, "LaunchTemplate") is not MISSING:
        set_at(resource, "root_block_device.encrypted", Unknown(ROOT_FROM_TEMPLATE),
               where(native, "LaunchTemplate", False))
        return
    root = root_from_mappings(resource.attributes.get("ebs_block_devices"))
    if root is not None:
        set_at(resource, "root_block_device.encrypted", root,
               where(native, "BlockDeviceMappings", False))


def _devices(resource: Resource, native: NativeResource) -> None:
    """`ebs_block_devices` from the `BlockDeviceMappings` with `Ebs`."""
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
        if "encrypted" not in device and value_in(ebs, "SnapshotId") not in (MISSING, ""):
            device["encrypted"] = Unknown(FROM_SNAPSHOT)
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
        field("iam_instance_profile", "IamInstanceProfile"),
    ), _finish_instance),
}


TOKENS: Path = ("LaunchTemplateData", "MetadataOptions", "HttpTokens")
ENDPOINT: Path = ("LaunchTemplateData", "MetadataOptions", "HttpEndpoint")
PROFILE: Path = ("LaunchTemplateData", "IamInstanceProfile")


def fold_launch_template(native: NativeResource, ctx: TemplateContext) -> None:
    """`AWS::EC2::LaunchTemplate`: its `HttpTokens` and `HttpEndpoint` become the
    `metadata_options` of every instance of the template launched from it (by
    `LaunchTemplateId` or `LaunchTemplateName`), and its `IamInstanceProfile` (`Name`, else
    `Arn`) the `iam_instance_profile` of those that set none."""
    for resource, instance in ctx.primary:
        if instance.native_type != "AWS::EC2::Instance":
            continue
        designated = [value_at(instance, ("LaunchTemplate", key))
                      for key in ("LaunchTemplateId", "LaunchTemplateName")]
        if not any(isinstance(v, Unknown) and v.ref == native.address for v in designated):
            continue
        clear(resource, "metadata_options")
        copy(resource, native, TOKENS, "metadata_options.http_tokens", folded=True)
        copy(resource, native, ENDPOINT, "metadata_options.http_endpoint", folded=True)
        if value_at(instance, "IamInstanceProfile") is MISSING:
            clear(resource, "iam_instance_profile")
            if not copy(resource, native, (*PROFILE, "Name"), "iam_instance_profile",
                        folded=True):
                copy(resource, native, (*PROFILE, "Arn"), "iam_instance_profile",
                     folded=True)


FOLDERS = {"AWS::EC2::LaunchTemplate": fold_launch_template}
