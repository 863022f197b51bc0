"""EBS account settings: `aws_ebs_encryption_by_default` (`enabled` defaults to true)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_ebs_encryption_by_default": KindMapping("aws.ec2.ebs_encryption_by_default", (
        field("enabled", default=True),
    )),
}
