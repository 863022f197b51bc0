"""VPCs and their flow logs: `AWS::EC2::VPC`, with `AWS::EC2::FlowLog` of `ResourceType:
VPC` folded into the VPC its `ResourceId` names (`!Ref Vpc`, `!GetAtt Vpc.VpcId`). A flow
log of a subnet, network interface or transit gateway is not a VPC's; one whose
`ResourceType` is not known is folded when its `ResourceId` names a VPC of the template. A
VPC not in the template (a parameter, `Fn::ImportValue`, a literal id) is an external
parent (`govern.adapters.external`)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.context import TemplateContext
from govern.adapters.external import opened
from govern.adapters.reading import value_at
from govern.adapters.vpc_flow_logs import add_flow_log
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "aws.ec2.vpc"

MAPPINGS = {"AWS::EC2::VPC": KindMapping(KIND, (field("cidr_block", "CidrBlock"),))}


def fold_flow_log(native: NativeResource, ctx: TemplateContext) -> None:
    vpc = _vpc_of(native, ctx)
    if vpc is None:
        return
    ctx.absorb(native, vpc)
    add_flow_log(vpc, native, "TrafficType")


def _vpc_of(native: NativeResource, ctx: TemplateContext) -> Resource | None:
    kind = value_at(native, "ResourceType")
    if isinstance(kind, Unknown):  # a VPC's flow log only if it names one of ours
        found = ctx.designated(value_at(native, "ResourceId"), [KIND], by_name=False)
        return found[0] if len(found) == 1 else None
    if kind != "VPC":
        return None
    return ctx.fold_target(native, "ResourceId", [KIND], "VPC", by_name=False,
                           external=(KIND, "AWS::EC2::VPC", opened()))


FOLDERS = {"AWS::EC2::FlowLog": fold_flow_log}
