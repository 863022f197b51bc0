"""KMS: `aws_kms_key`."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.iam_document import normalize_policy_document
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_kms_key": KindMapping("aws.kms.key", (
        field("description"),
        field("enable_key_rotation", default=False),
        field("key_spec", "customer_master_key_spec", default="SYMMETRIC_DEFAULT"),
        field("key_usage"),
        field("multi_region"),
        field("policy", function=normalize_policy_document),
    )),
}
