from __future__ import annotations

import pytest

from govern.adapters.network import aws_ip_protocol, azure_port_range, azure_protocol, port
from govern.model.unknown import Unknown


@pytest.mark.parametrize(("given", "expected"), [
    ("-1", "-1"), (-1, "-1"), ("all", "-1"), ("ALL", "-1"), ("6", "tcp"), ("TCP", "tcp"),
    ("17", "udp"), ("1", "icmp"), ("58", "icmpv6"), ("50", "50"),
])
def test_aws_ip_protocol(given: object, expected: str) -> None:
    assert aws_ip_protocol(given) == expected


def test_ports_and_azure_values() -> None:
    assert port("22") == 22
    assert port(22.0) == 22
    assert port("x") == "x"
    assert azure_protocol("tcp") == "Tcp"
    assert azure_protocol("Asterisk") == "*"
    assert azure_port_range(22) == "22"
    unknown = Unknown("r")
    assert aws_ip_protocol(unknown) is unknown
