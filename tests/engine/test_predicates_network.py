"""CIDRs, port ranges, security-group and NSG rules."""

from __future__ import annotations

from typing import Any

import pytest

from govern.engine.predicates import PREDICATES, PredicateContext
from govern.engine.predicates.network import (
    cidr_is_open_to_internet,
    cidr_is_public,
    parse_port_range,
    port_range_includes,
)
from govern.engine.verdict import Verdict
from govern.model.graph import ResourceGraph
from govern.model.unknown import Unknown
from tests.engine.helpers import resource

U = Unknown("var.cidr is not known")
CTX = PredicateContext(resource({}), ResourceGraph())


@pytest.mark.parametrize(("cidr", "is_open", "public"), [
    ("0.0.0.0/0", True, True),
    ("::/0", True, True),
    (" 0.0.0.0/0 ", True, True),
    ("*", True, True),
    ("Internet", True, True),
    ("any", True, True),
    ("0.0.0.0/1", False, True),
    ("8.8.8.0/24", False, True),
    ("52.94.76.10/32", False, True),
    ("2600:1f18::/32", False, True),
    ("10.0.0.0/8", False, False),
    ("10.1.2.0/24", False, False),
    ("172.16.0.0/12", False, False),
    ("192.168.1.0/24", False, False),
    ("100.64.0.0/10", False, False),
    ("127.0.0.1/32", False, False),
    ("169.254.169.254/32", False, False),
    ("fd00::/8", False, False),
    ("fe80::/64", False, False),
    ("172.15.0.0/16", False, True),
    ("VirtualNetwork", False, False),
    ("not-a-cidr", False, False),
])
def test_cidr_helpers(cidr: str, is_open: bool, public: bool) -> None:
    assert cidr_is_open_to_internet(cidr) is is_open
    assert cidr_is_public(cidr) is public


@pytest.mark.parametrize(("spec", "bounds"), [
    ("22", (22, 22)), (22, (22, 22)), ("20-30", (20, 30)), (" 1000 - 2000 ", (1000, 2000)),
    ("*", (0, 65535)), ("30-20", None), ("70000", None), ("ssh", None), (True, None),
    (None, None), ("-5", None),
])
def test_parse_port_range(spec: Any, bounds: tuple[int, int] | None) -> None:
    assert parse_port_range(spec) == bounds


def test_port_range_includes() -> None:
    assert port_range_includes("20-30", 22) is True
    assert port_range_includes("20-30", 31) is False
    assert port_range_includes("*", 3389) is True
    assert port_range_includes(22, 22) is True
    with pytest.raises(ValueError, match="not a port range: 'ssh'"):
        port_range_includes("ssh", 22)


def sg(value: Any, ports: list[int] | None = None) -> Verdict:
    args = {} if ports is None else {"ports": ports}
    return PREDICATES["sg_rule_not_open_to_internet"](value, args, CTX)


def sg_rule(protocol: Any = "tcp", from_port: Any = 22, to_port: Any = 22,
            cidrs: Any = ("0.0.0.0/0",), ipv6: Any = ()) -> dict[str, Any]:
    return {"protocol": protocol, "from_port": from_port, "to_port": to_port,
            "cidr_blocks": list(cidrs) if isinstance(cidrs, tuple) else cidrs,
            "ipv6_cidr_blocks": list(ipv6) if isinstance(ipv6, tuple) else ipv6}


@pytest.mark.parametrize(("rule", "ports", "expected"), [
    (sg_rule(), [22], Verdict("fail", ("cidr_blocks",), "tcp 22 from 0.0.0.0/0")),
    (sg_rule(), None, Verdict("fail", ("cidr_blocks",), "tcp 22 from 0.0.0.0/0")),
    (sg_rule(from_port=0, to_port=1024), [22, 3389],
     Verdict("fail", ("cidr_blocks",), "tcp 22 from 0.0.0.0/0")),
    (sg_rule(from_port=0, to_port=65535), None,
     Verdict("fail", ("cidr_blocks",), "tcp 0-65535 from 0.0.0.0/0")),
    (sg_rule(from_port=3000, to_port=4000), [22, 3389],
     Verdict("fail", ("cidr_blocks",), "tcp 3389 from 0.0.0.0/0")),
    (sg_rule(protocol="-1", from_port=0, to_port=0), [22],
     Verdict("fail", ("cidr_blocks",), "all traffic from 0.0.0.0/0")),
    (sg_rule(protocol="all", from_port=0, to_port=0), [22],
     Verdict("fail", ("cidr_blocks",), "all traffic from 0.0.0.0/0")),
    (sg_rule(protocol=-1, from_port=-1, to_port=-1), [3389],
     Verdict("fail", ("cidr_blocks",), "all traffic from 0.0.0.0/0")),
    (sg_rule(protocol="6", from_port=-1, to_port=-1), [22],
     Verdict("fail", ("cidr_blocks",), "tcp 22 from 0.0.0.0/0")),
    (sg_rule(cidrs=("10.0.0.0/8",), ipv6=("::/0",)), [22],
     Verdict("fail", ("ipv6_cidr_blocks",), "tcp 22 from ::/0")),
    (sg_rule(cidrs=("0.0.0.0/0",), ipv6=("::/0",)), [22],
     Verdict("fail", ("cidr_blocks",), "tcp 22 from 0.0.0.0/0, ::/0")),
    (sg_rule(protocol="udp", from_port=53, to_port=53), None,
     Verdict("fail", ("cidr_blocks",), "udp 53 from 0.0.0.0/0")),
    (sg_rule(protocol="icmp", from_port=-1, to_port=-1), None,
     Verdict("fail", ("cidr_blocks",), "icmp from 0.0.0.0/0")),
    (sg_rule(protocol="icmp", from_port=-1, to_port=-1), [22], Verdict("pass")),
    (sg_rule(from_port=443, to_port=443), [22], Verdict("pass")),
    (sg_rule(cidrs=("10.0.0.0/8", "192.168.0.0/16")), [22], Verdict("pass")),
    (sg_rule(cidrs=("0.0.0.0/1",)), [22], Verdict("pass")),
    (sg_rule(cidrs=()), None, Verdict("pass")),
    (None, [22], Verdict("pass")),
    # Unknowns that could decide it.
    (sg_rule(cidrs=U), [22], Verdict("unknown", ("cidr_blocks",),
                                     "cidr_blocks: var.cidr is not known")),
    (sg_rule(cidrs=["10.0.0.0/8", U]), [22],
     Verdict("unknown", ("cidr_blocks",), "cidr_blocks: var.cidr is not known")),
    (sg_rule(from_port=Unknown("var.port"), to_port=Unknown("var.port")), [22],
     Verdict("unknown", ("from_port",), "from_port: var.port")),
    (sg_rule(protocol=Unknown("var.proto")), [22],
     Verdict("unknown", ("protocol",), "protocol: var.proto")),
    (sg_rule(protocol=Unknown("var.proto")), None,
     Verdict("fail", ("cidr_blocks",), "traffic from 0.0.0.0/0")),
    (Unknown("dynamic block"), [22], Verdict("unknown", (), "rule: dynamic block")),
    ("sg-123", [22], Verdict("unknown", (), "not a security group rule")),
    # Unknowns that cannot change the outcome.
    (sg_rule(cidrs=["0.0.0.0/0", U]), [22],
     Verdict("fail", ("cidr_blocks",), "tcp 22 from 0.0.0.0/0")),
    (sg_rule(cidrs=U, from_port=443, to_port=443), [22], Verdict("pass")),
    (sg_rule(cidrs=("10.0.0.0/8",), from_port=Unknown("var.port")), [22], Verdict("pass")),
])
def test_sg_rule_not_open_to_internet(rule: Any, ports: list[int] | None,
                                      expected: Verdict) -> None:
    assert sg(rule, ports) == expected


@pytest.mark.parametrize(("rule", "expected"), [
    (sg_rule(protocol="-1", from_port=0, to_port=65535),
     Verdict("fail", ("cidr_blocks",), "all traffic to 0.0.0.0/0")),
    (sg_rule(cidrs=(), ipv6=("::/0",), from_port=0, to_port=65535),
     Verdict("fail", ("ipv6_cidr_blocks",), "tcp 0-65535 to ::/0")),
    (sg_rule(cidrs=("10.0.0.0/8",), protocol="-1"), Verdict("pass")),
    (sg_rule(cidrs=U, protocol="-1"),
     Verdict("unknown", ("cidr_blocks",), "cidr_blocks: var.cidr is not known")),
    (None, Verdict("pass")),
])
def test_sg_egress_not_open_to_internet(rule: Any, expected: Verdict) -> None:
    """The same test as for ingress, on the destinations; the detail says "to"."""
    assert PREDICATES["sg_egress_not_open_to_internet"](rule, {}, CTX) == expected


def nsg(value: Any, ports: list[int] | None = None) -> Verdict:
    args = {} if ports is None else {"ports": ports}
    return PREDICATES["nsg_rule_not_open_to_internet"](value, args, CTX)


def nsg_rule(direction: Any = "Inbound", access: Any = "Allow", protocol: Any = "Tcp",
             sources: Any = ("*",), ranges: Any = ("22",)) -> dict[str, Any]:
    return {"name": "ssh", "direction": direction, "access": access, "protocol": protocol,
            "priority": 100,
            "source_address_prefixes": list(sources) if isinstance(sources, tuple) else sources,
            "destination_port_ranges": list(ranges) if isinstance(ranges, tuple) else ranges}


@pytest.mark.parametrize(("rule", "ports", "expected"), [
    (nsg_rule(), [22], Verdict("fail", ("source_address_prefixes",), "Tcp 22 from *")),
    (nsg_rule(sources=("Internet",)), [22, 3389],
     Verdict("fail", ("source_address_prefixes",), "Tcp 22 from Internet")),
    (nsg_rule(sources=("0.0.0.0/0",), ranges=("3380-3390",)), [22, 3389],
     Verdict("fail", ("source_address_prefixes",), "Tcp 3389 from 0.0.0.0/0")),
    (nsg_rule(protocol="*", ranges=("*",)), [3389],
     Verdict("fail", ("source_address_prefixes",), "* 3389 from *")),
    (nsg_rule(ranges=("80", "443")), None,
     Verdict("fail", ("source_address_prefixes",), "Tcp 80, 443 from *")),
    (nsg_rule(direction="inbound", access="allow", sources=("Any",)), [22],
     Verdict("fail", ("source_address_prefixes",), "Tcp 22 from Any")),
    (nsg_rule(direction="Outbound"), [22], Verdict("pass")),
    (nsg_rule(access="Deny"), [22], Verdict("pass")),
    (nsg_rule(sources=("10.0.0.0/16", "VirtualNetwork")), [22], Verdict("pass")),
    (nsg_rule(ranges=("80", "443")), [22], Verdict("pass")),
    (nsg_rule(protocol="Icmp"), [22], Verdict("pass")),
    (nsg_rule(ranges=()), None, Verdict("pass")),
    (nsg_rule(sources=U), [22], Verdict("unknown", ("source_address_prefixes",),
                                        "source_address_prefixes: var.cidr is not known")),
    (nsg_rule(ranges=[Unknown("var.port")]), [22],
     Verdict("unknown", ("destination_port_ranges",), "destination_port_ranges: var.port")),
    (nsg_rule(ranges=("ssh",)), [22],
     Verdict("unknown", ("destination_port_ranges",), "cannot read port range 'ssh'")),
    (nsg_rule(direction=Unknown("param dir")), [22],
     Verdict("unknown", ("direction",), "direction: param dir")),
    (nsg_rule(direction=Unknown("param dir"), access="Deny"), [22], Verdict("pass")),
    (Unknown("copy loop"), [22], Verdict("unknown", (), "rule: copy loop")),
])
def test_nsg_rule_not_open_to_internet(rule: Any, ports: list[int] | None,
                                       expected: Verdict) -> None:
    assert nsg(rule, ports) == expected
