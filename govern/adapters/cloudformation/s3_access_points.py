"""S3 access points: `AWS::S3::AccessPoint` (`Name`, `Bucket`, `Policy`,
`PublicAccessBlockConfiguration`, `VpcConfiguration`), with the Terraform adapter's values.

Without `PublicAccessBlockConfiguration` every flag is true (CreateAccessPoint's default). A
flag left out of a written configuration is Unknown: CloudFormation passes the configuration
on as written, and what S3 makes of a missing flag is not documented. `network_origin` is
`VPC` with a `VpcConfiguration`, else `Internet` (absent in the alternative of a condition
that leaves the configuration out).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, convert, copy, set_default, where
from govern.adapters.cloudformation.building import new_resource
from govern.adapters.cloudformation.values import mapped, to_bool
from govern.adapters.iam_document import normalize_policy_document
from govern.adapters.reading import MISSING, value_at, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "aws.s3.access_point"
FLAGS = {"block_public_acls": "BlockPublicAcls", "block_public_policy": "BlockPublicPolicy",
         "ignore_public_acls": "IgnorePublicAcls",
         "restrict_public_buckets": "RestrictPublicBuckets"}
_BLOCK = "PublicAccessBlockConfiguration"


def build_access_point(native: NativeResource) -> Resource:
    point = new_resource(native, KIND)
    copy(point, native, "Name", "name")
    copy(point, native, "Bucket", "bucket")
    copy(point, native, "Policy", "policy", normalize_policy_document)
    raw = value_at(native, _BLOCK)
    if raw is MISSING:
        set_default(point, "public_access_block", {flag: True for flag in FLAGS})
    else:
        point.set("public_access_block", mapped(raw, public_access_block),
                  where(native, _BLOCK, folded=False))
        for flag, prop in FLAGS.items():
            carry_locations(point, native, (_BLOCK, prop), ("public_access_block", flag))
    vpc = value_at(native, "VpcConfiguration")
    if vpc is MISSING:
        set_default(point, "network_origin", "Internet")
    else:
        point.set("network_origin", mapped(vpc, lambda _: "VPC"),
                  where(native, "VpcConfiguration", folded=False))
    return point


def public_access_block(config: Any) -> Any:
    """The four flags of a written configuration; one it leaves out is Unknown."""
    if not isinstance(config, dict):
        return Unknown(f"{_BLOCK} is not a mapping")
    block: dict[str, Any] = {}
    for flag, prop in FLAGS.items():
        value = value_in(config, prop)
        block[flag] = Unknown(f"{_BLOCK} leaves out {prop}: what S3 makes of a flag "
                              "missing from a written configuration is not documented") \
            if value is MISSING else convert(value, to_bool)
    return block


BUILDERS = {"AWS::S3::AccessPoint": build_access_point}
