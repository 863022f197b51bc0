"""Azure network security groups: `azurerm_network_security_group` with its inline
`security_rule` blocks, plus `azurerm_network_security_rule` folded into the group its
`network_security_group_name` names (a reference to the group, or its literal name in the
same resource group).

Single-valued forms are folded into the lists (`source_address_prefix` and
`source_address_prefixes` -> `source_address_prefixes`, ...); port ranges are strings.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, copy, new_resource, where
from govern.adapters.external import open_list
from govern.adapters.nsg_rules import LISTS, SCALARS, canonical_rule
from govern.adapters.reading import MISSING, blocks_in, value_at, value_in
from govern.adapters.terraform.context import RootContext
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "azure.network.security_group"



def build_group(native: NativeResource) -> Resource:
    group = new_resource(native, KIND)
    copy(group, native, "name", "name")
    copy(group, native, "resource_group_name", "resource_group_name")
    if value_at(native, "security_rule") is MISSING:
        return group  # rules may come from separate resources
    blocks = blocks_in(native.attributes, "security_rule")
    rules: list[Any] = []
    group.set(("security_rules",), rules)
    carry_locations(group, native, ("security_rule",), ("security_rules",))
    if isinstance(blocks, Unknown):
        rules.append(blocks)
        return group
    for index, block in enumerate(blocks):
        _append(group, block, native, ("security_rule", index), folded=False)
    return group


def fold_rule(native: NativeResource, ctx: RootContext) -> None:
    resource_group = value_at(native, "resource_group_name")

    def same_resource_group(group: Resource) -> bool:
        theirs = group.attributes.get("resource_group_name")
        return not (isinstance(resource_group, str) and isinstance(theirs, str)
                    and resource_group != theirs)

    def setup(group: Resource, name: Any) -> None:
        """An NSG outside the configuration: its name and resource group when the rule
        writes them; its rules start with an Unknown for the rules declared elsewhere."""
        if isinstance(name, str):
            group.set(("name",), name)
        if resource_group is not MISSING:
            group.set(("resource_group_name",), resource_group)
        open_list(group, "security_rules", "security rules")

    name = value_at(native, "network_security_group_name")
    if isinstance(name, str) and isinstance(resource_group, str):
        name_in_group: Any = f"{resource_group}/{name}"  # one stand-in per group and name
    else:
        name_in_group = name
    group = ctx.single(native, name, [KIND], "network security group",
                       keep=same_resource_group, attribute="network_security_group_name",
                       external=(KIND, "azurerm_network_security_group", setup),
                       address=name_in_group)
    if group is None:
        return
    ctx.absorb(native, group)
    _append(group, native.attributes, native, (), folded=True)


FOLDERS = {"azurerm_network_security_rule": fold_rule}


def _append(group: Resource, node: Any, native: NativeResource, prefix: Path,
            folded: bool) -> None:
    rules = group.attributes.get("security_rules")
    if not isinstance(rules, list):
        rules = []
        group.attributes["security_rules"] = rules
    rules.append(canonical_rule(node))
    index = len(rules) - 1
    found = where(native, prefix, folded)
    if found is not None:
        group.locations[("security_rules", index)] = found
    if isinstance(node, Unknown):
        return
    for name in SCALARS:
        if value_in(node, name) is not MISSING:
            carry_locations(group, native, (*prefix, name), ("security_rules", index, name))
    for name, natives in LISTS.items():
        for native_name in natives:
            if value_in(node, native_name) is not MISSING:
                carry_locations(group, native, (*prefix, native_name),
                                ("security_rules", index, name))
