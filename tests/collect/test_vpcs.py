"""VPCs read from moto (govern/collect/aws/vpcs.py) as `aws.ec2.vpc`, with their flow
logs, and GOV-AWS-103 (no flow log of rejected traffic) on them."""

from __future__ import annotations

from typing import Any

import pytest

from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

ROLE = f"arn:aws:iam::{ACCOUNT}:role/flow-logs"


def arn(vpc_id: str) -> str:
    return f"arn:aws:ec2:{REGION}:{ACCOUNT}:vpc/{vpc_id}"


def flow_log(ec2: Any, resource: str, traffic: str, kind: str = "VPC") -> None:
    ec2.create_flow_logs(ResourceIds=[resource], ResourceType=kind, TrafficType=traffic,
                         LogGroupName=f"flow-logs-{traffic.lower()}",
                         DeliverLogsPermissionArn=ROLE)


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    ec2 = client(moto_endpoint, "ec2")
    world.log_default_vpcs(ec2)

    def vpc(cidr: str) -> str:
        return str(ec2.create_vpc(CidrBlock=cidr, TagSpecifications=[
            {"ResourceType": "vpc", "Tags": world.TAGS}])["Vpc"]["VpcId"])

    silent = vpc("10.10.0.0/16")
    logged = vpc("10.20.0.0/16")
    flow_log(ec2, logged, "ALL")
    accepted = vpc("10.30.0.0/16")
    flow_log(ec2, accepted, "ACCEPT")
    subnet = ec2.create_subnet(VpcId=accepted, CidrBlock="10.30.1.0/24")["Subnet"]["SubnetId"]
    flow_log(ec2, subnet, "REJECT", "Subnet")  # a subnet's flow log is not the VPC's
    rejects = vpc("10.40.0.0/16")
    flow_log(ec2, rejects, "ACCEPT")
    flow_log(ec2, rejects, "REJECT")
    return {"silent": arn(silent), "logged": arn(logged), "accepted": arn(accepted),
            "rejects": arn(rejects)}


def test_vpcs_without_a_flow_log_of_rejected_traffic_fail(moto_endpoint: str,
                                                          made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule in ("GOV-AWS-103", "GOV-AWS-015")}
    assert found == {("GOV-AWS-103", "silent", "fail"), ("GOV-AWS-103", "accepted", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    silent = resources[made["silent"]]
    assert (silent.kind, silent.native_type, silent.context) == (
        "aws.ec2.vpc", "AWS::EC2::VPC", f"aws:{ACCOUNT}:{REGION}")
    assert silent.attributes == {"cidr_block": "10.10.0.0/16",
                                 "tags": {t["Key"]: t["Value"] for t in world.TAGS}}
    assert resources[made["accepted"]].attributes["flow_logs"] == [{"traffic_type": "ACCEPT"}]
    assert resources[made["rejects"]].attributes["flow_logs"] == [
        {"traffic_type": "ACCEPT"}, {"traffic_type": "REJECT"}]


def test_flow_logs_that_cannot_be_listed_are_unknown_not_absent(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "ec2.DescribeFlowLogs")
    doc = scan(moto_endpoint, partial=True)
    found = {(rule, role, status) for rule, role, status in statuses(doc, made)
             if rule == "GOV-AWS-103"}
    assert found == {("GOV-AWS-103", role, "unknown") for role in made}
    assert any("DescribeFlowLogs" in n["message"] for n in doc["notices"])
