"""VPCs and their flow logs: `aws_vpc` and `aws_default_vpc` (which adopts a region's
default VPC), with `aws_flow_log` folded into the VPC its `vpc_id` names. A flow log of a
subnet, network interface or transit gateway (`subnet_id`, `eni_id`, `transit_gateway_id`,
`transit_gateway_attachment_id`) is not a VPC's. A VPC not in the configuration (a data
source, a variable, a hard-coded id) is an external parent (`govern.adapters.external`),
whose list starts with an Unknown element for its flow logs declared elsewhere."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.reading import MISSING, value_at
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.mapping import KindMapping
from govern.adapters.vpc_flow_logs import add_flow_log
from govern.parsers.native import NativeResource

KIND = "aws.ec2.vpc"


def fold_flow_log(native: NativeResource, ctx: RootContext) -> None:
    if value_at(native, "vpc_id") is MISSING:
        return  # the flow log of a subnet, an interface or a transit gateway
    vpc = ctx.fold_target(native, "vpc_id", [KIND], "VPC", by_name=False,
                          external=(KIND, "aws_vpc", None))
    if vpc is None:
        return
    ctx.absorb(native, vpc)
    add_flow_log(vpc, native, "traffic_type")


MAPPINGS = {
    "aws_vpc": KindMapping(KIND, (field("cidr_block"),)),
    "aws_default_vpc": KindMapping(KIND, ()),
}
FOLDERS = {"aws_flow_log": fold_flow_log}
