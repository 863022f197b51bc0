"""Azure NSG rules that open every port to the internet.

`nsg_rule_not_open_to_internet` (in `network`) asks whether a rule reaches some port; this
module asks whether it reaches all of them: its destination port ranges, together, cover
every port from 1 to 65535 (port 0 is reserved and carries no service).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from govern.engine.predicates.base import Part, PredicateContext, as_list, combine
from govern.engine.predicates.base import predicate as declare
from govern.engine.predicates.network import (
    MAX_PORT,
    _equals,
    _open_sources,
    parse_port_range,
)
from govern.engine.verdict import Verdict, passed, unknown
from govern.model.unknown import Unknown

_PORT_PROTOCOLS = ("*", "tcp", "udp")


def covers_every_port(bounds: list[tuple[int, int]]) -> bool:
    """Whether the ranges together cover ports 1 to 65535."""
    reached = 0  # every port up to `reached` is covered
    for low, high in sorted(bounds):
        if low > reached + 1:
            return False
        reached = max(reached, high)
    return reached >= MAX_PORT


def _every_port(rule: Mapping[str, Any]) -> Part:
    protocol = rule.get("protocol")
    if isinstance(protocol, Unknown):
        return Part(None, path=("protocol",), why=f"protocol: {protocol.reason}")
    name = "*" if protocol is None else str(protocol)
    if name.lower() not in _PORT_PROTOCOLS:
        return Part(False)
    where = ("destination_port_ranges",)
    ranges = as_list(rule.get("destination_port_ranges"))
    if isinstance(ranges, Unknown):
        return Part(None, path=where, why=f"destination_port_ranges: {ranges.reason}")
    bounds: list[tuple[int, int]] = []
    why = ""
    for spec in ranges:
        parsed = None if isinstance(spec, Unknown) else parse_port_range(spec)
        if parsed is None:
            why = why or (f"destination_port_ranges: {spec.reason}"
                          if isinstance(spec, Unknown) else f"cannot read port range {spec!r}")
        else:
            bounds.append(parsed)
    if covers_every_port(bounds):
        text = ", ".join(str(s).strip() for s in ranges if not isinstance(s, Unknown))
        return Part(True, f"{name} {text}")
    return Part(None, path=where, why=why) if why else Part(False)


def nsg_rule_not_open_on_every_port(value: Any, args: Mapping[str, Any],
                                    ctx: PredicateContext) -> Verdict:
    """An Azure NSG rule does not allow inbound traffic from the internet on every port.

    `value` is one canonical rule, as for `nsg_rule_not_open_to_internet`. Fails for an
    `Inbound` `Allow` rule (any case) whose sources include `*`, `Internet`, `Any` or a `/0`
    network, whose protocol is `Tcp`, `Udp` or `*`, and whose destination port ranges
    together cover every port from 1 to 65535 (`"*"`, `"0-65535"`, `"1-65535"`, or several
    ranges end to end). Detail: `* * from Internet`.
    """
    if value is None:
        return passed()
    if isinstance(value, Unknown):
        return unknown((), f"rule: {value.reason}")
    if not isinstance(value, Mapping):
        return unknown((), "not a network security rule")
    sources = _open_sources(value, ("source_address_prefixes",))
    reach = _every_port(value)
    parts = (_equals(value, "direction", "inbound"), _equals(value, "access", "allow"),
             sources, reach)
    return combine(parts, f"{reach.text} from {sources.text}")


PREDICATES = (declare(nsg_rule_not_open_on_every_port),)
