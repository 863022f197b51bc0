"""EC2 launch templates and Auto Scaling launch configurations: `aws_launch_template` as
`aws.ec2.launch_template`, `aws_launch_configuration` as
`aws.autoscaling.launch_configuration`, with the attributes an `aws.ec2.instance` has where
the meaning is the same (`metadata_options`, `associate_public_ip_address`, block devices).

A launch template's `associate_public_ip_address` is that of its primary network interface
(`device_index` 0, the provider's value when none is written); the provider types it, and a
template volume's `encrypted`, as strings: `"true"`/`"false"` are read as booleans, `""`
as not written. A volume made from a snapshot (`snapshot_id`) without `encrypted` inherits
its encryption (Unknown). A template's `root_block_device.encrypted` is that of the mapping
named as a root device (`/dev/xvda`, `/dev/sda1`), else Unknown when another is stated
encrypted, else absent. (`aws_launch_template` also folds its metadata options into the instances
launched from it: compute.py.)
"""

from __future__ import annotations

from typing import Any

from govern.adapters.block_devices import root_from_mappings, set_devices
from govern.adapters.building import convert, field, set_at, to_bool, where
from govern.adapters.network import port
from govern.adapters.reading import MISSING, blocks_in, value_in
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

_METADATA = (
    field("metadata_options.http_tokens", "metadata_options.0.http_tokens"),
    field("metadata_options.http_endpoint", "metadata_options.0.http_endpoint"),
    field("metadata_options.http_put_response_hop_limit",
          "metadata_options.0.http_put_response_hop_limit", function=port),
)


def _is_ebs(entry: Any) -> bool:
    return value_in(entry, "ebs") is not MISSING


def _not_no_device(entry: Any) -> bool:
    return value_in(entry, "no_device") is not True


def _finish_template(resource: Resource, native: NativeResource) -> None:
    interfaces = blocks_in(native.attributes, "network_interfaces")
    if isinstance(interfaces, Unknown):
        set_at(resource, "associate_public_ip_address", interfaces,
               where(native, "network_interfaces", False))
    else:
        for index, interface in enumerate(interfaces):
            if isinstance(interface, Unknown):
                set_at(resource, "associate_public_ip_address", interface,
                       where(native, ("network_interfaces", index), False))
                continue
            device = value_in(interface, "device_index")
            if device is not MISSING and port(device) != 0:
                continue
            public = value_in(interface, "associate_public_ip_address")
            if public is not MISSING and public != "":
                set_at(resource, "associate_public_ip_address", convert(public, to_bool),
                       where(native, ("network_interfaces", index,
                                      "associate_public_ip_address"), False))
    set_devices(resource, native, ("block_device_mappings",),
                ((("device_name",), "device_name", None),
                 (("ebs", 0, "encrypted"), "encrypted", to_bool),
                 (("ebs", 0, "kms_key_id"), "kms_key", None)), _is_ebs,
                snapshot=("ebs", 0, "snapshot_id"))
    root = root_from_mappings(resource.attributes.get("ebs_block_devices"))
    if root is not None:
        set_at(resource, "root_block_device.encrypted", root,
               where(native, "block_device_mappings", False))


def _finish_configuration(resource: Resource, native: NativeResource) -> None:
    set_devices(resource, native, ("ebs_block_device",),
                ((("device_name",), "device_name", None),
                 (("encrypted",), "encrypted", to_bool)), _not_no_device,
                snapshot=("snapshot_id",))


MAPPINGS = {
    "aws_launch_template": KindMapping("aws.ec2.launch_template", (
        field("name"),
        *_METADATA,
    ), _finish_template),
    "aws_launch_configuration": KindMapping("aws.autoscaling.launch_configuration", (
        field("name"),
        field("associate_public_ip_address", function=to_bool),
        field("root_block_device.encrypted", "root_block_device.0.encrypted",
              function=to_bool),
        *_METADATA,
    ), _finish_configuration),
}
