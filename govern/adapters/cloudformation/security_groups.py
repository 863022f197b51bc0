"""Security groups: `AWS::EC2::SecurityGroup` with its `SecurityGroupIngress`/`Egress`
lists, plus `AWS::EC2::SecurityGroupIngress`/`Egress` folded into the group their `GroupId`
(`!Ref G`, `!GetAtt G.GroupId`) or `GroupName` (a reference, or the group's literal
`GroupName`) designates; a group not in the template (a parameter, `Fn::ImportValue`, a
literal id) is an external parent (`govern.adapters.external`).

Canonical rules are the Terraform adapter's: `protocol` (`-1` for all, names for 6/17/1/58),
`from_port`/`to_port` as ints (0-65535 for protocol `-1`), the four source lists always
present. `CidrIp` and `CidrIpv6` become one-element `cidr_blocks`/`ipv6_cidr_blocks`;
`SourceSecurityGroupId`/`SourceSecurityGroupName` (`DestinationSecurityGroupId` for
egress) `source_security_groups`; `SourcePrefixListId` (`DestinationPrefixListId`)
`prefix_lists`. A group without `SecurityGroupEgress` has AWS's allow-all egress rule
(`default_egress`), which separate `AWS::EC2::SecurityGroupEgress` resources do not remove.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from govern.adapters.building import carry_locations, convert, copy, set_default, where
from govern.adapters.cloudformation.building import new_resource
from govern.adapters.cloudformation.context import TemplateContext
from govern.adapters.cloudformation.values import mapped
from govern.adapters.default_groups import marking_default
from govern.adapters.external import named, open_list, opened
from govern.adapters.network import ALL_PORTS, aws_ip_protocol, port
from govern.adapters.reading import MISSING, value_at, value_in
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "aws.ec2.security_group"
DIRECTIONS = {"ingress": "SecurityGroupIngress", "egress": "SecurityGroupEgress"}

# canonical list -> CloudFormation properties, per direction
_LISTS: dict[str, dict[str, tuple[str, ...]]] = {
    "ingress": {"cidr_blocks": ("CidrIp",), "ipv6_cidr_blocks": ("CidrIpv6",),
                "source_security_groups": ("SourceSecurityGroupId", "SourceSecurityGroupName"),
                "prefix_lists": ("SourcePrefixListId",)},
    "egress": {"cidr_blocks": ("CidrIp",), "ipv6_cidr_blocks": ("CidrIpv6",),
               "source_security_groups": ("DestinationSecurityGroupId",),
               "prefix_lists": ("DestinationPrefixListId",)},
}
_SCALARS = {"protocol": "IpProtocol", "from_port": "FromPort", "to_port": "ToPort",
            "description": "Description"}
_ORDER = ("protocol", "from_port", "to_port", "cidr_blocks", "ipv6_cidr_blocks",
          "source_security_groups", "prefix_lists", "description")


def default_egress() -> dict[str, Any]:
    """The egress rule AWS adds to a new group created without `SecurityGroupEgress`."""
    return {"protocol": "-1", "from_port": ALL_PORTS[0], "to_port": ALL_PORTS[1],
            "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": [],
            "source_security_groups": [], "prefix_lists": []}


def build_group(native: NativeResource) -> Resource:
    group = new_resource(native, KIND)
    copy(group, native, "GroupName", "name")
    copy(group, native, "GroupDescription", "description")
    copy(group, native, "VpcId", "vpc_id")
    set_default(group, "is_default", False)  # CloudFormation cannot manage a default group
    for direction, prop in DIRECTIONS.items():
        entries = value_at(native, prop)
        if entries is MISSING:
            if direction == "egress":  # AWS keeps its allow-all rule
                group.set(("egress",), [default_egress()])
                group.defaulted.add(("egress", 0))
            continue
        carry_locations(group, native, (prop,), (direction,))
        if isinstance(entries, Unknown):
            group.set((direction,), [entries] if entries.alternatives is None else mapped(
                entries, _rules_of(direction)))
            continue
        group.set((direction,), [])
        for index, entry in enumerate(_listed(entries)):
            _append(group, direction, entry, native, (prop, index), folded=False)
    return group


def fold_rule(direction: str) -> Any:
    """`AWS::EC2::SecurityGroupIngress` / `AWS::EC2::SecurityGroupEgress`."""

    def fold(native: NativeResource, ctx: TemplateContext) -> None:
        prop = "GroupName" if value_at(native, "GroupId") is MISSING else "GroupId"
        setup = named if prop == "GroupName" else opened
        group = ctx.fold_target(native, prop, [KIND], "security group",
                                by_name=prop == "GroupName",
                                external=(KIND, "AWS::EC2::SecurityGroup",
                                          marking_default(setup())))
        if group is None:
            return
        ctx.absorb(native, group)
        open_list(group, direction, f"{direction} rules")
        _append(group, direction, native.attributes, native, (), folded=True)

    return fold


FOLDERS = {
    "AWS::EC2::SecurityGroupIngress": fold_rule("ingress"),
    "AWS::EC2::SecurityGroupEgress": fold_rule("egress"),
}


def link_security_groups(*props: str) -> Any:
    """`security_group` edges from an instance or database to the groups its `props`
    (lists of group ids or names, `NetworkInterfaces.GroupSet` for instances) name."""

    def link(resource: Resource, native: NativeResource, ctx: TemplateContext) -> None:
        values: list[Any] = []
        for prop in props:
            found = value_at(native, prop)
            if isinstance(found, list):
                values.extend(found)
        interfaces = value_at(native, "NetworkInterfaces")
        if isinstance(interfaces, list):
            for interface in interfaces:
                group_set = value_in(interface, "GroupSet")
                if isinstance(group_set, list):
                    values.extend(group_set)
        for value in values:
            found = ctx.designated(value, [KIND])
            if len(found) == 1:
                ctx.connect(resource, found[0], "security_group")

    return link


def canonical_rule(entry: Any, direction: str) -> Any:
    """A canonical rule from one CloudFormation rule (inline entry or separate resource)."""
    if isinstance(entry, Unknown):
        return mapped(entry, lambda e: canonical_rule(e, direction))
    if not isinstance(entry, dict):
        return Unknown("the security group rule is not a mapping")
    rule: dict[str, Any] = {}
    for name, prop in _SCALARS.items():
        value = value_in(entry, prop)
        if value is MISSING:
            continue
        if name == "protocol":
            value = convert(value, aws_ip_protocol)
        elif name in ("from_port", "to_port"):
            value = convert(value, port)
        rule[name] = value
    for name, props in _LISTS[direction].items():
        values: list[Any] = []
        for prop in props:
            value = value_in(entry, prop)
            if value is not MISSING:
                values.append(value)
        rule[name] = values
    if rule.get("protocol") == "-1":
        rule["from_port"], rule["to_port"] = ALL_PORTS
    return {key: rule[key] for key in _ORDER if key in rule}


def _rules_of(direction: str) -> Callable[[Any], list[Any]]:
    def rules(entries: Any) -> list[Any]:
        return [canonical_rule(entry, direction) for entry in _listed(entries)]

    return rules


def _listed(entries: Any) -> list[Any]:
    return entries if isinstance(entries, list) else [entries]


def _append(group: Resource, direction: str, entry: Any, native: NativeResource,
            prefix: Path, folded: bool) -> None:
    rule = canonical_rule(entry, direction)
    rules = group.attributes.get(direction)
    if isinstance(rules, Unknown) and rules.alternatives is not None:
        # the group's own rules depend on a condition: the rule is in every alternative
        group.attributes[direction] = rules.derived(tuple(
            [*(alternative or []), rule] for alternative in rules.alternatives))
        return
    if not isinstance(rules, list):
        rules = []
        group.attributes[direction] = rules
    rules.append(rule)
    index = len(rules) - 1
    found = where(native, prefix, folded)
    if found is not None:
        group.locations[(direction, index)] = found
    if not isinstance(entry, dict):
        return
    for name, prop in _SCALARS.items():
        if prop in entry:
            carry_locations(group, native, (*prefix, prop), (direction, index, name), folded)
    for name, props in _LISTS[direction].items():
        for prop in props:
            if prop in entry:
                carry_locations(group, native, (*prefix, prop), (direction, index, name),
                                folded)
