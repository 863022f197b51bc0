"""VPCs (DescribeVpcs) as `aws.ec2.vpc`, with the flow logs DescribeFlowLogs lists for
each (by `ResourceId`, the VPC's id): one canonical entry per flow log, whatever its
delivery status. Flow logs that cannot be listed make every VPC's `flow_logs` Unknown."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import tag_map
from govern.model.resource import Resource

KIND = "aws.ec2.vpc"
NATIVE_TYPE = "AWS::EC2::VPC"


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    return vpcs(clients("ec2"), reader, account, region)


def vpcs(ec2: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    items = list(listed(reader.pages(ec2, "DescribeVpcs", region, "Vpcs")))
    if not items:
        return []
    logs = reader.pages(ec2, "DescribeFlowLogs", region, "FlowLogs")
    by_vpc: dict[str, list[dict[str, Any]]] = {}
    if not isinstance(logs, Failed):
        for log in logs:
            entry = {"traffic_type": log["TrafficType"]} if log.get("TrafficType") else {}
            by_vpc.setdefault(str(log.get("ResourceId", "")), []).append(entry)
    found = []
    for item in items:
        vpc_id = str(item["VpcId"])
        arn = f"arn:aws:ec2:{region}:{item.get('OwnerId') or account}:vpc/{vpc_id}"
        vpc = live_resource(arn, KIND, NATIVE_TYPE, account, region)
        if item.get("CidrBlock"):
            vpc.set("cidr_block", item["CidrBlock"])
        if isinstance(logs, Failed):
            vpc.set("flow_logs", logs.unknown)
        elif vpc_id in by_vpc:
            vpc.set("flow_logs", by_vpc[vpc_id])
        vpc.set("tags", tag_map(item.get("Tags")))
        found.append(vpc)
    return found
