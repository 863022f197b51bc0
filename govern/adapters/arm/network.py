"""Azure network security groups: `Microsoft.Network/networkSecurityGroups` with its
`properties.securityRules`, plus `Microsoft.Network/networkSecurityGroups/securityRules`
resources (nested in the group, or at the top level named `<group>/<rule>`) folded into
the group.

A child resource nested in its group is folded into that group; a top-level one into the
group of this template whose name is the part of the rule's name before the last `/`
(compared case-insensitively; a name that is not known statically matches a group with
the same unknown name, e.g. both `[parameters('nsgName')]`); a group that is not in the
template is an external parent (`govern.adapters.external`). Each rule becomes the
canonical rule of `govern.adapters.nsg_rules.canonical_rule` (the same
folding of single values into lists as for azurerm).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.building import apply_tags, carry, copy, new_resource
from govern.adapters.arm.context import ArmContext
from govern.adapters.arm.reading import MISSING, find, located, value_in
from govern.adapters.arm.storage import set_context
from govern.adapters.external import Setup, open_list
from govern.adapters.nsg_rules import canonical_rule
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.arm.values import UnknownString, join_parts
from govern.parsers.native import NativeResource

KIND = "azure.network.security_group"
RULE_TYPE = "microsoft.network/networksecuritygroups/securityrules"

# ARM rule property -> azurerm attribute (the names canonical_rule reads)
_PROPERTIES = {
    "priority": "priority",
    "direction": "direction",
    "access": "access",
    "protocol": "protocol",
    "description": "description",
    "sourceAddressPrefix": "source_address_prefix",
    "sourceAddressPrefixes": "source_address_prefixes",
    "sourcePortRange": "source_port_range",
    "sourcePortRanges": "source_port_ranges",
    "destinationAddressPrefix": "destination_address_prefix",
    "destinationAddressPrefixes": "destination_address_prefixes",
    "destinationPortRange": "destination_port_range",
    "destinationPortRanges": "destination_port_ranges",
}
# azurerm attribute -> canonical rule attribute
_CANONICAL = {
    "priority": "priority", "direction": "direction", "access": "access",
    "protocol": "protocol", "description": "description",
    "source_address_prefix": "source_address_prefixes",
    "source_address_prefixes": "source_address_prefixes",
    "source_port_range": "source_port_ranges", "source_port_ranges": "source_port_ranges",
    "destination_address_prefix": "destination_address_prefixes",
    "destination_address_prefixes": "destination_address_prefixes",
    "destination_port_range": "destination_port_ranges",
    "destination_port_ranges": "destination_port_ranges",
}


def build_group(native: NativeResource) -> Resource:
    group = new_resource(native, KIND)
    copy(group, native, ("name",), ("name",))
    set_context(group, native)
    apply_tags(group, native)
    rules, written = find(native.attributes, ("properties", "securityRules"))
    if rules is MISSING:
        return group  # rules may come from child resources
    group.set(("security_rules",), [])
    carry(group, native, written, ("security_rules",), deep=False)
    if isinstance(rules, Unknown) or not isinstance(rules, list):
        group.attributes["security_rules"].append(
            rules if isinstance(rules, Unknown) else Unknown("securityRules is not an array"))
        return group
    for index, rule in enumerate(rules):
        _append(group, native, rule, value_in(rule, "name"), (*written, index))
    return group


def fold_rule(native: NativeResource, ctx: ArmContext) -> None:
    """Fold a securityRules resource into its group."""
    group_name, rule_name = split_rule_name(native.attributes.get("name"))
    group = ctx.owner((native.provider or {}).get("parent"))
    if group is None or group.kind != KIND:
        if group_name is MISSING:
            ctx.note(native, "network security group not known statically (the rule's "
                     "name is not <group>/<rule>)", "fold-target-unknown")
            return
        found = ctx.named(KIND, group_name)
        if len(found) != 1:
            if found:
                names = ", ".join(r.address for r in found)
                ctx.note(native, f"network security group is ambiguous (one of {names})",
                         "fold-target-ambiguous")
                return
            group = ctx.external_parent(native, KIND, group_name, "network security group",
                                        _external_group(native))
        else:
            group = found[0]
    ctx.absorb(native, group)
    _append(group, native, native.attributes, rule_name, ())


def _external_group(native: NativeResource) -> Setup:
    """An NSG outside the template: its name, resource group (the rule's: a child is
    deployed with its parent), and rules that start with an Unknown for those declared
    elsewhere."""

    def setup(group: Resource, name: Any) -> None:
        group.set(("name",), name)
        set_context(group, native)
        open_list(group, "security_rules", "security rules")

    return setup


def split_rule_name(name: Any) -> tuple[Any, Any]:
    """`nsg/ssh` -> (`nsg`, `ssh`). The group is MISSING when the name does not say it;
    pieces that are not known statically are Unknown."""
    if isinstance(name, str):
        if "/" in name:
            head, rule = name.rsplit("/", 1)
            return head, rule
        return MISSING, name
    if isinstance(name, UnknownString):
        last = name.parts[-1]
        if isinstance(last, str) and "/" in last:
            head, rule = last.rsplit("/", 1)
            group: Any = join_parts([*name.parts[:-1], head])
            if isinstance(group, UnknownString) and len(group.parts) == 1:
                group = group.parts[0]
            return group, rule
        return MISSING, name.derived()
    if isinstance(name, Unknown):
        return MISSING, name
    return MISSING, Unknown("the rule has no name")


def _append(group: Resource, native: NativeResource, rule: Any, name: Any,
            written: Path) -> None:
    rules = group.attributes.get("security_rules")
    if not isinstance(rules, list):
        rules = []
        group.attributes["security_rules"] = rules
    index = len(rules)
    where = located(native, written) if written else native.range
    if where is not None:
        group.locations[("security_rules", index)] = where
    if isinstance(rule, Unknown) or not isinstance(rule, dict):
        rules.append(rule if isinstance(rule, Unknown) else Unknown("the rule is not an object"))
        return
    properties, properties_at = find(rule, ("properties",))
    if isinstance(properties, Unknown):
        rules.append(properties)
        return
    native_rule: dict[str, Any] = {}
    if name is not MISSING:
        native_rule["name"] = name
    for arm_name, azurerm_name in _PROPERTIES.items():
        value, at = find(properties, (arm_name,))
        if value is MISSING:
            continue
        native_rule[azurerm_name] = value
        where = located(native, (*written, *properties_at, *at))
        if where is not None:
            group.locations[("security_rules", index, _CANONICAL[azurerm_name])] = where
    if name is not MISSING:
        name_at = located(native, (*written, "name"))
        if name_at is not None:
            group.locations[("security_rules", index, "name")] = name_at
    rules.append(canonical_rule(native_rule))
