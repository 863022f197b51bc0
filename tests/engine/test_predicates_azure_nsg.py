"""NSG rules that open every port to the internet."""

from __future__ import annotations

from typing import Any

import pytest

from govern.engine.predicates import PREDICATES, PredicateContext
from govern.engine.predicates.azure_nsg import covers_every_port
from govern.engine.verdict import Verdict
from govern.model.graph import ResourceGraph
from govern.model.unknown import Unknown
from tests.engine.helpers import resource

CTX = PredicateContext(resource({}), ResourceGraph())


def every_port(value: Any) -> Verdict:
    return PREDICATES["nsg_rule_not_open_on_every_port"](value, {}, CTX)


def rule(direction: Any = "Inbound", access: Any = "Allow", protocol: Any = "*",
         sources: Any = ("Internet",), ranges: Any = ("*",)) -> dict[str, Any]:
    return {"name": "all", "direction": direction, "access": access, "protocol": protocol,
            "priority": 100,
            "source_address_prefixes": list(sources) if isinstance(sources, tuple) else sources,
            "destination_port_ranges": list(ranges) if isinstance(ranges, tuple) else ranges}


@pytest.mark.parametrize(("bounds", "expected"), [
    ([(0, 65535)], True),
    ([(1, 65535)], True),
    ([(1000, 65535), (1, 999)], True),
    ([(1, 1000), (500, 65535)], True),
    ([(2, 65535)], False),
    ([(1, 1000), (1002, 65535)], False),
    ([(1, 65534)], False),
    ([], False),
])
def test_covers_every_port(bounds: list[tuple[int, int]], expected: bool) -> None:
    assert covers_every_port(bounds) is expected


@pytest.mark.parametrize(("value", "expected"), [
    (rule(), Verdict("fail", ("source_address_prefixes",), "* * from Internet")),
    (rule(protocol="Tcp", sources=("0.0.0.0/0",), ranges=("0-65535",)),
     Verdict("fail", ("source_address_prefixes",), "Tcp 0-65535 from 0.0.0.0/0")),
    (rule(protocol="Udp", direction="inbound", access="allow", sources=("10.0.0.0/8", "Any"),
          ranges=("1-1023", "1024-65535")),
     Verdict("fail", ("source_address_prefixes",), "Udp 1-1023, 1024-65535 from Any")),
    (rule(ranges=("*", Unknown("var.port"))),
     Verdict("fail", ("source_address_prefixes",), "* * from Internet")),
    (rule(ranges=("1-65534",)), Verdict("pass")),
    (rule(ranges=("22", "443")), Verdict("pass")),
    (rule(ranges=()), Verdict("pass")),
    (rule(protocol="Icmp"), Verdict("pass")),
    (rule(direction="Outbound"), Verdict("pass")),
    (rule(access="Deny"), Verdict("pass")),
    (rule(sources=("10.0.0.0/8", "VirtualNetwork")), Verdict("pass")),
    (rule(ranges=("1-1000", Unknown("var.port"))),
     Verdict("unknown", ("destination_port_ranges",), "destination_port_ranges: var.port")),
    (rule(ranges=("all",)),
     Verdict("unknown", ("destination_port_ranges",), "cannot read port range 'all'")),
    (rule(ranges=Unknown("var.ports")),
     Verdict("unknown", ("destination_port_ranges",), "destination_port_ranges: var.ports")),
    (rule(protocol=Unknown("param proto")),
     Verdict("unknown", ("protocol",), "protocol: param proto")),
    (rule(sources=[Unknown("var.cidr")]),
     Verdict("unknown", ("source_address_prefixes",), "source_address_prefixes: var.cidr")),
    (rule(sources=[Unknown("var.cidr")], ranges=("443",)), Verdict("pass")),
    (None, Verdict("pass")),
    (Unknown("copy loop"), Verdict("unknown", (), "rule: copy loop")),
    ("rule", Verdict("unknown", (), "not a network security rule")),
])
def test_nsg_rule_not_open_on_every_port(value: Any, expected: Verdict) -> None:
    assert every_port(value) == expected
