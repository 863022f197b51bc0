"""AWS network ACLs: does an ACL's ingress admit the internet, in AWS's evaluation order?

AWS evaluates a network ACL's entries by rule number, lowest first; the first entry that
matches the traffic decides, allow or deny (https://docs.aws.amazon.com/vpc/latest/
userguide/nacl-rules.html). An allow entry for a `/0` source is therefore open only where
the lower-numbered deny entries do not already match all of its traffic: `deny tcp 22 from
0.0.0.0/0` as entry 90 closes SSH that `allow tcp 22 from 0.0.0.0/0` as entry 100 opens;
as entry 110 it closes nothing.

The judgement is three-valued: an entry whose rule number, action, protocol, ports or
range is not known could be an open allow, or a deny that comes first. The ACL fails only
when an allow entry is open whatever the unknown entries are, passes only when every
entry that could be an open allow is closed by deny entries that are known to come
first, and is unknown otherwise.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from govern.engine.predicates.base import ArgSpec, PredicateContext, Tri, all3
from govern.engine.predicates.base import predicate as declare
from govern.engine.verdict import Verdict, failed, passed, unknown
from govern.model.unknown import Unknown

MAX_PORT = 65535
_WHOLE = {4: ipaddress.ip_network("0.0.0.0/0"), 6: ipaddress.ip_network("::/0")}
_KEYS = {4: "cidr_block", 6: "ipv6_cidr_block"}
_NAMES = {"-1": "-1", "all": "-1", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6"}
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class Traffic:
    """What an allow entry lets in: `protocol` `tcp`/`udp` on ports `low`-`high`, or `-1`
    (every protocol, every port), from addresses of IP version `family`."""

    protocol: str
    low: int
    high: int
    family: int


@dataclass(frozen=True)
class Entry:
    """One ACL entry as far as it is known: None for what is not (`wild`: the whole entry
    is not known). `network` is False when the entry is not of the family asked about."""

    index: int
    number: int | None
    action: str | None
    protocol: str | None
    ports: tuple[int, int] | None
    network: Network | bool | None
    why: str = ""
    where: tuple[str, ...] = ()


def _read(index: int, item: Any, family: int) -> Entry:
    if not isinstance(item, Mapping):
        why = item.reason if isinstance(item, Unknown) else "the entry is not a block"
        return Entry(index, None, None, None, None, None, f"entry: {why}")
    unknowns: list[tuple[str, str]] = []

    def known(key: str) -> Any:
        value = item.get(key)
        if isinstance(value, Unknown):
            unknowns.append((key, f"{key}: {value.reason}"))
            return None
        return value

    number = known("rule_number")
    if not isinstance(number, int) or isinstance(number, bool):
        if "rule_number" not in item or not isinstance(item["rule_number"], Unknown):
            unknowns.append(("rule_number", "the entry has no rule number"))
        number = None
    action = known("action")
    action = action.strip().lower() if isinstance(action, str) else None
    protocol = known("protocol")
    protocol = (None if protocol is None or isinstance(protocol, bool)
                else _NAMES.get(str(protocol).strip().lower(), str(protocol).strip().lower()))
    ports: tuple[int, int] | None = (0, MAX_PORT) if protocol == "-1" else None
    if protocol in ("tcp", "udp"):
        low, high = known("from_port"), known("to_port")
        if isinstance(low, int) and isinstance(high, int) and not isinstance(
                low, bool) and not isinstance(high, bool):
            ports = (low, high)
        elif not any(key in ("from_port", "to_port") for key, _ in unknowns):
            unknowns.append(("from_port", "the entry's ports are not written"))
    network = _network(item, family, unknowns)
    why, where = (unknowns[0][1], (unknowns[0][0],)) if unknowns else ("", ())
    return Entry(index, number, action, protocol, ports, network, why, where)


def _network(item: Mapping[str, Any], family: int,
             unknowns: list[tuple[str, str]]) -> Network | bool | None:
    """The entry's range of `family`; False when it has none of that family; None when
    its range is not known."""
    found: Network | bool | None = False
    for version, key in _KEYS.items():
        value = item.get(key)
        if isinstance(value, Unknown):
            unknowns.append((key, f"{key}: {value.reason}"))
            found = None if found is False else found
        elif isinstance(value, str) and version == family:
            try:
                network = ipaddress.ip_network(value.strip(), strict=False)
            except ValueError:
                continue
            if network.version == family:
                found = network
    return found


def _allows(entry: Entry, ports: list[int] | None, family: int) -> Iterator[
        tuple[Tri, Traffic]]:
    """Whether the entry allows traffic from every address of `family` (a `/0` range):
    on each of `ports` over TCP, or, without ports, on every port of its protocol."""
    open_: Tri = (None if entry.network is None
                  else not isinstance(entry.network, bool) and entry.network.prefixlen == 0)
    allow: Tri = None if entry.action is None else entry.action == "allow"
    if ports is None:
        if entry.protocol is None:
            reach: Tri = None
            traffic = Traffic("-1", 0, MAX_PORT, family)
        elif entry.protocol == "-1":
            reach, traffic = True, Traffic("-1", 0, MAX_PORT, family)
        elif entry.protocol in ("tcp", "udp"):
            reach = None if entry.ports is None else entry.ports == (0, MAX_PORT)
            traffic = Traffic(entry.protocol, 0, MAX_PORT, family)
        else:
            reach, traffic = False, Traffic(entry.protocol, 0, MAX_PORT, family)
        yield all3((allow, open_, reach)), traffic
        return
    for port in ports:
        if entry.protocol is None or (entry.protocol == "tcp" and entry.ports is None):
            reach = None
        else:
            reach = entry.protocol == "-1" or (entry.protocol == "tcp" and entry.ports is not None
                                               and entry.ports[0] <= port <= entry.ports[1])
        yield all3((allow, open_, reach)), Traffic("tcp", port, port, family)


def _earlier(other: Entry, entry: Entry, surely: bool) -> bool:
    """Does `other` come before `entry` (surely, or possibly)? Numbers are 1-32766 and
    unique in a direction: nothing comes before entry 1."""
    if other.index == entry.index:
        return False
    if other.number is not None and entry.number is not None:
        return other.number < entry.number
    if surely:
        return False
    return entry.number is None or entry.number > 1


def _covers(entry: Entry, traffic: Traffic, surely: bool) -> tuple[Network, int, int] | None:
    """The part of `traffic` a deny entry matches, as (range, first port, last port):
    surely (everything known), or possibly (what is not known matches everything)."""
    if isinstance(entry.network, bool) or entry.action not in (None, "deny"):
        return None  # not of this IP version, or an allow
    if entry.protocol not in (None, "-1") and entry.protocol != traffic.protocol:
        return None  # of another protocol, or of one protocol where all traffic is asked
    if entry.action is None or entry.protocol is None or entry.network is None or (
            entry.ports is None):
        if surely:
            return None
        network = _WHOLE[traffic.family] if entry.network is None else entry.network
        low, high = entry.ports or (0, MAX_PORT)
        return network, low, high
    return entry.network, entry.ports[0], entry.ports[1]


def _closed(denies: list[tuple[Network, int, int]], traffic: Traffic) -> bool:
    """Do the deny entries match all of `traffic`: on each of its ports, ranges that
    together cover every address?"""
    starts = {traffic.low, *(low for _, low, _ in denies if traffic.low < low <= traffic.high),
              *(high + 1 for _, _, high in denies if traffic.low <= high < traffic.high)}
    for start in starts:
        networks = [n for n, low, high in denies if low <= start <= high]
        whole = _WHOLE[traffic.family]
        if whole not in list(ipaddress.collapse_addresses(networks)):  # type: ignore[type-var]
            return False
    return True


def _shadowed(entries: list[Entry], entry: Entry, traffic: Traffic, surely: bool) -> bool:
    denies = [c for other in entries if _earlier(other, entry, surely)
              and (c := _covers(other, traffic, surely)) is not None]
    return _closed(denies, traffic)


def _describe(entry: Entry, traffic: Traffic) -> str:
    what = ("all traffic" if traffic.protocol == "-1" else
            f"{traffic.protocol} {traffic.low}" if traffic.low == traffic.high else
            f"{traffic.protocol} {traffic.low}-{traffic.high}")
    return f"entry {entry.number} allows {what} from {entry.network}"


def nacl_ingress_not_open_to_internet(value: Any, args: Mapping[str, Any],
                                      ctx: PredicateContext) -> Verdict:
    """A network ACL's ingress entries, evaluated in rule-number order, do not let the
    internet in on `ports` (over TCP), or, without `ports`, on every port.

    `value` is the list of canonical entries `{rule_number, action, protocol, from_port,
    to_port, cidr_block, ipv6_cidr_block}`. An `allow` entry whose range is `0.0.0.0/0` or
    `::/0` (any `/0`) is open when it reaches the traffic (protocol `-1`, or `tcp` with a
    port range that includes the port; without `ports`: protocol `-1`, or `tcp`/`udp` for
    ports 0-65535) and the `deny` entries with lower numbers do not match all of it (on
    each port, their ranges of the same IP version together cover every address); deny
    entries for some ports only leave the rest of an every-port entry open. Entries not
    known are judged both ways (see the module). Detail: `entry 100 allows tcp 22 from
    0.0.0.0/0`; the path is the open entry.
    """
    if value is None:
        return passed()
    if isinstance(value, Unknown):
        return unknown((), f"entries: {value.reason}")
    if not isinstance(value, list):
        return unknown((), "the entries are not a list")
    ports = args.get("ports")
    doubt: Verdict | None = None
    for family in (4, 6):
        entries = [_read(index, item, family) for index, item in enumerate(value)]
        for entry in entries:
            for state, traffic in _allows(entry, ports, family):
                if state is False or _shadowed(entries, entry, traffic, surely=True):
                    continue
                if state is True and entry.number is not None and not _shadowed(
                        entries, entry, traffic, surely=False):
                    return failed((entry.index,), _describe(entry, traffic))
                doubt = doubt or _doubt(entries, entry, traffic)
    return doubt or passed()


def _doubt(entries: list[Entry], entry: Entry, traffic: Traffic) -> Verdict:
    """Why an entry that may be open is not known to be: its own unknown part, or an entry
    that may deny its traffic first."""
    if entry.why:
        return unknown((entry.index, *entry.where), entry.why)
    for other in entries:
        if other.why and _earlier(other, entry, surely=False) and _covers(
                other, traffic, surely=False) is not None:
            return unknown((entry.index,), f"entry {entry.number} may be denied first by "
                           f"another entry ({other.why})")
    return unknown((entry.index,), f"entry {entry.number} may be denied first")


PREDICATES = (declare(nacl_ingress_not_open_to_internet, ports=ArgSpec("ports")),)
