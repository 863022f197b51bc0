"""KMS: `aws_kms_key`, and `aws_kms_replica_key` (a multi-Region replica: a key of its
own Region with its own policy and description, whose key spec, usage and rotation are its
primary key's, Unknown here)."""

from __future__ import annotations

from govern.adapters.building import field, set_at
from govern.adapters.iam_document import normalize_policy_document
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

REPLICA = "a replica key has its primary key's {0}"


def finish_replica_key(resource: Resource, native: NativeResource) -> None:
    """The primary key's properties a replica shares (shared with CloudFormation)."""
    del native
    for attribute, what in (("key_spec", "key spec"), ("key_usage", "key usage"),
                            ("enable_key_rotation", "rotation")):
        set_at(resource, attribute, Unknown(REPLICA.format(what)), None)


MAPPINGS = {
    "aws_kms_key": KindMapping("aws.kms.key", (
        field("description"),
        field("enable_key_rotation", default=False),
        field("key_spec", "customer_master_key_spec", default="SYMMETRIC_DEFAULT"),
        field("key_usage"),
        field("multi_region"),
        field("policy", function=normalize_policy_document),
    )),
    "aws_kms_replica_key": KindMapping("aws.kms.key", (
        field("description"),
        field("policy", function=normalize_policy_document),
    ), finish_replica_key),
}
