"""AMI sharing: `aws_ami_launch_permission` (one grant: an `account_id`, the `group`
`all` (public), an `organization_arn` or an `organizational_unit_arn`). CloudFormation has
no resource for it."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_ami_launch_permission": KindMapping("aws.ec2.ami_launch_permission", (
        field("image_id"),
        field("account_id"),
        field("group"),
        field("organization_arn"),
        field("organizational_unit_arn"),
    )),
}
