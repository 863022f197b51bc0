"""VPC network ACLs (DescribeNetworkAcls) as `aws.ec2.network_acl`: each entry becomes one
canonical entry of `ingress` or `egress` (by its `Egress` flag), as an inline block does
in the Terraform adapter; the final `*` entry (number 32767) is kept, and a VPC's default
ACL keeps AWS's allow-all entries until they are changed."""

from __future__ import annotations

from typing import Any

from govern.adapters.network import ALL_PORTS, aws_ip_protocol, port
from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import tag_map
from govern.model.resource import Resource

KIND = "aws.ec2.network_acl"
NATIVE_TYPE = "AWS::EC2::NetworkAcl"


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    return network_acls(clients("ec2"), reader, account, region)


def network_acls(ec2: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    found = []
    for item in listed(reader.pages(ec2, "DescribeNetworkAcls", region, "NetworkAcls")):
        acl_id = str(item["NetworkAclId"])
        arn = f"arn:aws:ec2:{region}:{item.get('OwnerId') or account}:network-acl/{acl_id}"
        acl = live_resource(arn, KIND, NATIVE_TYPE, account, region)
        if item.get("VpcId"):
            acl.set("vpc_id", item["VpcId"])
        acl.set("is_default", bool(item.get("IsDefault", False)))
        entries = sorted(item.get("Entries", []), key=lambda e: int(e.get("RuleNumber", 0)))
        acl.set("ingress", [canonical_entry(e) for e in entries if not e.get("Egress")])
        acl.set("egress", [canonical_entry(e) for e in entries if e.get("Egress")])
        acl.set("tags", tag_map(item.get("Tags")))
        found.append(acl)
    return found


def canonical_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """`{rule_number, action, protocol[, from_port, to_port][, cidr_block]
    [, ipv6_cidr_block]}`."""
    canonical: dict[str, Any] = {"rule_number": int(entry["RuleNumber"]),
                                 "action": str(entry.get("RuleAction", "")).lower(),
                                 "protocol": aws_ip_protocol(entry.get("Protocol", "-1"))}
    ports = entry.get("PortRange")
    if canonical["protocol"] == "-1":
        canonical["from_port"], canonical["to_port"] = ALL_PORTS
    elif isinstance(ports, dict) and "From" in ports and "To" in ports:
        canonical["from_port"], canonical["to_port"] = port(ports["From"]), port(ports["To"])
    for key, native in (("cidr_block", "CidrBlock"), ("ipv6_cidr_block", "Ipv6CidrBlock")):
        if entry.get(native):
            canonical[key] = entry[native]
    return canonical
