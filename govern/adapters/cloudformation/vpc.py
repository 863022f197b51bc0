"""VPC: `AWS::EC2::Subnet` (`map_public_ip_on_launch` defaults to false, as in Terraform)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool

MAPPINGS = {
    "AWS::EC2::Subnet": KindMapping("aws.ec2.subnet", (
        field("vpc_id", "VpcId"),
        field("cidr_block", "CidrBlock"),
        field("map_public_ip_on_launch", "MapPublicIpOnLaunch", function=to_bool,
              default=False),
    )),
}
