"""Live IP permissions become the canonical rules the Terraform adapter builds."""

from __future__ import annotations

import pytest

pytest.importorskip("botocore")

from govern.collect.aws.ec2 import canonical_rule


def test_all_traffic_is_protocol_minus_one_over_every_port() -> None:
    assert canonical_rule({"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
                          "sg-1") == {
        "protocol": "-1", "from_port": 0, "to_port": 65535, "cidr_blocks": ["0.0.0.0/0"],
        "ipv6_cidr_blocks": [], "source_security_groups": [], "prefix_lists": []}


def test_self_references_and_other_groups_and_description() -> None:
    rule = canonical_rule({
        "IpProtocol": "6", "FromPort": 5432, "ToPort": 5432,
        "UserIdGroupPairs": [{"GroupId": "sg-1", "Description": "db"},
                             {"GroupId": "sg-2", "Description": "db"}],
        "Ipv6Ranges": [{"CidrIpv6": "::/0"}], "PrefixListIds": [{"PrefixListId": "pl-1"}]},
        "sg-1")
    assert rule == {"protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_blocks": [],
                    "ipv6_cidr_blocks": ["::/0"], "source_security_groups": ["sg-2"],
                    "prefix_lists": ["pl-1"], "self": True, "description": "db"}
