"""`gcp_firewall_not_open_to_internet` on Cloud NGFW firewall policy rules."""

from __future__ import annotations

from typing import Any

import pytest

from govern.engine.predicates import PREDICATES, PredicateContext
from govern.engine.verdict import Verdict
from govern.model.graph import ResourceGraph
from govern.model.unknown import Unknown
from tests.engine.helpers import resource

U = Unknown("var.x is not known")
CTX = PredicateContext(resource({}, "google_compute_network_firewall_policy_rule.r",
                                "gcp.compute.firewall_policy_rule"), ResourceGraph())


def check(value: Any, ports: list[int] | None = None) -> Verdict:
    args = {} if ports is None else {"ports": ports}
    return PREDICATES["gcp_firewall_not_open_to_internet"](value, args, CTX)


def rule(*configs: Any, action: Any = "allow", sources: Any = ("0.0.0.0/0",),
         groups: Any = None, direction: Any = "INGRESS",
         disabled: Any = False) -> dict[str, Any]:
    value = {"action": action, "direction": direction, "disabled": disabled,
             "layer4_configs": list(configs)}
    if sources is not None:
        value["source_ranges"] = list(sources) if isinstance(sources, tuple) else sources
    if groups is not None:
        value["source_address_groups"] = groups
    return value


def tcp(*ports: Any) -> dict[str, Any]:
    return {"protocol": "tcp", "ports": list(ports)}


@pytest.mark.parametrize(("value", "ports", "expected"), [
    (rule(tcp("22")), [22], Verdict("fail", ("layer4_configs", 0), "tcp 22 from 0.0.0.0/0")),
    (rule(tcp("443"), tcp("20-30"), sources=("::/0",)), [22],
     Verdict("fail", ("layer4_configs", 1), "tcp 22 from ::/0")),
    (rule(tcp()), [3389],
     Verdict("fail", ("layer4_configs", 0), "tcp all ports from 0.0.0.0/0")),
    (rule({"protocol": "all", "ports": []}), None,
     Verdict("fail", ("layer4_configs", 0), "all traffic from 0.0.0.0/0")),
    (rule(tcp("22"), action="apply_security_profile_group"), [22],
     Verdict("fail", ("layer4_configs", 0), "tcp 22 from 0.0.0.0/0")),
    (rule(tcp("22"), action="ALLOW"), [22],
     Verdict("fail", ("layer4_configs", 0), "tcp 22 from 0.0.0.0/0")),
    # Actions that let nothing in, and rules that match nothing from the internet.
    (rule(tcp("22"), action="deny"), [22], Verdict("pass")),
    (rule(tcp("22"), action="goto_next"), [22], Verdict("pass")),
    (rule(tcp("22"), direction="EGRESS"), [22], Verdict("pass")),
    (rule(tcp("22"), disabled=True), [22], Verdict("pass")),
    (rule(tcp("22"), sources=("35.235.240.0/20",)), [22], Verdict("pass")),
    (rule(tcp("443")), [22], Verdict("pass")),
    # No source written: no default source for a policy rule.
    (rule(tcp("22"), sources=None), [22], Verdict("pass")),
    # Address groups: not read.
    (rule(tcp("22"), sources=None, groups=["partners"]), [22],
     Verdict("unknown", ("source_address_groups",),
             "source_address_groups: the addresses of the groups are not read")),
    (rule(tcp("22"), groups=["partners"]), [22],
     Verdict("fail", ("layer4_configs", 0), "tcp 22 from 0.0.0.0/0")),
    (rule(tcp("443"), sources=None, groups=["partners"]), [22], Verdict("pass")),
    # Unknowns.
    (rule(tcp("22"), action=U), [22],
     Verdict("unknown", ("action",), "action: var.x is not known")),
    (rule(tcp("22"), sources=U), [22],
     Verdict("unknown", ("source_ranges",), "source_ranges: var.x is not known")),
    (rule(tcp(U)), [22],
     Verdict("unknown", ("layer4_configs", 0, "ports"), "ports: var.x is not known")),
    (rule(tcp("22"), action=U, direction="EGRESS"), [22], Verdict("pass")),
])
def test_firewall_policy_rules(value: Any, ports: list[int] | None,
                               expected: Verdict) -> None:
    assert check(value, ports) == expected


def test_a_vpc_firewall_rule_is_read_from_its_allow_blocks() -> None:
    ctx = PredicateContext(resource({}, "google_compute_firewall.f", "gcp.compute.firewall"),
                           ResourceGraph())
    value = {"direction": "INGRESS", "disabled": False, "source_ranges": ["0.0.0.0/0"],
             "allow": [tcp("22")], "layer4_configs": [tcp("22")], "action": "deny"}
    assert PREDICATES["gcp_firewall_not_open_to_internet"](value, {"ports": [22]}, ctx) == \
        Verdict("fail", ("allow", 0), "tcp 22 from 0.0.0.0/0")
