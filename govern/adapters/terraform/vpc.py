"""VPC: `aws_subnet` (`map_public_ip_on_launch` defaults to false), and
`aws_default_subnet`, which adopts the default VPC's subnet of an Availability Zone: what
it does not write, the provider leaves as the subnet has it (AWS creates default subnets
with `map_public_ip_on_launch` true, but it may have been changed since): Unknown."""

from __future__ import annotations

from govern.adapters.building import field, set_at
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

ADOPTED = ("not written: the adopted default subnet keeps its current setting (AWS creates "
           "default subnets with it true)")


def finish_default_subnet(resource: Resource, native: NativeResource) -> None:
    del native
    if "map_public_ip_on_launch" not in resource.attributes:
        set_at(resource, "map_public_ip_on_launch", Unknown(ADOPTED), None)


MAPPINGS = {
    "aws_subnet": KindMapping("aws.ec2.subnet", (
        field("vpc_id"),
        field("cidr_block"),
        field("map_public_ip_on_launch", default=False),
    )),
    "aws_default_subnet": KindMapping("aws.ec2.subnet", (
        field("map_public_ip_on_launch"),
    ), finish_default_subnet),
}
