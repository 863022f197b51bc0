"""Network ACLs: `aws_network_acl` and `aws_default_network_acl` with their inline
`ingress`/`egress` blocks, plus `aws_network_acl_rule` folded into the ACL its
`network_acl_id` names (`egress` true: an egress entry; false or not written: ingress). An
ACL not in the configuration (a data source, a variable, a hard-coded id) is an external
parent; a VPC's `default_network_acl_id` is the stand-in for that VPC's default ACL
(`govern.adapters.external`).

Every canonical entry has `rule_number`, `action`, `protocol` (`-1` for all, names for
6/17/1/58) and the ports and ranges that are set (an empty `cidr_block` or
`ipv6_cidr_block`, as a plan shows the one not written, is not set); protocol `-1` means
all ports, 0-65535.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, copy, new_resource, set_default, where
from govern.adapters.external import extended_list
from govern.adapters.network import ALL_PORTS, aws_ip_protocol, port
from govern.adapters.reading import MISSING, blocks_in, value_at, value_in
from govern.adapters.terraform.context import RootContext
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "aws.ec2.network_acl"
DIRECTIONS = ("ingress", "egress")

# canonical entry field -> native attribute, per way of writing an entry
INLINE_FIELDS = {
    "rule_number": "rule_no", "action": "action", "protocol": "protocol",
    "from_port": "from_port", "to_port": "to_port", "cidr_block": "cidr_block",
    "ipv6_cidr_block": "ipv6_cidr_block",
}
RULE_FIELDS = {**INLINE_FIELDS, "rule_number": "rule_number", "action": "rule_action"}


def build_acl(native: NativeResource) -> Resource:
    acl = new_resource(native, KIND)
    copy(acl, native, "vpc_id", "vpc_id")
    if native.native_type == "aws_default_network_acl":
        acl.set(("is_default",), True)
    else:
        set_default(acl, "is_default", False)
    for direction in DIRECTIONS:
        if value_at(native, direction) is MISSING:
            continue  # not managed inline: entries may come from aws_network_acl_rule
        blocks = blocks_in(native.attributes, direction)
        entries: list[Any] = []
        acl.set((direction,), entries)
        carry_locations(acl, native, (direction,), (direction,))
        if isinstance(blocks, Unknown):
            entries.append(blocks)  # known entries folded in later still count
            continue
        for index, block in enumerate(blocks):
            _append(acl, direction, block, INLINE_FIELDS, native, (direction, index), False)
    return acl


def fold_rule(native: NativeResource, ctx: RootContext) -> None:
    """`aws_network_acl_rule`: one entry of the ACL its `network_acl_id` names."""
    acl = ctx.fold_target(native, "network_acl_id", [KIND], "network ACL", by_name=False,
                          external=(KIND, "aws_network_acl", None))
    if acl is None:
        return
    ctx.absorb(native, acl)
    egress = value_at(native, "egress")
    if isinstance(egress, Unknown):
        for direction in DIRECTIONS:  # it is one of them
            _entries(acl, direction).append(egress)
            acl.locations[(direction, len(_entries(acl, direction)) - 1)] = native.range
        return
    direction = "egress" if egress is True or str(egress).lower() == "true" else "ingress"
    _append(acl, direction, native.attributes, RULE_FIELDS, native, (), True)


FOLDERS = {"aws_network_acl_rule": fold_rule}
BUILDERS = {"aws_network_acl": build_acl, "aws_default_network_acl": build_acl}


def canonical_entry(node: Any, fields: dict[str, str]) -> Any:
    """A canonical entry from an inline block or an `aws_network_acl_rule`'s attributes."""
    if isinstance(node, Unknown):
        return node
    entry: dict[str, Any] = {}
    for name, native_name in fields.items():
        value = value_in(node, native_name)
        if value is MISSING or value == "":
            continue
        if name == "protocol":
            value = aws_ip_protocol(value)
        elif name in ("from_port", "to_port", "rule_number"):
            value = port(value)
        elif name == "action" and isinstance(value, str):
            value = value.strip().lower()
        entry[name] = value
    if entry.get("protocol") == "-1":
        entry["from_port"], entry["to_port"] = ALL_PORTS
    return {key: entry[key] for key in _ORDER if key in entry}


_ORDER = ("rule_number", "action", "protocol", "from_port", "to_port", "cidr_block",
          "ipv6_cidr_block")


def _entries(acl: Resource, direction: str) -> list[Any]:
    return extended_list(acl, direction, f"{direction} entries")


def _append(acl: Resource, direction: str, node: Any, fields: dict[str, str],
            native: NativeResource, prefix: Path, folded: bool) -> None:
    entries = _entries(acl, direction)
    entries.append(canonical_entry(node, fields))
    index = len(entries) - 1
    found = where(native, prefix, folded)
    if found is not None:
        acl.locations[(direction, index)] = found
    if isinstance(node, Unknown):
        return
    for name, native_name in fields.items():
        if value_in(node, native_name) not in (MISSING, ""):
            carry_locations(acl, native, (*prefix, native_name), (direction, index, name))
