"""Network ACLs read from moto (govern/collect/aws/network_acls.py) as `aws.ec2.network_acl`,
and the rules on them: GOV-AWS-072 (SSH), GOV-AWS-073 (RDP) and GOV-AWS-074 (every port)
from the internet, judged in rule-number order. A new VPC's default ACL keeps AWS's entry
100, which lets all traffic in: it fails all three."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from govern.cli import cli
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

RULES = ("GOV-AWS-072", "GOV-AWS-073", "GOV-AWS-074")


def arn(acl_id: str) -> str:
    return f"arn:aws:ec2:{REGION}:{ACCOUNT}:network-acl/{acl_id}"


def entry(ec2: Any, acl: str, number: int, action: str, protocol: str,
          ports: tuple[int, int] | None = None, *, cidr: str = "0.0.0.0/0",
          egress: bool = False) -> None:
    extra: dict[str, Any] = {"Ipv6CidrBlock": cidr} if ":" in cidr else {"CidrBlock": cidr}
    if ports is not None:
        extra["PortRange"] = {"From": ports[0], "To": ports[1]}
    ec2.create_network_acl_entry(NetworkAclId=acl, RuleNumber=number, Protocol=protocol,
                                 RuleAction=action, Egress=egress, **extra)


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    ec2 = client(moto_endpoint, "ec2")
    world.close_default_network_acls(ec2)
    vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    default = ec2.describe_network_acls(Filters=[
        {"Name": "vpc-id", "Values": [vpc]},
        {"Name": "default", "Values": ["true"]}])["NetworkAcls"][0]["NetworkAclId"]

    def acl() -> str:
        return str(ec2.create_network_acl(VpcId=vpc)["NetworkAcl"]["NetworkAclId"])

    ssh = acl()
    entry(ec2, ssh, 100, "allow", "6", (22, 22))
    shadowed = acl()  # SSH denied first: RDP and every other port open
    entry(ec2, shadowed, 90, "deny", "6", (22, 22))
    entry(ec2, shadowed, 100, "allow", "-1")
    rdp_v6 = acl()
    entry(ec2, rdp_v6, 100, "allow", "6", (3000, 4000), cidr="::/0")
    entry(ec2, rdp_v6, 200, "deny", "6", (3389, 3389), cidr="::/0")  # after: no effect
    closed = acl()
    entry(ec2, closed, 50, "deny", "-1")
    entry(ec2, closed, 100, "allow", "-1")
    outbound = acl()
    entry(ec2, outbound, 100, "allow", "-1", egress=True)
    entry(ec2, outbound, 100, "allow", "6", (22, 22), cidr="10.0.0.0/8")
    return {"default": arn(default), "ssh": arn(ssh), "shadowed": arn(shadowed),
            "rdp_v6": arn(rdp_v6), "closed": arn(closed), "outbound": arn(outbound)}


def test_each_acl_fails_exactly_the_rules_it_breaks(moto_endpoint: str,
                                                    made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule in RULES}
    assert found == {
        ("GOV-AWS-072", "default", "fail"), ("GOV-AWS-073", "default", "fail"),
        ("GOV-AWS-074", "default", "fail"),
        ("GOV-AWS-072", "ssh", "fail"),
        ("GOV-AWS-073", "shadowed", "fail"), ("GOV-AWS-074", "shadowed", "fail"),
        ("GOV-AWS-073", "rdp_v6", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    default = resources[made["default"]]
    assert (default.kind, default.native_type, default.context) == (
        "aws.ec2.network_acl", "AWS::EC2::NetworkAcl", f"aws:{ACCOUNT}:{REGION}")
    assert default.attributes["is_default"] is True
    assert default.attributes["ingress"] == [
        {"rule_number": 100, "action": "allow", "protocol": "-1", "from_port": 0,
         "to_port": 65535, "cidr_block": "0.0.0.0/0"},
        {"rule_number": 32767, "action": "deny", "protocol": "-1", "from_port": 0,
         "to_port": 65535, "cidr_block": "0.0.0.0/0"}]
    shadowed = resources[made["shadowed"]].attributes
    assert shadowed["is_default"] is False
    assert shadowed["ingress"] == [
        {"rule_number": 90, "action": "deny", "protocol": "tcp", "from_port": 22,
         "to_port": 22, "cidr_block": "0.0.0.0/0"},
        {"rule_number": 100, "action": "allow", "protocol": "-1", "from_port": 0,
         "to_port": 65535, "cidr_block": "0.0.0.0/0"}]
    assert shadowed["egress"] == [] and shadowed["tags"] == {}
    assert resources[made["rdp_v6"]].attributes["ingress"][0] == {
        "rule_number": 100, "action": "allow", "protocol": "tcp", "from_port": 3000,
        "to_port": 4000, "ipv6_cidr_block": "::/0"}
    assert [e["rule_number"] for e in resources[made["outbound"]].attributes["egress"]] == [100]


def test_a_denied_listing_makes_acls_unknown_not_absent(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "ec2.DescribeNetworkAcls")
    result = CliRunner().invoke(cli, ["scan", "--aws", "--endpoint-url", moto_endpoint,
                                      "--region", REGION, "--format", "json"])
    assert result.exit_code == 3, result.output  # the scan is incomplete
    doc = json.loads(result.output)
    assert statuses(doc, made) == set()
    assert any("aws.ec2.network_acl" in n["message"] for n in doc["notices"]
               if n["code"] == "aws-listing-failed")
