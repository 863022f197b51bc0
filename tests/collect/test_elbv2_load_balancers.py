"""Application, Network and Gateway Load Balancers read from moto
(govern/collect/aws/edge_balancers.py) as `aws.elbv2.load_balancer`: GOV-AWS-158 (access
logs, from DescribeLoadBalancerAttributes), GOV-AWS-161 (internet-facing, from the
`Scheme`), GOV-AWS-255 (deletion protection), GOV-AWS-256 (desync mitigation mode) and
GOV-AWS-015 (tags, DescribeTags)."""

from __future__ import annotations

from typing import Any

import pytest

from govern.adapters.cloudformation.elbv2_attributes import canonical_attributes
from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

TAGS = world.TAGS


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    ec2 = client(moto_endpoint, "ec2")
    elbv2 = client(moto_endpoint, "elbv2")
    subnets = [s["SubnetId"] for s in ec2.describe_subnets()["Subnets"]][:2]

    def balancer(name: str, kind: str, attributes: dict[str, str], tagged: bool = True,
                 scheme: str = "internet-facing") -> str:
        arn: str = elbv2.create_load_balancer(
            Name=name, Subnets=subnets, Type=kind, Scheme=scheme,
            **({"Tags": TAGS} if tagged else {}))["LoadBalancers"][0]["LoadBalancerArn"]
        if attributes:
            elbv2.modify_load_balancer_attributes(LoadBalancerArn=arn, Attributes=[
                {"Key": key, "Value": value} for key, value in attributes.items()])
        return arn

    logged = {"access_logs.s3.enabled": "true", "access_logs.s3.bucket": "lb-logs",
              "access_logs.s3.prefix": "web"}
    return {"logged": balancer("logged", "application", {
                **logged, "routing.http.drop_invalid_header_fields.enabled": "true",
                "deletion_protection.enabled": "true",
                "routing.http.desync_mitigation_mode": "strictest"},
                scheme="internal"),
            "plain": balancer("plain", "application", {
                "routing.http.desync_mitigation_mode": "monitor"}),
            "network": balancer("network", "network", {}, tagged=False),
            "gateway": balancer("gateway", "gateway", {})}


def test_each_balancer_fails_exactly_the_rules_it_breaks(moto_endpoint: str,
                                                         made: dict[str, str]) -> None:
    assert statuses(scan(moto_endpoint), made) == {
        ("GOV-AWS-158", "plain", "fail"), ("GOV-AWS-158", "network", "fail"),
        ("GOV-AWS-161", "plain", "fail"), ("GOV-AWS-161", "network", "fail"),
        ("GOV-AWS-015", "network", "fail"),
        # an ALB forwards invalid header fields unless told to drop them
        ("GOV-AWS-190", "plain", "fail"),
        ("GOV-AWS-255", "plain", "fail"), ("GOV-AWS-255", "network", "fail"),
        ("GOV-AWS-255", "gateway", "fail"), ("GOV-AWS-256", "plain", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    found = read(moto_endpoint)
    logged = found[made["logged"]]
    assert (logged.kind, logged.native_type) == (
        "aws.elbv2.load_balancer", "AWS::ElasticLoadBalancingV2::LoadBalancer")
    assert logged.attributes == {
        "name": "logged", "type": "application", "internal": True,
        "access_logs": {"enabled": True, "bucket": "lb-logs", "prefix": "web"},
        "drop_invalid_header_fields": True, "deletion_protection": True,
        "desync_mitigation_mode": "strictest",
        "tags": {t["Key"]: t["Value"] for t in TAGS}}
    plain: dict[str, Any] = found[made["plain"]].attributes
    # moto leaves out `access_logs.s3.enabled` when it was never set (AWS reports "false",
    # with an empty bucket): both mean no access logs
    assert "access_logs" not in plain
    assert canonical_attributes({"access_logs.s3.enabled": "false",
                                 "access_logs.s3.bucket": ""}) == {
        "access_logs": {"enabled": False}}
    assert plain["drop_invalid_header_fields"] is False
    assert (plain["deletion_protection"], plain["desync_mitigation_mode"]) == (False, "monitor")
    # not reported: AWS's defaults
    assert found[made["network"]].attributes["desync_mitigation_mode"] == "defensive"
    assert plain["internal"] is False
    assert found[made["gateway"]].attributes["type"] == "gateway"


def test_attributes_that_cannot_be_read_are_unknown(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "elastic-load-balancing-v2.DescribeLoadBalancerAttributes")
    denied = Unknown("access denied: DescribeLoadBalancerAttributes")
    logged = read(moto_endpoint)[made["logged"]].attributes
    assert (logged["access_logs"], logged["drop_invalid_header_fields"],
            logged["deletion_protection"], logged["desync_mitigation_mode"]) == (
        {"enabled": denied}, denied, denied, denied)
    found = statuses(scan(moto_endpoint), made)
    assert {("GOV-AWS-158", role, "unknown") for role in ("logged", "plain", "network")} \
        <= found
    assert ("GOV-AWS-158", "gateway", "unknown") not in found
    assert {("GOV-AWS-255", role, "unknown") for role in made} <= found
    assert ("GOV-AWS-256", "plain", "unknown") in found
