"""Network ACL ingress in rule-number order (`nacl_ingress_not_open_to_internet`): the
first entry that matches the traffic decides, and what is not known is judged both ways."""

from __future__ import annotations

from typing import Any

import pytest

from govern.engine.predicates import PREDICATES, PredicateContext
from govern.engine.verdict import Verdict
from govern.model.graph import ResourceGraph
from govern.model.unknown import Undeclared, Unknown
from tests.engine.helpers import resource

CTX = PredicateContext(resource({}), ResourceGraph())
SSH: dict[str, Any] = {"ports": [22]}
RDP: dict[str, Any] = {"ports": [3389]}
EVERY: dict[str, Any] = {}


def entry(number: Any, action: Any, protocol: Any, ports: tuple[Any, Any] | None = None,
          cidr: Any = "0.0.0.0/0") -> dict[str, Any]:
    found: dict[str, Any] = {"rule_number": number, "action": action, "protocol": protocol}
    if protocol == "-1":
        ports = (0, 65535)
    if ports is not None:
        found["from_port"], found["to_port"] = ports
    key = "ipv6_cidr_block" if isinstance(cidr, str) and ":" in cidr else "cidr_block"
    found[key] = cidr
    return found


def judge(entries: Any, args: dict[str, Any]) -> Verdict:
    return PREDICATES["nacl_ingress_not_open_to_internet"](entries, args, CTX)


ALL_IN = entry(100, "allow", "-1")


@pytest.mark.parametrize(("entries", "args", "status", "detail"), [
    ([entry(100, "allow", "tcp", (22, 22))], SSH, "fail",
     "entry 100 allows tcp 22 from 0.0.0.0/0"),
    ([entry(100, "allow", "tcp", (22, 22))], RDP, "pass", None),
    ([entry(100, "allow", "tcp", (22, 22))], EVERY, "pass", None),
    # a lower-numbered deny for all of it comes first, wherever it is listed
    ([ALL_IN, entry(90, "deny", "tcp", (22, 22))], SSH, "pass", None),
    ([ALL_IN, entry(90, "deny", "tcp", (22, 22))], RDP, "fail",
     "entry 100 allows tcp 3389 from 0.0.0.0/0"),
    # a deny for some ports only leaves an every-port entry open on the rest
    ([ALL_IN, entry(90, "deny", "tcp", (22, 22))], EVERY, "fail",
     "entry 100 allows all traffic from 0.0.0.0/0"),
    ([ALL_IN, entry(50, "deny", "-1")], EVERY, "pass", None),
    # a deny of one protocol does not close an all-traffic entry
    ([ALL_IN, entry(50, "deny", "tcp", (0, 65535))], EVERY, "fail",
     "entry 100 allows all traffic from 0.0.0.0/0"),
    ([entry(100, "allow", "udp", (0, 65535)), entry(50, "deny", "-1")], EVERY, "pass",
     None),
    # a higher-numbered deny never matches first
    ([entry(100, "allow", "tcp", (0, 1024)), entry(200, "deny", "tcp", (22, 22))], SSH,
     "fail", "entry 100 allows tcp 22 from 0.0.0.0/0"),
    # denies for part of the internet: open to the rest, closed when they cover it all
    ([entry(100, "allow", "6", (22, 22)), entry(10, "deny", "-1", cidr="0.0.0.0/1")], SSH,
     "fail", "entry 100 allows tcp 22 from 0.0.0.0/0"),
    ([entry(100, "allow", "tcp", (22, 22)), entry(10, "deny", "-1", cidr="0.0.0.0/1"),
      entry(11, "deny", "tcp", (0, 100), cidr="128.0.0.0/1")], SSH, "pass", None),
    # deny entries together cover every port of an every-port entry
    ([entry(100, "allow", "tcp", (0, 65535)), entry(10, "deny", "tcp", (0, 1000)),
      entry(11, "deny", "tcp", (1001, 65535))], EVERY, "pass", None),
    ([entry(100, "allow", "tcp", (0, 65535)), entry(10, "deny", "tcp", (0, 1000)),
      entry(11, "deny", "tcp", (1002, 65535))], EVERY, "fail",
     "entry 100 allows tcp 0-65535 from 0.0.0.0/0"),
    # IPv4 denies do not close IPv6
    ([entry(90, "deny", "-1"), entry(101, "allow", "-1", cidr="::/0")], SSH, "fail",
     "entry 101 allows tcp 22 from ::/0"),
    # SSH and RDP run over TCP; ICMP has no ports; a private range is not the internet
    ([entry(100, "allow", "udp", (22, 22))], SSH, "pass", None),
    ([entry(100, "allow", "icmp")], EVERY, "pass", None),
    ([entry(100, "allow", "-1", cidr="10.0.0.0/8")], SSH, "pass", None),
    ([entry(100, "allow", "tcp", (0, 65534))], EVERY, "pass", None),
    ([], SSH, "pass", None),
    (None, SSH, "pass", None),
])
def test_entries_in_rule_number_order(entries: Any, args: dict[str, Any], status: str,
                                      detail: str | None) -> None:
    verdict = judge(entries, args)
    assert (verdict.status, verdict.detail) == (status, detail)


def test_the_path_is_the_open_entry() -> None:
    assert judge([entry(90, "deny", "tcp", (22, 22)), ALL_IN], RDP).path == (1,)


U = Unknown("known after apply")


@pytest.mark.parametrize(("entries", "status", "path"), [
    # the range of the allow is not known
    ([entry(100, "allow", "tcp", (22, 22), cidr=U)], "unknown", (0, "cidr_block")),
    # an entry that may deny first
    ([entry(100, "allow", "tcp", (22, 22)), entry(50, U, "tcp", (22, 22))], "unknown", (0,)),
    ([entry(100, "allow", "tcp", (22, 22)), entry(U, "deny", "tcp", (22, 22))], "unknown",
     (0,)),
    # ... unless it comes after, or denies other traffic
    ([entry(100, "allow", "tcp", (22, 22)), entry(150, U, "tcp", (22, 22))], "fail", (0,)),
    ([entry(100, "allow", "tcp", (22, 22)), entry(50, U, "udp", (22, 22))], "fail", (0,)),
    # an unknown entry that may be an open allow, when nothing else is open
    ([entry(100, "allow", "tcp", (443, 443)), U], "unknown", (1,)),
    # an unknown entry that is denied first anyway
    ([entry(1, "deny", "-1"), entry(2, "deny", "-1", cidr="::/0"), U], "unknown", (2,)),
    # the ports of a TCP entry are not known
    ([entry(100, "allow", "tcp", (U, U))], "unknown", (0, "from_port")),
    # an entry whose range is not known, closed for both IP versions by known denies
    ([entry(50, "deny", "-1"), entry(51, "deny", "-1", cidr="::/0"),
      entry(100, "allow", "tcp", (22, 22), cidr=U)], "pass", ()),
    # ... and for IPv4 only: it may be ::/0
    ([entry(50, "deny", "-1"), entry(100, "allow", "tcp", (22, 22), cidr=U)], "unknown",
     (1, "cidr_block")),
])
def test_what_is_not_known_is_judged_both_ways(entries: Any, status: str,
                                               path: tuple[Any, ...]) -> None:
    verdict = judge(entries, SSH)
    assert (verdict.status, verdict.path) == (status, path)


def test_entries_declared_elsewhere_may_deny_first_except_before_entry_1() -> None:
    """An ACL outside the scanned code: its list starts with one Undeclared element."""
    rest = Undeclared("other ingress entries of acl-1 are declared outside the scanned code")
    assert judge([rest, entry(200, "allow", "tcp", (22, 22))], SSH).status == "unknown"
    assert judge([rest, entry(1, "allow", "tcp", (22, 22))], SSH).status == "fail"
    assert judge(U, SSH).status == "unknown"
