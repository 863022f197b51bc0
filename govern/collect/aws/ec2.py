"""EC2 security groups as `aws.ec2.security_group`: each IP permission becomes one
canonical rule, as an inline `ingress`/`egress` block does in the Terraform adapter."""

from __future__ import annotations

from typing import Any

from govern.adapters.network import ALL_PORTS, aws_ip_protocol, port
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import tag_map
from govern.model.resource import Resource

KIND = "aws.ec2.security_group"
NATIVE_TYPE = "AWS::EC2::SecurityGroup"
_DIRECTIONS = (("IpPermissions", "ingress"), ("IpPermissionsEgress", "egress"))


def collect_security_groups(client: Any, reader: Reader, account: str,
                            region: str) -> list[Resource]:
    listed = reader.pages(client, "DescribeSecurityGroups", region, "SecurityGroups")
    if isinstance(listed, Failed):
        return []
    groups = []
    for item in listed:
        group_id = str(item["GroupId"])
        arn = item.get("SecurityGroupArn") or (
            f"arn:aws:ec2:{region}:{item.get('OwnerId', account)}:security-group/{group_id}")
        group = live_resource(arn, KIND, NATIVE_TYPE, account, region)
        group.set("name", item.get("GroupName"))
        group.set("description", item.get("Description"))
        if item.get("VpcId"):
            group.set("vpc_id", item["VpcId"])
        group.set("is_default", item.get("GroupName") == "default")
        for native, direction in _DIRECTIONS:
            group.set(direction, [canonical_rule(p, group_id) for p in item.get(native, [])])
        group.set("tags", tag_map(item.get("Tags")))
        groups.append(group)
    return groups


def canonical_rule(permission: dict[str, Any], group_id: str) -> dict[str, Any]:
    """`{protocol, from_port, to_port, cidr_blocks, ipv6_cidr_blocks,
    source_security_groups, prefix_lists[, self][, description]}`."""
    rule: dict[str, Any] = {"protocol": aws_ip_protocol(permission.get("IpProtocol", "-1"))}
    if rule["protocol"] == "-1":
        rule["from_port"], rule["to_port"] = ALL_PORTS
    else:
        rule["from_port"] = port(permission.get("FromPort", 0))
        rule["to_port"] = port(permission.get("ToPort", 65535))
    ranges = permission.get("IpRanges", [])
    ipv6 = permission.get("Ipv6Ranges", [])
    pairs = permission.get("UserIdGroupPairs", [])
    rule["cidr_blocks"] = [r["CidrIp"] for r in ranges]
    rule["ipv6_cidr_blocks"] = [r["CidrIpv6"] for r in ipv6]
    rule["source_security_groups"] = [p["GroupId"] for p in pairs
                                      if p.get("GroupId") != group_id]
    rule["prefix_lists"] = [p["PrefixListId"] for p in permission.get("PrefixListIds", [])]
    if any(p.get("GroupId") == group_id for p in pairs):
        rule["self"] = True
    descriptions = {d for r in (*ranges, *ipv6, *pairs) if (d := r.get("Description"))}
    if len(descriptions) == 1:
        rule["description"] = descriptions.pop()
    return rule
