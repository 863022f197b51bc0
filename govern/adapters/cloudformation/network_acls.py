"""Network ACLs: `AWS::EC2::NetworkAcl`, with each `AWS::EC2::NetworkAclEntry` folded into
the ACL its `NetworkAclId` (`!Ref Acl`, `!GetAtt Acl.Id`) designates (`Egress: true`: an
egress entry; false or not written: ingress). An ACL not in the template (a parameter,
`Fn::ImportValue`, a literal id) is an external parent; `!GetAtt Vpc.DefaultNetworkAcl` is
the stand-in for that VPC's default ACL (`govern.adapters.external`).

Canonical entries are the Terraform adapter's: `rule_number`, `action` (`RuleAction`, lower
case), `protocol` (`-1` for all, names for 6/17/1/58: CloudFormation writes numbers),
`from_port`/`to_port` from `PortRange` (0-65535 for protocol `-1`), `cidr_block`,
`ipv6_cidr_block`.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import (
    carry_locations,
    convert,
    field,
    set_default,
    to_bool,
    where,
)
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.context import TemplateContext
from govern.adapters.external import extended_list, opened
from govern.adapters.network import ALL_PORTS, aws_ip_protocol, port
from govern.adapters.reading import MISSING, value_at, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "aws.ec2.network_acl"
DIRECTIONS = ("ingress", "egress")

# canonical entry field -> CloudFormation property path
_FIELDS: dict[str, tuple[str, ...]] = {
    "rule_number": ("RuleNumber",), "action": ("RuleAction",), "protocol": ("Protocol",),
    "from_port": ("PortRange", "From"), "to_port": ("PortRange", "To"),
    "cidr_block": ("CidrBlock",), "ipv6_cidr_block": ("Ipv6CidrBlock",),
}

MAPPINGS = {
    "AWS::EC2::NetworkAcl": KindMapping(KIND, (
        field("vpc_id", "VpcId"),
    ), finish=lambda acl, native: set_default(acl, "is_default", False)),
}


def fold_entry(native: NativeResource, ctx: TemplateContext) -> None:
    """`AWS::EC2::NetworkAclEntry`: one entry of the ACL its `NetworkAclId` names."""
    acl = ctx.fold_target(native, "NetworkAclId", [KIND], "network ACL", by_name=False,
                          external=(KIND, "AWS::EC2::NetworkAcl", opened()))
    if acl is None:
        return
    ctx.absorb(native, acl)
    egress = convert(value_at(native, "Egress"), to_bool)
    if isinstance(egress, Unknown):
        for direction in DIRECTIONS:  # it is one of them
            entries = _entries(acl, direction)
            entries.append(egress)
            acl.locations[(direction, len(entries) - 1)] = native.range
        return
    direction = "egress" if egress is True else "ingress"
    entries = _entries(acl, direction)
    entries.append(canonical_entry(native.attributes))
    index = len(entries) - 1
    found = where(native, (), True)
    if found is not None:
        acl.locations[(direction, index)] = found
    for name, path in _FIELDS.items():
        if value_at(native, path) is not MISSING:
            carry_locations(acl, native, path, (direction, index, name), True)


FOLDERS = {"AWS::EC2::NetworkAclEntry": fold_entry}


def canonical_entry(properties: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    for name, path in _FIELDS.items():
        value = value_in(properties, path)
        if value is MISSING:
            continue
        if name == "protocol":
            value = convert(value, aws_ip_protocol)
        elif name == "action":
            value = convert(value, _lower)
        elif name in ("rule_number", "from_port", "to_port"):
            value = convert(value, port)
        entry[name] = value
    if entry.get("protocol") == "-1":
        entry["from_port"], entry["to_port"] = ALL_PORTS
    return entry


def _lower(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


def _entries(acl: Resource, direction: str) -> list[Any]:
    return extended_list(acl, direction, f"{direction} entries")
