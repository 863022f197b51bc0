from __future__ import annotations

from govern.adapters.terraform import adapt_terraform
from govern.model.graph import Edge
from govern.model.unknown import Unknown
from tests.adapters.terraform.natives import lines, native, rid

GROUP_REF = Unknown("known after apply", ref="aws_security_group.web")
EMPTY = {"cidr_blocks": [], "ipv6_cidr_blocks": [], "source_security_groups": [],
         "prefix_lists": []}


def group(**attributes: object) -> object:
    return native("aws_security_group.web", {"name": "web", **attributes}, line=1, end=20,
                  locations={"ingress": (3, 8), "ingress.0": (3, 8),
                             "ingress.0.cidr_blocks": 7, "ingress.0.from_port": 4})


def test_inline_rules() -> None:
    resource = adapt_terraform([group(
        ingress=[{"protocol": "tcp", "from_port": 22, "to_port": 22,
                  "cidr_blocks": ["0.0.0.0/0"], "description": "ssh"}],
        egress=[{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"],
                 "ipv6_cidr_blocks": ["::/0"]}],
    )]).resources[0]
    assert resource.kind == "aws.ec2.security_group"
    assert resource.attributes["ingress"] == [
        {"protocol": "tcp", "from_port": 22, "to_port": 22, **EMPTY,
         "cidr_blocks": ["0.0.0.0/0"], "description": "ssh"}]
    assert resource.attributes["egress"] == [
        {"protocol": "-1", "from_port": 0, "to_port": 65535, **EMPTY,
         "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"]}]
    assert resource.location("ingress.0.cidr_blocks.0") == lines(7)
    assert resource.location("ingress.0.from_port") == lines(4)
    assert resource.location("ingress.0.to_port") == lines(3, 8)


def test_group_without_inline_rules_has_no_rule_lists() -> None:
    resource = adapt_terraform([group()]).resources[0]
    assert resource.attributes == {"name": "web", "is_default": False, "tags": {}}


def test_all_three_forms_of_rules_are_folded_in_source_order() -> None:
    legacy_rule = native("aws_security_group_rule.ssh", {
        "type": "ingress", "security_group_id": GROUP_REF, "protocol": "6",
        "from_port": 22, "to_port": 22, "cidr_blocks": ["10.0.0.0/8"],
        "source_security_group_id": None, "self": True,
    }, line=30, end=38, locations={"cidr_blocks": 35})
    vpc_ingress = native("aws_vpc_security_group_ingress_rule.rdp", {
        "security_group_id": GROUP_REF, "ip_protocol": "tcp", "from_port": 3389,
        "to_port": 3389, "cidr_ipv4": "0.0.0.0/0"}, line=40, end=46,
        locations={"cidr_ipv4": 44})
    vpc_egress = native("aws_vpc_security_group_egress_rule.all", {
        "security_group_id": GROUP_REF, "ip_protocol": "-1", "cidr_ipv6": "::/0",
        "referenced_security_group_id": "sg-123", "prefix_list_id": "pl-1"}, line=50)
    result = adapt_terraform([group(ingress=[
        {"protocol": "udp", "from_port": 53, "to_port": 53, "cidr_blocks": ["10.0.0.0/8"]}]),
        vpc_egress, vpc_ingress, legacy_rule])
    resource = result.resources[0]
    assert resource.attributes["ingress"] == [
        {"protocol": "udp", "from_port": 53, "to_port": 53, **EMPTY,
         "cidr_blocks": ["10.0.0.0/8"]},
        {"protocol": "tcp", "from_port": 22, "to_port": 22, **EMPTY,
         "cidr_blocks": ["10.0.0.0/8"], "self": True},
        {"protocol": "tcp", "from_port": 3389, "to_port": 3389, **EMPTY,
         "cidr_blocks": ["0.0.0.0/0"]},
    ]
    assert resource.attributes["egress"] == [
        {"protocol": "-1", "from_port": 0, "to_port": 65535, "cidr_blocks": [],
         "ipv6_cidr_blocks": ["::/0"], "source_security_groups": ["sg-123"],
         "prefix_lists": ["pl-1"]}]
    assert resource.location("ingress.1") == lines(30, 38)
    assert resource.location("ingress.1.cidr_blocks") == lines(35)
    assert resource.location("ingress.2.cidr_blocks") == lines(44)
    assert resource.location("ingress.2.protocol") == lines(40, 46)
    assert resource.native == ["aws_security_group.web", "aws_security_group_rule.ssh",
                               "aws_vpc_security_group_ingress_rule.rdp",
                               "aws_vpc_security_group_egress_rule.all"]
    assert result.notices == []


def test_unknown_inline_rules_are_kept_next_to_known_folded_ones() -> None:
    rules = Unknown("dynamic block over an unknown collection")
    rule = native("aws_security_group_rule.ssh", {
        "type": "ingress", "security_group_id": GROUP_REF, "protocol": "tcp",
        "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}, line=30)
    resource = adapt_terraform([group(ingress=rules), rule]).resources[0]
    assert resource.attributes["ingress"] == [
        rules, {"protocol": "tcp", "from_port": 22, "to_port": 22, **EMPTY,
                "cidr_blocks": ["0.0.0.0/0"]}]


def test_rule_of_unknown_type_is_unknown_in_both_directions() -> None:
    kind = Unknown("from a variable without a value")
    rule = native("aws_security_group_rule.r", {"type": kind, "security_group_id": GROUP_REF})
    resource = adapt_terraform([group(), rule]).resources[0]
    assert resource.attributes["ingress"] == [kind]
    assert resource.attributes["egress"] == [kind]


def test_unknown_cidrs_stay_unknown() -> None:
    cidrs = Unknown("from a data source")
    resource = adapt_terraform([group(ingress=[
        {"protocol": "tcp", "from_port": "22", "to_port": "22", "cidr_blocks": cidrs}])]
    ).resources[0]
    assert resource.attributes["ingress"] == [
        {"protocol": "tcp", "from_port": 22, "to_port": 22, **EMPTY, "cidr_blocks": cidrs}]


def test_rule_for_a_group_outside_the_configuration_is_judged_on_a_stand_in() -> None:
    rule = native("aws_security_group_rule.r", {
        "type": "ingress", "security_group_id": "sg-0123", "protocol": "tcp",
        "from_port": 22, "to_port": 22}, line=12)
    result = adapt_terraform([group(), rule])
    assert "ingress" not in result.resources[0].attributes
    assert result.resources[1].address == "sg-0123"
    assert [n.render() for n in result.notices] == [
        "main.tf:12: aws_security_group_rule.r: security group sg-0123 is not declared in the "
        "scanned code; judged on a stand-in that holds what this resource sets (the rest is "
        "unknown)"]


def test_default_security_group() -> None:
    resource = adapt_terraform([native("aws_default_security_group.d", {
        "vpc_id": "vpc-1", "ingress": [{"protocol": "-1", "from_port": 0, "to_port": 0,
                                        "self": True}]})]).resources[0]
    assert resource.kind == "aws.ec2.security_group"
    assert resource.attributes == {"vpc_id": "vpc-1", "is_default": True, "tags": {}, "ingress": [
        {"protocol": "-1", "from_port": 0, "to_port": 65535, **EMPTY, "self": True}]}


def test_instances_and_databases_get_security_group_edges() -> None:
    instance = native("aws_instance.app", {"vpc_security_group_ids": [GROUP_REF]},
                      references=["aws_security_group.web"])
    database = native("aws_db_instance.db", {"vpc_security_group_ids": [GROUP_REF]})
    result = adapt_terraform([group(), instance, database])
    assert result.edges == [
        Edge(rid("aws_db_instance.db"), rid("aws_security_group.web"), "security_group"),
        Edge(rid("aws_instance.app"), rid("aws_security_group.web"), "references"),
        Edge(rid("aws_instance.app"), rid("aws_security_group.web"), "security_group"),
    ]
