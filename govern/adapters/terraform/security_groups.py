"""Security groups: `aws_security_group` / `aws_default_security_group` with their inline
`ingress`/`egress` blocks, plus the two forms of separate rules folded into the group their
`security_group_id` names: `aws_security_group_rule` (type ingress/egress) and
`aws_vpc_security_group_ingress_rule` / `aws_vpc_security_group_egress_rule`.

Every canonical rule has `protocol`, `from_port`, `to_port` and the four source lists
(`cidr_blocks`, `ipv6_cidr_blocks`, `source_security_groups`, `prefix_lists`, empty when
not set); protocol `-1` means all ports, 0-65535.

`is_default` is true for `aws_default_security_group` (a VPC's default group, whose rules
Terraform reduces to those the code writes), false for `aws_security_group`.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, copy, new_resource, set_default, where
from govern.adapters.default_groups import marking_default
from govern.adapters.external import extended_list
from govern.adapters.network import ALL_PORTS, aws_ip_protocol, port
from govern.adapters.reading import MISSING, blocks_in, value_at, value_in
from govern.adapters.terraform.context import Folder, RootContext
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "aws.ec2.security_group"
DIRECTIONS = ("ingress", "egress")
LIST_FIELDS = ("cidr_blocks", "ipv6_cidr_blocks", "source_security_groups", "prefix_lists")

# canonical rule field -> native attribute, per way of writing a rule
INLINE_FIELDS = {
    "protocol": "protocol", "from_port": "from_port", "to_port": "to_port",
    "cidr_blocks": "cidr_blocks", "ipv6_cidr_blocks": "ipv6_cidr_blocks",
    "source_security_groups": "security_groups", "prefix_lists": "prefix_list_ids",
    "self": "self", "description": "description",
}
SECURITY_GROUP_RULE_FIELDS = {
    **INLINE_FIELDS, "source_security_groups": "source_security_group_id",
}
VPC_RULE_FIELDS = {
    "protocol": "ip_protocol", "from_port": "from_port", "to_port": "to_port",
    "cidr_blocks": "cidr_ipv4", "ipv6_cidr_blocks": "cidr_ipv6",
    "source_security_groups": "referenced_security_group_id",
    "prefix_lists": "prefix_list_id", "description": "description",
}


def build_group(native: NativeResource) -> Resource:
    group = new_resource(native, KIND)
    copy(group, native, "name", "name")
    copy(group, native, "description", "description")
    copy(group, native, "vpc_id", "vpc_id")
    if native.native_type == "aws_default_security_group":
        group.set(("is_default",), True)
    else:  # AWS refuses the name `default` for a group the code creates
        set_default(group, "is_default", False)
    for direction in DIRECTIONS:
        if value_at(native, direction) is MISSING:
            continue  # not managed inline: rules may come from separate resources
        blocks = blocks_in(native.attributes, direction)
        rules: list[Any] = []
        group.set((direction,), rules)
        carry_locations(group, native, (direction,), (direction,))
        if isinstance(blocks, Unknown):
            rules.append(blocks)  # known rules folded in later still count
            continue
        for index, block in enumerate(blocks):
            _append(group, direction, block, INLINE_FIELDS, native, (direction, index), False)
    return group


def fold_security_group_rule(native: NativeResource, ctx: RootContext) -> None:
    group = _group_of(native, ctx)
    if group is None:
        return
    kind = value_at(native, "type")
    if isinstance(kind, Unknown):
        for direction in DIRECTIONS:
            _rules(group, direction).append(kind)
            group.locations[(direction, len(_rules(group, direction)) - 1)] = native.range
    elif kind in DIRECTIONS:
        _append(group, kind, native.attributes, SECURITY_GROUP_RULE_FIELDS, native, (), True)


def fold_vpc_rule(direction: str) -> Folder:
    def fold(native: NativeResource, ctx: RootContext) -> None:
        group = _group_of(native, ctx)
        if group is not None:
            _append(group, direction, native.attributes, VPC_RULE_FIELDS, native, (), True)

    return fold


FOLDERS = {
    "aws_security_group_rule": fold_security_group_rule,
    "aws_vpc_security_group_ingress_rule": fold_vpc_rule("ingress"),
    "aws_vpc_security_group_egress_rule": fold_vpc_rule("egress"),
}


def link_security_groups(resource: Resource, native: NativeResource, ctx: RootContext) -> None:
    """`security_group` edges from an instance or database to the groups it uses."""
    for attribute, by_name in (("vpc_security_group_ids", False), ("security_groups", True)):
        values = value_at(native, attribute)
        if not isinstance(values, list):
            continue
        for value in values:
            found = ctx.designated(value, [KIND], native, by_name=by_name)
            if len(found) == 1:
                ctx.connect(resource, found[0], "security_group")


def canonical_rule(node: Any, fields: dict[str, str]) -> Any:
    """A canonical rule from an inline block or a separate rule resource's attributes."""
    if isinstance(node, Unknown):
        return node
    rule: dict[str, Any] = {}
    for name, native_name in fields.items():
        value = value_in(node, native_name)
        if name in LIST_FIELDS:
            if value is MISSING:
                value = []
            elif not isinstance(value, (list, Unknown)):
                value = [value]
        elif value is MISSING:
            continue
        elif name == "protocol":
            value = aws_ip_protocol(value)
        elif name in ("from_port", "to_port"):
            value = port(value)
        rule[name] = value
    if rule.get("protocol") == "-1":
        rule["from_port"], rule["to_port"] = ALL_PORTS
    return {key: rule[key] for key in _ORDER if key in rule}


_ORDER = ("protocol", "from_port", "to_port", *LIST_FIELDS, "self", "description")


def _group_of(native: NativeResource, ctx: RootContext) -> Resource | None:
    """The group the rule belongs to: one of the configuration, or the external parent
    its `security_group_id` names (a data source, a variable, a hard-coded id)."""
    group = ctx.fold_target(native, "security_group_id", [KIND], "security group",
                            by_name=False,
                            external=(KIND, "aws_security_group", marking_default(None)))
    if group is not None:
        ctx.absorb(native, group)
    return group


def _rules(group: Resource, direction: str) -> list[Any]:
    return extended_list(group, direction, f"{direction} rules")


def _append(group: Resource, direction: str, node: Any, fields: dict[str, str],
            native: NativeResource, prefix: Path, folded: bool) -> None:
    rules = _rules(group, direction)
    rules.append(canonical_rule(node, fields))
    index = len(rules) - 1
    found = where(native, prefix, folded)
    if found is not None:
        group.locations[(direction, index)] = found
    if isinstance(node, Unknown):
        return
    for name, native_name in fields.items():
        if value_in(node, native_name) is not MISSING:
            carry_locations(group, native, (*prefix, native_name), (direction, index, name))
