"""KMS: `AWS::KMS::Key` (rotation off and `SYMMETRIC_DEFAULT` by default, as in
Terraform), and `AWS::KMS::ReplicaKey` (its spec, usage and rotation are its primary
key's: Unknown, as in Terraform)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool
from govern.adapters.iam_document import normalize_policy_document
from govern.adapters.terraform.kms import finish_replica_key

MAPPINGS = {
    "AWS::KMS::Key": KindMapping("aws.kms.key", (
        field("description", "Description"),
        field("enable_key_rotation", "EnableKeyRotation", function=to_bool, default=False),
        field("key_spec", "KeySpec", default="SYMMETRIC_DEFAULT"),
        field("key_usage", "KeyUsage"),
        field("multi_region", "MultiRegion", function=to_bool),
        field("policy", "KeyPolicy", function=normalize_policy_document),
    )),
    "AWS::KMS::ReplicaKey": KindMapping("aws.kms.key", (
        field("description", "Description"),
        field("policy", "KeyPolicy", function=normalize_policy_document),
    ), finish_replica_key),
}
