"""Network exposure: CIDRs, port ranges, AWS security-group rules and Azure NSG rules.

"Open to the internet" is kept simple and precise: a source is open when it covers every
address (`0.0.0.0/0`, `::/0`, any `/0`) or is Azure's `*`, `Internet` or `Any` (any case).
A wide but not universal CIDR (e.g. `0.0.0.0/1`) is not "open"; `cidr_is_public` answers
the broader question "does this range include public addresses?" for rules that want it.
Unparseable CIDRs are never open (an unresolved value must arrive as `Unknown`).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from govern.engine.predicates.base import ArgSpec, Part, PredicateContext, as_list, combine
from govern.engine.predicates.base import predicate as declare
from govern.engine.verdict import Verdict, passed, unknown
from govern.model.unknown import Unknown

MAX_PORT = 65535
OPEN_TAGS = frozenset({"*", "internet", "any"})
_ALL_PROTOCOLS = frozenset({"-1", "all", "*"})
_PORT_PROTOCOLS = frozenset({"tcp", "udp"})
_PROTOCOL_NAMES = {"6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6", "-1": "all"}
_NOT_PUBLIC = tuple(ipaddress.ip_network(n) for n in (
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
    "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
    "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
    "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8", "2001:db8::/32",
))


@lru_cache(maxsize=4096)
def cidr_is_open_to_internet(source: str) -> bool:
    """True for a source that admits every address: a `/0` network or Azure's `*`,
    `Internet`, `Any` (any case)."""
    text = source.strip()
    if text.lower() in OPEN_TAGS:
        return True
    try:
        return ipaddress.ip_network(text, strict=False).prefixlen == 0
    except ValueError:
        return False


@lru_cache(maxsize=4096)
def cidr_is_public(source: str) -> bool:
    """True when the range includes publicly routable addresses: it is open to the internet,
    or it is not wholly inside private or reserved space (RFC 1918, loopback, link-local,
    CGNAT, documentation, multicast, ULA). `10.0.0.0/8` -> False, `8.8.8.0/24` -> True.
    Azure tags other than `*`/`Internet`/`Any` and unparseable text -> False."""
    if cidr_is_open_to_internet(source):
        return True
    try:
        network = ipaddress.ip_network(source.strip(), strict=False)
    except ValueError:
        return False
    for block in _NOT_PUBLIC:
        if isinstance(network, ipaddress.IPv4Network) and isinstance(
                block, ipaddress.IPv4Network) and network.subnet_of(block):
            return False
        if isinstance(network, ipaddress.IPv6Network) and isinstance(
                block, ipaddress.IPv6Network) and network.subnet_of(block):
            return False
    return True


_PORT = re.compile(r"[0-9]{1,10}")  # ASCII digits (isdigit() takes "²", int() refuses it)


def parse_port_range(spec: Any) -> tuple[int, int] | None:
    """`22` / `"22"` -> (22, 22); `"20-30"` -> (20, 30); `"*"` -> (0, 65535); else None."""
    if isinstance(spec, bool):
        return None
    if isinstance(spec, int):
        return (spec, spec) if 0 <= spec <= MAX_PORT else None
    if not isinstance(spec, str):
        return None
    text = spec.strip()
    if text == "*":
        return (0, MAX_PORT)
    low, sep, high = text.partition("-")
    if not _PORT.fullmatch(low.strip()) or (sep and not _PORT.fullmatch(high.strip())):
        return None
    first = int(low)
    last = int(high) if sep else first
    return (first, last) if first <= last <= MAX_PORT else None


def port_range_includes(range_spec: Any, port: int) -> bool:
    """Whether a port range (`"22"`, `"20-30"`, `"*"`, or an int) includes `port`.
    Raises ValueError for something that is not a port range."""
    bounds = parse_port_range(range_spec)
    if bounds is None:
        raise ValueError(f"not a port range: {range_spec!r}")
    return bounds[0] <= port <= bounds[1]


def _open_sources(rule: Mapping[str, Any], keys: tuple[str, ...]) -> Part:
    """Is one of the source lists at `keys` open to the internet? text = the open sources."""
    found: list[str] = []
    first_open: tuple[str, ...] = ()
    first: Part | None = None
    for key in keys:
        items = as_list(rule.get(key))
        if isinstance(items, Unknown):
            first = first or Part(None, path=(key,), why=f"{key}: {items.reason}")
            continue
        for item in items:
            if isinstance(item, Unknown):
                first = first or Part(None, path=(key,), why=f"{key}: {item.reason}")
            elif isinstance(item, str) and cidr_is_open_to_internet(item):
                first_open = first_open or (key,)
                found.append(item.strip())
    if found:
        return Part(True, ", ".join(found), first_open)
    return first or Part(False)


def _protocol(value: Any) -> str | Unknown:
    if isinstance(value, Unknown):
        return value
    text = "" if value is None or isinstance(value, bool) else str(value).strip().lower()
    return _PROTOCOL_NAMES.get(text, text)


def _sg_ports(rule: Mapping[str, Any], ports: list[int] | None) -> Part:
    """Does the rule reach one of `ports` (any port when None)? text = protocol and ports."""
    protocol = _protocol(rule.get("protocol"))
    if isinstance(protocol, Unknown):
        return Part(True if ports is None else None, "traffic", ("protocol",),
                    f"protocol: {protocol.reason}")
    if protocol in _ALL_PROTOCOLS:
        return Part(True, "all traffic")
    if protocol not in _PORT_PROTOCOLS:
        return Part(ports is None, protocol or "traffic")
    bounds: list[int] = []
    for name in ("from_port", "to_port"):
        bound = rule.get(name)
        if isinstance(bound, Unknown):
            return Part(None, path=(name,), why=f"{name}: {bound.reason}")
        if not isinstance(bound, int) or isinstance(bound, bool):
            return Part(None, path=(name,), why=f"{name} is not a port number")
        bounds.append(bound)
    low, high = bounds
    if low == -1 and high == -1:  # CloudFormation writes -1 for "all ports"
        low, high = 0, MAX_PORT
    if ports is None:
        return Part(True, f"{protocol} {low}" if low == high else f"{protocol} {low}-{high}")
    hits = [str(p) for p in ports if low <= p <= high]
    return Part(bool(hits), f"{protocol} {', '.join(hits)}")


def sg_rule_not_open_to_internet(value: Any, args: Mapping[str, Any],
                                 ctx: PredicateContext) -> Verdict:
    """An AWS security-group rule does not admit the internet (on `ports`, if given).

    `value` is one canonical rule `{protocol, from_port, to_port, cidr_blocks,
    ipv6_cidr_blocks, ...}`. Fails when a CIDR is open to the internet and the rule reaches
    one of `ports` (any port when `ports` is not given; protocol `-1`/`all` reaches every
    port; ICMP and other port-less protocols reach no port). Unknown CIDRs, protocol or ports
    that could decide it give unknown. Detail: `tcp 22 from 0.0.0.0/0`.
    """
    return _sg_rule_verdict(value, args, "from")


def sg_egress_not_open_to_internet(value: Any, args: Mapping[str, Any],
                                   ctx: PredicateContext) -> Verdict:
    """An AWS security-group egress rule does not let traffic out to the internet (on
    `ports`, if given).

    As `sg_rule_not_open_to_internet`, for one rule of `egress` (its `cidr_blocks` and
    `ipv6_cidr_blocks` are destinations). Detail: `all traffic to 0.0.0.0/0`.
    """
    return _sg_rule_verdict(value, args, "to")


def _sg_rule_verdict(value: Any, args: Mapping[str, Any], towards: str) -> Verdict:
    if value is None:
        return passed()
    if isinstance(value, Unknown):
        return unknown((), f"rule: {value.reason}")
    if not isinstance(value, Mapping):
        return unknown((), "not a security group rule")
    sources = _open_sources(value, ("cidr_blocks", "ipv6_cidr_blocks"))
    reach = _sg_ports(value, args.get("ports"))
    return combine((sources, reach), f"{reach.text} {towards} {sources.text}")


def _nsg_ports(rule: Mapping[str, Any], ports: list[int] | None) -> Part:
    protocol = rule.get("protocol")
    if isinstance(protocol, Unknown):
        return Part(True if ports is None else None, "traffic", ("protocol",),
                    f"protocol: {protocol.reason}")
    name = "*" if protocol is None else str(protocol)
    if name.lower() not in ("*", "tcp", "udp"):
        return Part(ports is None, name)
    ranges = as_list(rule.get("destination_port_ranges"))
    where = ("destination_port_ranges",)
    if isinstance(ranges, Unknown):
        return Part(None, path=where, why=f"destination_port_ranges: {ranges.reason}")
    hits: list[str] = []
    why = ""
    for spec in ranges:
        bounds = None if isinstance(spec, Unknown) else parse_port_range(spec)
        if bounds is None:
            why = why or (f"destination_port_ranges: {spec.reason}" if isinstance(spec, Unknown)
                          else f"cannot read port range {spec!r}")
        elif ports is None:
            hits.append(str(spec).strip())
        else:
            hits.extend(str(p) for p in ports
                        if bounds[0] <= p <= bounds[1] and str(p) not in hits)
    if hits:
        return Part(True, f"{name} {', '.join(hits)}")
    return Part(None, path=where, why=why) if why else Part(False)


def _equals(rule: Mapping[str, Any], key: str, expected: str) -> Part:
    value = rule.get(key)
    if isinstance(value, Unknown):
        return Part(None, path=(key,), why=f"{key}: {value.reason}")
    return Part(isinstance(value, str) and value.lower() == expected)


def nsg_rule_not_open_to_internet(value: Any, args: Mapping[str, Any],
                                  ctx: PredicateContext) -> Verdict:
    """An Azure NSG rule does not allow inbound traffic from the internet (on `ports`, if
    given).

    `value` is one canonical rule `{direction, access, protocol, source_address_prefixes,
    destination_port_ranges}`. Fails for an `Inbound` `Allow` rule (any case) whose sources
    include `*`, `Internet`, `Any` or a `/0` network and whose port ranges (`"22"`,
    `"20-30"`, `"*"`) include one of `ports` (any port when not given; protocols other than
    `Tcp`, `Udp` and `*` reach no port). Detail: `Tcp 22 from Internet`.
    """
    if value is None:
        return passed()
    if isinstance(value, Unknown):
        return unknown((), f"rule: {value.reason}")
    if not isinstance(value, Mapping):
        return unknown((), "not a network security rule")
    sources = _open_sources(value, ("source_address_prefixes",))
    reach = _nsg_ports(value, args.get("ports"))
    parts = (_equals(value, "direction", "inbound"), _equals(value, "access", "allow"),
             sources, reach)
    return combine(parts, f"{reach.text} from {sources.text}")


PREDICATES = (
    declare(sg_rule_not_open_to_internet, ports=ArgSpec("ports")),
    declare(sg_egress_not_open_to_internet, ports=ArgSpec("ports")),
    declare(nsg_rule_not_open_to_internet, ports=ArgSpec("ports")),
)
