"""EC2 launch templates and Auto Scaling launch configurations: `AWS::EC2::LaunchTemplate`
as `aws.ec2.launch_template` (its `LaunchTemplateData`), `AWS::AutoScaling::
LaunchConfiguration` as `aws.autoscaling.launch_configuration`, with the attributes an
`aws.ec2.instance` has where the meaning is the same.

A template's `associate_public_ip_address` is that of its primary network interface
(`DeviceIndex` 0, or none written); its tags are those of its `TagSpecifications` entry
(`ResourceType: launch-template`, the only type allowed there). Which of the
`BlockDeviceMappings` is the root volume depends on the AMI: every entry with `Ebs` is in
`ebs_block_devices` (one made from a snapshot without `Encrypted` has an Unknown
`encrypted`: the snapshot's); a template's or configuration's `root_block_device.encrypted` is
that of the mapping named as a root device (`/dev/xvda`, `/dev/sda1`), else Unknown when
another is stated encrypted (it may be the root), else absent.
(`AWS::EC2::LaunchTemplate` also folds its metadata options into the
instances launched from it: compute.py.)
"""

from __future__ import annotations

from typing import Any

from govern.adapters.block_devices import root_from_mappings, set_devices
from govern.adapters.building import convert, field, set_at, where
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool
from govern.adapters.network import port
from govern.adapters.reading import MISSING, blocks_in, value_in
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

TAG_PROPERTY: Path = ("TagSpecifications", 0, "Tags")
DATA: Path = ("LaunchTemplateData",)
_KEYS = ((("DeviceName",), "device_name", None),
         (("Ebs", "Encrypted"), "encrypted", to_bool),
         (("Ebs", "KmsKeyId"), "kms_key", None))


def _is_ebs(entry: Any) -> bool:
    return value_in(entry, "Ebs") is not MISSING


def _finish_template(resource: Resource, native: NativeResource) -> None:
    path: Path = (*DATA, "NetworkInterfaces")
    interfaces = blocks_in(native.attributes, path)
    if isinstance(interfaces, Unknown):
        set_at(resource, "associate_public_ip_address", interfaces, where(native, path, False))
    else:
        for index, interface in enumerate(interfaces):
            if isinstance(interface, Unknown):
                set_at(resource, "associate_public_ip_address", interface,
                       where(native, (*path, index), False))
                continue
            device = value_in(interface, "DeviceIndex")
            if device is not MISSING and port(device) != 0:
                continue
            public = value_in(interface, "AssociatePublicIpAddress")
            if public is not MISSING:
                set_at(resource, "associate_public_ip_address", convert(public, to_bool),
                       where(native, (*path, index, "AssociatePublicIpAddress"), False))
    set_devices(resource, native, (*DATA, "BlockDeviceMappings"), _KEYS, _is_ebs,
                snapshot=("Ebs", "SnapshotId"))
    root = root_from_mappings(resource.attributes.get("ebs_block_devices"))
    if root is not None:
        set_at(resource, "root_block_device.encrypted", root,
               where(native, (*DATA, "BlockDeviceMappings"), False))


def _finish_configuration(resource: Resource, native: NativeResource) -> None:
    set_devices(resource, native, ("BlockDeviceMappings",), _KEYS[:2], _is_ebs,
                snapshot=("Ebs", "SnapshotId"))
    root = root_from_mappings(resource.attributes.get("ebs_block_devices"))
    if root is not None:
        set_at(resource, "root_block_device.encrypted", root,
               where(native, "BlockDeviceMappings", False))


MAPPINGS = {
    "AWS::EC2::LaunchTemplate": KindMapping("aws.ec2.launch_template", (
        field("name", "LaunchTemplateName"),
        field("metadata_options.http_tokens", "LaunchTemplateData.MetadataOptions.HttpTokens"),
        field("metadata_options.http_endpoint",
              "LaunchTemplateData.MetadataOptions.HttpEndpoint"),
        field("metadata_options.http_put_response_hop_limit",
              "LaunchTemplateData.MetadataOptions.HttpPutResponseHopLimit", function=port),
    ), _finish_template),
    "AWS::AutoScaling::LaunchConfiguration": KindMapping(
        "aws.autoscaling.launch_configuration", (
            field("name", "LaunchConfigurationName"),
            field("associate_public_ip_address", "AssociatePublicIpAddress",
                  function=to_bool),
            field("metadata_options.http_tokens", "MetadataOptions.HttpTokens"),
            field("metadata_options.http_endpoint", "MetadataOptions.HttpEndpoint"),
            field("metadata_options.http_put_response_hop_limit",
                  "MetadataOptions.HttpPutResponseHopLimit", function=port),
        ), _finish_configuration),
}
