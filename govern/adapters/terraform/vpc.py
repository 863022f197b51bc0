"""VPC: `aws_subnet` (`map_public_ip_on_launch` defaults to false)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_subnet": KindMapping("aws.ec2.subnet", (
        field("vpc_id"),
        field("cidr_block"),
        field("map_public_ip_on_launch", default=False),
    )),
}
