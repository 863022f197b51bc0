"""EC2: `aws_instance`, `aws_spot_instance_request` and `aws_ebs_volume`.

An EBS volume created from a snapshot inherits the snapshot's encryption when it does not
set `encrypted` itself (Unknown); otherwise `encrypted` defaults to false. (Account-level
"EBS encryption by default" is a regional setting outside the volume's configuration.)
An instance's `metadata_options` (`http_tokens`, `http_endpoint`) are its own; without
them, `http_tokens` is Unknown when it uses a `launch_template`, or both are that
template's when it is an `aws_launch_template` of the same root (absent when the template
sets none). `iam_instance_profile` likewise: the instance's own, else, with a
`launch_template`, Unknown (set or absent), or the template's `iam_instance_profile` `name`
(else `arn`) when the template is of the same root. An instance's `ebs_block_device` made
from a snapshot (`snapshot_id`) without `encrypted` inherits the snapshot's encryption
(Unknown); with a `launch_template` and no `root_block_device.encrypted` of its own, the
root volume's `encrypted` is Unknown (the template may map it).

A Terraform `aws_spot_instance_request` takes the arguments of `aws_instance` for the
instance it launches, and is that instance (`aws.ec2.instance`) with the same table; its
`tags` are the spot request's: the provider tags the request (`TagSpecifications` of type
`spot-instances-request`), not the instance (only `volume_tags` reach its volumes), so the
tagging rule judges the request, which is what the configuration creates.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.block_devices import FROM_SNAPSHOT, ROOT_FROM_TEMPLATE
from govern.adapters.building import (
    carry_locations,
    clear,
    copy,
    field,
    set_at,
    set_undecided,
    where,
)
from govern.adapters.reading import MISSING, blocks_in, value_at, value_in
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def _finish_volume(resource: Resource, native: NativeResource) -> None:
    if ("encrypted",) in resource.defaulted and value_at(native, "snapshot_id") is not MISSING:
        set_undecided(resource, "encrypted", Unknown("encryption is inherited from the snapshot"))


_FROM_TEMPLATE = "the instance profile may come from the launch template"


def _finish_instance(resource: Resource, native: NativeResource) -> None:
    """`ebs_block_devices`: `{device_name, encrypted, kms_key}` per `ebs_block_device`;
    `metadata_options.http_tokens` and `iam_instance_profile` Unknown when a launch
    template may set them."""
    if "metadata_options" not in resource.attributes and \
            value_at(native, "launch_template") is not MISSING:
        set_at(resource, "metadata_options.http_tokens",
               Unknown("metadata options may come from the launch template"),
               where(native, "launch_template", False))
    if "iam_instance_profile" not in resource.attributes and \
            value_at(native, "launch_template") is not MISSING:
        set_at(resource, "iam_instance_profile", Unknown(
            _FROM_TEMPLATE, alternatives=(Unknown(_FROM_TEMPLATE), None)),
            where(native, "launch_template", False))
    _root_from_template(resource, native)
    blocks = blocks_in(native.attributes, "ebs_block_device")
    if isinstance(blocks, Unknown):
        set_at(resource, "ebs_block_devices", blocks, where(native, "ebs_block_device", False))
        return
    if not blocks:
        return
    devices: list[Any] = []
    set_at(resource, "ebs_block_devices", devices, where(native, "ebs_block_device", False))
    for index, block in enumerate(blocks):
        if isinstance(block, Unknown):
            devices.append(block)
            continue
        device: dict[str, Any] = {}
        for native_name, name in (("device_name", "device_name"), ("encrypted", "encrypted"),
                                  ("kms_key_id", "kms_key")):
            value = value_in(block, native_name)
            if value is not MISSING:
                device[name] = value
        if "encrypted" not in device and value_in(block, "snapshot_id") not in (MISSING, ""):
            device["encrypted"] = Unknown(FROM_SNAPSHOT)
        devices.append(device)
        carry_locations(resource, native, ("ebs_block_device", index),
                        ("ebs_block_devices", index))
        for native_name, name in (("encrypted", "encrypted"), ("kms_key_id", "kms_key")):
            if name in device:
                carry_locations(resource, native, ("ebs_block_device", index, native_name),
                                ("ebs_block_devices", index, name))


def _root_from_template(resource: Resource, native: NativeResource) -> None:
    """An instance launched from a launch template without `root_block_device.encrypted`
    of its own may take its root volume's mapping from the template: Unknown."""
    root = resource.attributes.get("root_block_device")
    if value_at(native, "launch_template") is not MISSING and \
            not (isinstance(root, dict) and "encrypted" in root):
        set_at(resource, "root_block_device.encrypted", Unknown(ROOT_FROM_TEMPLATE),
               where(native, "launch_template", False))


_INSTANCE = KindMapping("aws.ec2.instance", (
    field("associate_public_ip_address"),
    field("root_block_device.encrypted", "root_block_device.0.encrypted"),
    field("root_block_device.kms_key", "root_block_device.0.kms_key_id"),
    field("metadata_options.http_tokens", "metadata_options.0.http_tokens"),
    field("metadata_options.http_endpoint", "metadata_options.0.http_endpoint"),
    field("instance_type"),
    field("iam_instance_profile"),
), _finish_instance)

# Native types that are an EC2 instance (a spot request takes aws_instance's arguments).
INSTANCE_TYPES = ("aws_instance", "aws_spot_instance_request")

MAPPINGS = {
    "aws_ebs_volume": KindMapping("aws.ec2.volume", (
        field("encrypted", default=False),
        field("kms_key", "kms_key_id"),
        field("size"),
        field("snapshot_id"),
    ), _finish_volume),
    **{native_type: _INSTANCE for native_type in INSTANCE_TYPES},
}


def fold_launch_template(native: NativeResource, ctx: RootContext) -> None:
    """`aws_launch_template`: its `http_tokens` and `http_endpoint` become the
    `metadata_options` of every instance launched from it (by `id` or `name`) that sets
    none of its own, and its instance profile (`name`, else `arn`) the
    `iam_instance_profile` of those that set none."""
    for resource, instance in ctx.primary:
        if instance.native_type not in INSTANCE_TYPES:
            continue
        designated = [value_at(instance, ("launch_template", 0, key)) for key in ("id", "name")]
        if not any(isinstance(v, Unknown) and v.ref is not None and
                   native.address in ctx.qualified(v.ref, instance.module) for v in designated):
            continue
        if value_at(instance, "iam_instance_profile") is MISSING:
            clear(resource, "iam_instance_profile")
            if not copy(resource, native, "iam_instance_profile.0.name",
                        "iam_instance_profile", folded=True):
                copy(resource, native, "iam_instance_profile.0.arn", "iam_instance_profile",
                     folded=True)
        if value_at(instance, "metadata_options") is not MISSING:
            continue
        clear(resource, "metadata_options")
        for key in ("http_tokens", "http_endpoint"):
            copy(resource, native, f"metadata_options.0.{key}", f"metadata_options.{key}",
                 folded=True)


FOLDERS = {"aws_launch_template": fold_launch_template}
