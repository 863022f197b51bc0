"""Google Cloud network exposure: VPC firewall rules, Cloud NGFW firewall policy rules and
single CIDRs (Cloud SQL authorized networks).

"Open to the internet" is the same as for AWS and Azure (`cidr_is_open_to_internet`): a
`/0` network. With `only_from` (CIS GCP 3.10: web traffic only through Google's
front ends), a source is open when it holds internet addresses (`cidr_is_public`) outside
every one of those networks.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping, Sequence
from typing import Any

from govern.engine.predicates.base import ArgSpec, Part, PredicateContext, as_list, combine
from govern.engine.predicates.base import predicate as declare
from govern.engine.predicates.network import (
    cidr_is_open_to_internet,
    cidr_is_public,
    parse_port_range,
)
from govern.engine.verdict import Verdict, failed, passed, unknown
from govern.model.unknown import Unknown

_ALL = frozenset({"all"})
_POLICY_RULE = "gcp.compute.firewall_policy_rule"
# Actions that let matched traffic in: `apply_security_profile_group` sends it to a Cloud
# NGFW endpoint for inspection, which lets it through unless it detects a threat.
_LETS_IN = frozenset({"allow", "apply_security_profile_group"})
_PORT_PROTOCOLS = {"tcp": "tcp", "udp": "udp", "sctp": "sctp", "6": "tcp", "17": "udp",
                   "132": "sctp"}


def cidr_not_open_to_internet(value: Any, args: Mapping[str, Any],
                              ctx: PredicateContext) -> Verdict:
    """A single CIDR (a string) does not admit every address.

    Fails for a `/0` network (`0.0.0.0/0`, `::/0`); absent passes; Unknown is unknown.
    Detail: the CIDR.
    """
    if value is None:
        return passed()
    if isinstance(value, Unknown):
        return unknown((), f"CIDR: {value.reason}")
    if isinstance(value, str) and cidr_is_open_to_internet(value):
        return failed((), value.strip())
    return passed()


def _reach(entry: Any, ports: list[int] | None) -> Part:
    """Does one `allow` entry `{protocol, ports}` reach one of `ports` (any when None)?"""
    if isinstance(entry, Unknown):
        return Part(None, why=f"allow: {entry.reason}")
    if not isinstance(entry, Mapping):
        return Part(None, why="allow entry is not a block")
    protocol = entry.get("protocol")
    if isinstance(protocol, Unknown):
        return Part(True if ports is None else None, "traffic", ("protocol",),
                    f"protocol: {protocol.reason}")
    name = "" if protocol is None else str(protocol).strip().lower()
    if name in _ALL:
        return Part(True, "all traffic")
    if name not in _PORT_PROTOCOLS:
        return Part(ports is None, name or "traffic")
    name = _PORT_PROTOCOLS[name]
    specs = as_list(entry.get("ports"))
    if isinstance(specs, Unknown):
        return Part(None, path=("ports",), why=f"ports: {specs.reason}")
    if not specs:
        return Part(True, f"{name} all ports")
    hits: list[str] = []
    why = ""
    for spec in specs:
        bounds = None if isinstance(spec, Unknown) else parse_port_range(spec)
        if bounds is None:
            why = why or (f"ports: {spec.reason}" if isinstance(spec, Unknown)
                          else f"cannot read port range {spec!r}")
        elif ports is None:
            hits.append(str(spec).strip())
        else:
            hits.extend(str(p) for p in ports
                        if bounds[0] <= p <= bounds[1] and str(p) not in hits)
    if hits:
        return Part(True, f"{name} {', '.join(hits)}")
    return Part(None, path=("ports",), why=why) if why else Part(False)


def _any_allow(rule: Mapping[str, Any], ports: list[int] | None,
               key: str = "allow") -> Part:
    """Does one of the protocol entries at `key` reach one of `ports`?"""
    entries = as_list(rule.get(key))
    if isinstance(entries, Unknown):
        return Part(None, path=(key,), why=f"{key}: {entries.reason}")
    first_unknown: Part | None = None
    for index, entry in enumerate(entries):
        part = _reach(entry, ports)
        if part.state is True:
            return Part(True, part.text, (key, index))
        if part.state is None and first_unknown is None:
            first_unknown = Part(None, path=(key, index, *part.path), why=part.why)
    return first_unknown or Part(False)


def _is(rule: Mapping[str, Any], key: str, expected: str) -> Part:
    value = rule.get(key)
    if isinstance(value, Unknown):
        return Part(None, path=(key,), why=f"{key}: {value.reason}")
    return Part(isinstance(value, str) and value.upper() == expected)


def gcp_firewall_not_open_to_internet(value: Any, args: Mapping[str, Any],
                                      ctx: PredicateContext) -> Verdict:
    """A Google Cloud VPC firewall rule or firewall policy rule does not allow traffic from
    the internet (on `ports`, if given).

    `value` is a whole `gcp.compute.firewall` (`{direction, disabled, source_ranges,
    allow: [{protocol, ports}]}`). Fails for an enabled `INGRESS` rule whose
    `source_ranges` hold a `/0` network and one of whose `allow` entries reaches one of
    `ports` (any port when not given): protocol `all`, or `tcp`/`udp`/`sctp` with no
    `ports` (every port) or a port range (`"22"`, `"1000-2000"`) that includes it; other
    protocols (`icmp`, `esp`, ...) reach no port. `deny` rules never fail. For a whole
    `gcp.compute.firewall_policy_rule` (`{action, direction, disabled, source_ranges,
    source_address_groups, layer4_configs}`) the same, with the `layer4_configs` entries
    of a rule whose `action` lets traffic in (`allow`, `apply_security_profile_group`;
    `deny` and `goto_next` never fail); sources in `source_address_groups` (not read) are
    unknown when no range is open. Detail: `tcp 22 from 0.0.0.0/0`; the path is the
    offending entry.

    With `only_from` (CIDRs), a source range is open when it holds internet addresses (not
    wholly private or reserved space, `cidr_is_public`) and is not inside one of those
    networks: `0.0.0.0/0` and `203.0.113.0/24` are, `35.191.0.0/16` (when listed) and
    `10.0.0.0/8` are not.
    """
    if value is None:
        return passed()
    if isinstance(value, Unknown):
        return unknown((), f"firewall: {value.reason}")
    if not isinstance(value, Mapping):
        return unknown((), "not a firewall rule")
    ingress = _is(value, "direction", "INGRESS")
    disabled = value.get("disabled")
    enabled = (Part(None, path=("disabled",), why=f"disabled: {disabled.reason}")
               if isinstance(disabled, Unknown) else Part(disabled is not True))
    only_from = _networks(args.get("only_from"))
    if ctx.resource.kind == _POLICY_RULE:
        parts = (_lets_in(value), _any_allow(value, args.get("ports"), "layer4_configs"),
                 _groups(_open(value, only_from), value))
    else:
        parts = (Part(True), _any_allow(value, args.get("ports")), _open(value, only_from))
    lets_in, reach, sources = parts
    return combine((ingress, enabled, lets_in, reach, sources),
                   f"{reach.text} from {sources.text}")


def _lets_in(rule: Mapping[str, Any]) -> Part:
    action = rule.get("action")
    if isinstance(action, Unknown):
        return Part(None, path=("action",), why=f"action: {action.reason}")
    return Part(isinstance(action, str) and action.strip().lower() in _LETS_IN)


def _groups(ranges: Part, rule: Mapping[str, Any]) -> Part:
    """Sources in address groups, whose addresses are not read, may be open too."""
    if ranges.state is True:
        return ranges
    groups = as_list(rule.get("source_address_groups"))
    if isinstance(groups, Unknown) or groups:
        return Part(None, path=("source_address_groups",),
                    why="source_address_groups: the addresses of the groups are not read")
    return ranges


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _networks(cidrs: Sequence[str] | None) -> tuple[Network, ...] | None:
    """The networks of `only_from` (None when not given). One that does not read as a CIDR
    trusts nothing: the rule stays strict."""
    if cidrs is None:
        return None
    found: list[Network] = []
    for cidr in cidrs:
        try:
            found.append(ipaddress.ip_network(cidr.strip(), strict=False))
        except ValueError:
            continue
    return tuple(found)


def _admits_internet(source: str, only_from: tuple[Network, ...] | None) -> bool:
    if only_from is None:
        return cidr_is_open_to_internet(source)
    if not cidr_is_public(source):
        return False
    try:
        network = ipaddress.ip_network(source.strip(), strict=False)
    except ValueError:
        return True  # `cidr_is_public` said open: `0.0.0.0/0` spelled as a tag
    return not any(network.version == trusted.version
                   and network.subnet_of(trusted)  # type: ignore[arg-type]
                   for trusted in only_from)


def _open(rule: Mapping[str, Any], only_from: tuple[Network, ...] | None = None) -> Part:
    items = as_list(rule.get("source_ranges"))
    if isinstance(items, Unknown):
        return Part(None, path=("source_ranges",), why=f"source_ranges: {items.reason}")
    found = [item.strip() for item in items
             if isinstance(item, str) and _admits_internet(item, only_from)]
    if found:
        return Part(True, ", ".join(found), ("source_ranges",))
    unknown_item = next((item for item in items if isinstance(item, Unknown)), None)
    if unknown_item is not None:
        return Part(None, path=("source_ranges",), why=f"source_ranges: {unknown_item.reason}")
    return Part(False)


PREDICATES = (
    declare(cidr_not_open_to_internet),
    declare(gcp_firewall_not_open_to_internet, ports=ArgSpec("ports"),
            only_from=ArgSpec("strings")),
)
