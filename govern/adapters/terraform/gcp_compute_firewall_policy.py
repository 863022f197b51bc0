"""Cloud NGFW firewall policy rules (`gcp.compute.firewall_policy_rule`).

The separate rule resources, `google_compute_firewall_policy_rule` (hierarchical: a policy
on an organization or folder), `google_compute_network_firewall_policy_rule` and
`google_compute_region_network_firewall_policy_rule`, are one rule each. A policy written
with its rules (`google_compute_firewall_policy_with_rules`,
`google_compute_network_firewall_policy_with_rules`,
`google_compute_region_network_firewall_policy_with_rules`) gives one resource per `rule`
block, addressed `<policy address>#<priority>` (priorities are unique within a policy;
the block's index when its priority is not known or repeated), read the same way;
`policy` is then the policy's `name` (`short_name` for a hierarchical policy). A `rule`
list that is not known statically (a `dynamic` block over an Unknown) gives one resource,
at the policy's address, whose checked attributes are Unknown; a `rule` block that is not
known gives a resource whose checked attributes are Unknown.

`direction` is `INGRESS` when not written, `disabled` false; `source_ranges` is
`match.src_ip_ranges` and `source_address_groups` `match.src_address_groups` (absent when
not written: an ingress rule has no default source); `layer4_configs` is a list of
`{protocol, ports}`, one per `match.layer4_configs` block (`layer4_config` in a `rule`
block), always present, with `ports: []` when not written (every port of the protocol).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from govern.adapters.building import (
    carry_locations,
    field,
    resource_id,
    set_at,
    set_undecided,
    where,
)
from govern.adapters.reading import MISSING, blocks_in, located, value_at, value_in
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "gcp.compute.firewall_policy_rule"
_LAYER4 = ("layer4_configs", "layer4_config")  # rule resources / `rule` blocks
_POLICY_NAMES = ("name", "short_name")  # network policies / hierarchical ones
_CHECKED = ("action", "direction", "disabled", "source_ranges", "layer4_configs")


def _layer4(resource: Resource, native: NativeResource) -> None:
    name = next((n for n in _LAYER4 if value_at(native, ("match", 0, n)) is not MISSING),
                _LAYER4[0])
    path = ("match", 0, name)
    entries: list[Any] = []
    blocks = blocks_in(native.attributes, path)
    if isinstance(blocks, Unknown):
        set_at(resource, "layer4_configs", [blocks], where(native, path, False))
        return
    set_at(resource, "layer4_configs", entries, where(native, path, False))
    for index, block in enumerate(blocks):
        if isinstance(block, Unknown):
            entries.append(block)
            continue
        ports = value_in(block, "ports")
        entry: dict[str, Any] = {"ports": [] if ports is MISSING else ports}
        protocol = value_in(block, "ip_protocol")
        if protocol is not MISSING:
            entry = {"protocol": protocol, **entry}
        entries.append(entry)
        carry_locations(resource, native, (*path, index), ("layer4_configs", index))
        carry_locations(resource, native, (*path, index, "ip_protocol"),
                        ("layer4_configs", index, "protocol"))


_RULE = KindMapping(KIND, (
    field("policy", "firewall_policy"),
    field("action"),
    field("direction", default="INGRESS"),
    field("disabled", default=False),
    field("priority"),
    field("source_ranges", "match.0.src_ip_ranges"),
    field("source_address_groups", "match.0.src_address_groups"),
), _layer4)


def _rooted(native: NativeResource, prefix: Path) -> dict[Path, Any]:
    """The locations of `native` under `prefix`, relative to it."""
    size = len(prefix)
    return {path[size:]: found for path, found in native.locations.items()
            if path[:size] == prefix and len(path) > size}


def _part(native: NativeResource, index: int, block: dict[str, Any], name: Any,
          seen: set[str]) -> Resource:
    """The resource of the `index`th `rule` block of a policy written with its rules."""
    prefix: Path = ("rule", index)
    attributes = {**block, "firewall_policy": name} if name is not MISSING else dict(block)
    locations = _rooted(native, prefix)
    for key in _POLICY_NAMES:
        if (key,) in native.locations:
            locations[("firewall_policy",)] = native.locations[(key,)]
            break
    rule = replace(native, attributes=attributes, locations=locations,
                   range=located(native, prefix) or native.range)
    resource = _RULE.build(rule)
    priority = block.get("priority")
    part = str(priority) if isinstance(priority, int) and str(priority) not in seen \
        else str(index)
    seen.add(part)
    resource.address = f"{native.address}#{part}"
    resource.id = f"{resource_id(native)}#{part}"
    return resource


def _undecided(resource: Resource, blocks: Unknown, at: Any) -> None:
    """A rule whose block is not known statically: what it checks is Unknown."""
    for attribute in _CHECKED:
        set_undecided(resource, attribute, Unknown(f"rule: {blocks.reason}", blocks.ref))
        if at is not None:
            resource.locations[(attribute,)] = at


def build_policy_rules(native: NativeResource) -> list[Resource]:
    """One resource per `rule` block of a firewall policy written with its rules."""
    name = next((found for key in _POLICY_NAMES
                 if (found := value_at(native, key)) is not MISSING), MISSING)
    blocks = blocks_in(native.attributes, "rule")
    if isinstance(blocks, Unknown):
        resource = _RULE.build(replace(native, attributes={}))
        _undecided(resource, blocks, located(native, "rule"))
        return [resource]
    seen: set[str] = set()
    built: list[Resource] = []
    for index, block in enumerate(blocks):
        known = {} if isinstance(block, Unknown) else block
        resource = _part(native, index, known, name, seen)
        if isinstance(block, Unknown):
            _undecided(resource, block, located(native, ("rule", index)))
        built.append(resource)
    return built


MAPPINGS = {
    "google_compute_firewall_policy_rule": _RULE,
    "google_compute_network_firewall_policy_rule": _RULE,
    "google_compute_region_network_firewall_policy_rule": _RULE,
}

BUILDERS = {
    "google_compute_firewall_policy_with_rules": build_policy_rules,
    "google_compute_network_firewall_policy_with_rules": build_policy_rules,
    "google_compute_region_network_firewall_policy_with_rules": build_policy_rules,
}
