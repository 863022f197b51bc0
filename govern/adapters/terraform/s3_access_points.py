"""S3 access points: `aws_s3_access_point` (its `policy`, `public_access_block_configuration`
and `vpc_configuration` blocks) and `aws_s3control_access_point_policy` folded into the
access point its `access_point_arn` names (an access point outside the configuration gets a
stand-in, `govern.adapters.external`).

The public access block is always written: each flag the block leaves out is true (the
provider's default), and without the block all four are true (CreateAccessPoint's default).
`network_origin` is `VPC` with a `vpc_configuration` block, else `Internet`; a `dynamic`
block over a collection not known statically makes it Unknown.
"""

from __future__ import annotations

from govern.adapters.building import clear, copy, new_resource, set_at, set_default, where
from govern.adapters.external import opened
from govern.adapters.iam_document import normalize_policy_document
from govern.adapters.reading import MISSING, blocks_in, first_block
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.s3 import PUBLIC_ACCESS_BLOCK_FLAGS
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "aws.s3.access_point"
FLAGS = PUBLIC_ACCESS_BLOCK_FLAGS


def build_access_point(native: NativeResource) -> Resource:
    point = new_resource(native, KIND)
    copy(point, native, "name", "name")
    copy(point, native, "bucket", "bucket")
    copy(point, native, "policy", "policy", normalize_policy_document)
    _public_access_block(point, native)
    _network_origin(point, native)
    return point


def _public_access_block(point: Resource, native: NativeResource) -> None:
    block = first_block(native.attributes, "public_access_block_configuration")
    prefix: Path = ("public_access_block_configuration", 0)
    if isinstance(block, Unknown):
        set_at(point, "public_access_block", block, where(native, prefix, False))
        return
    if block is MISSING:
        set_default(point, "public_access_block", {flag: True for flag in FLAGS})
        return
    set_at(point, "public_access_block", {}, where(native, prefix, False))
    for flag in FLAGS:
        if not copy(point, native, (*prefix, flag), ("public_access_block", flag)):
            set_default(point, ("public_access_block", flag), True)


def _network_origin(point: Resource, native: NativeResource) -> None:
    blocks = blocks_in(native.attributes, "vpc_configuration")
    if isinstance(blocks, Unknown):
        set_at(point, "network_origin", blocks, where(native, "vpc_configuration", False))
    elif blocks:
        set_at(point, "network_origin", "VPC", where(native, "vpc_configuration", False))
    else:
        set_default(point, "network_origin", "Internet")


def fold_policy(native: NativeResource, ctx: RootContext) -> None:
    """`aws_s3control_access_point_policy`: its `policy` replaces the access point's."""
    point = ctx.fold_target(native, "access_point_arn", [KIND], "access point",
                            by_name=False, external=(KIND, "aws_s3_access_point", opened()))
    if point is None:
        return
    ctx.absorb(native, point)
    clear(point, "policy")
    copy(point, native, "policy", "policy", normalize_policy_document, folded=True)


FOLDERS = {"aws_s3control_access_point_policy": fold_policy}
