"""Google Cloud firewall rules and single CIDRs."""

from __future__ import annotations

from typing import Any

import pytest

from govern.engine.predicates import PREDICATES, PredicateContext
from govern.engine.verdict import Verdict
from govern.model.graph import ResourceGraph
from govern.model.unknown import Unknown
from tests.engine.helpers import resource

U = Unknown("var.x is not known")
CTX = PredicateContext(resource({}), ResourceGraph())


def firewall(value: Any, ports: list[int] | None = None) -> Verdict:
    args = {} if ports is None else {"ports": ports}
    return PREDICATES["gcp_firewall_not_open_to_internet"](value, args, CTX)


def rule(*allow: Any, sources: Any = ("0.0.0.0/0",), direction: Any = "INGRESS",
         disabled: Any = False) -> dict[str, Any]:
    return {"direction": direction, "disabled": disabled,
            "source_ranges": list(sources) if isinstance(sources, tuple) else sources,
            "allow": list(allow), "deny": []}


def tcp(*ports: Any) -> dict[str, Any]:
    return {"protocol": "tcp", "ports": list(ports)}


@pytest.mark.parametrize(("value", "ports", "expected"), [
    (rule(tcp("22")), [22], Verdict("fail", ("allow", 0), "tcp 22 from 0.0.0.0/0")),
    (rule(tcp("443"), tcp("20-30")), [22],
     Verdict("fail", ("allow", 1), "tcp 22 from 0.0.0.0/0")),
    (rule(tcp()), [3389], Verdict("fail", ("allow", 0), "tcp all ports from 0.0.0.0/0")),
    (rule({"protocol": "all", "ports": []}), [22],
     Verdict("fail", ("allow", 0), "all traffic from 0.0.0.0/0")),
    (rule({"protocol": "6", "ports": ["22"]}), [22],
     Verdict("fail", ("allow", 0), "tcp 22 from 0.0.0.0/0")),
    (rule(tcp("443"), sources=("10.0.0.0/8", "::/0")), None,
     Verdict("fail", ("allow", 0), "tcp 443 from ::/0")),
    (rule({"protocol": "icmp", "ports": []}), None,
     Verdict("fail", ("allow", 0), "icmp from 0.0.0.0/0")),
    (rule(tcp("22"), direction="ingress"), [22],
     Verdict("fail", ("allow", 0), "tcp 22 from 0.0.0.0/0")),
    (rule({"protocol": "icmp", "ports": []}), [22], Verdict("pass")),
    (rule(tcp("443")), [22], Verdict("pass")),
    (rule(tcp("22"), sources=("35.235.240.0/20",)), [22], Verdict("pass")),
    (rule(tcp("22"), sources=("0.0.0.0/1",)), [22], Verdict("pass")),
    (rule(tcp("22"), sources=()), [22], Verdict("pass")),
    (rule(tcp("22"), direction="EGRESS"), [22], Verdict("pass")),
    (rule(tcp("22"), disabled=True), [22], Verdict("pass")),
    (rule(), None, Verdict("pass")),
    (None, [22], Verdict("pass")),
    # Unknowns that could decide it.
    (rule(tcp("22"), sources=U), [22],
     Verdict("unknown", ("source_ranges",), "source_ranges: var.x is not known")),
    (rule(tcp("22"), sources=["10.0.0.0/8", U]), [22],
     Verdict("unknown", ("source_ranges",), "source_ranges: var.x is not known")),
    (rule(tcp(U)), [22], Verdict("unknown", ("allow", 0, "ports"), "ports: var.x is not known")),
    (rule(tcp("22"), disabled=U), [22],
     Verdict("unknown", ("disabled",), "disabled: var.x is not known")),
    (rule(tcp("22"), direction=U), [22],
     Verdict("unknown", ("direction",), "direction: var.x is not known")),
    (rule(U), [22], Verdict("unknown", ("allow", 0), "allow: var.x is not known")),
    (rule({"protocol": U, "ports": []}), [22],
     Verdict("unknown", ("allow", 0, "protocol"), "protocol: var.x is not known")),
    (U, [22], Verdict("unknown", (), "firewall: var.x is not known")),
    # Unknowns that cannot change it.
    (rule(tcp("443"), sources=U), [22], Verdict("pass")),
    (rule(tcp("22"), sources=U, direction="EGRESS"), [22], Verdict("pass")),
    (rule({"protocol": U, "ports": []}), None,
     Verdict("fail", ("allow", 0), "traffic from 0.0.0.0/0")),
])
def test_gcp_firewall_not_open_to_internet(value: Any, ports: list[int] | None,
                                           expected: Verdict) -> None:
    assert firewall(value, ports) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("0.0.0.0/0", Verdict("fail", (), "0.0.0.0/0")),
    (" ::/0 ", Verdict("fail", (), "::/0")),
    ("203.0.113.0/24", Verdict("pass")),
    ("0.0.0.0/1", Verdict("pass")),
    ("not-a-cidr", Verdict("pass")),
    (None, Verdict("pass")),
    (U, Verdict("unknown", (), "CIDR: var.x is not known")),
])
def test_cidr_not_open_to_internet(value: Any, expected: Verdict) -> None:
    assert PREDICATES["cidr_not_open_to_internet"](value, {}, CTX) == expected


FRONT_ENDS = ["130.211.0.0/22", "35.191.0.0/16", "35.235.240.0/20"]


@pytest.mark.parametrize(("sources", "expected"), [
    # Internet addresses outside the trusted networks are open.
    (("0.0.0.0/0",), Verdict("fail", ("allow", 0), "tcp 443 from 0.0.0.0/0")),
    (("35.191.0.0/16", "52.20.0.0/16"),
     Verdict("fail", ("allow", 0), "tcp 443 from 52.20.0.0/16")),
    (("35.0.0.0/8",), Verdict("fail", ("allow", 0), "tcp 443 from 35.0.0.0/8")),
    (("2600:1900::/28",), Verdict("fail", ("allow", 0), "tcp 443 from 2600:1900::/28")),
    # Inside a trusted network, or no internet address at all, is not.
    (("130.211.0.0/22", "35.191.0.0/16"), Verdict("pass")),
    (("35.191.16.0/20",), Verdict("pass")),
    (("10.0.0.0/8", "192.168.0.0/16", "100.64.0.0/10"), Verdict("pass")),
    ((), Verdict("pass")),
    ((U,), Verdict("unknown", ("source_ranges",), "source_ranges: var.x is not known")),
])
def test_only_from_trusts_those_networks(sources: Any, expected: Verdict) -> None:
    args = {"ports": [80, 443], "only_from": FRONT_ENDS}
    verdict = PREDICATES["gcp_firewall_not_open_to_internet"](
        rule(tcp("443"), sources=sources), args, CTX)
    assert verdict == expected


def test_an_unreadable_trusted_network_trusts_nothing() -> None:
    args = {"ports": [443], "only_from": ["not-a-cidr", "35.191.0.0/16"]}
    verdict = PREDICATES["gcp_firewall_not_open_to_internet"](
        rule(tcp("443"), sources=("130.211.0.0/22",)), args, CTX)
    assert verdict == Verdict("fail", ("allow", 0), "tcp 443 from 130.211.0.0/22")
