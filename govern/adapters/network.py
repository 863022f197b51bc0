"""Network rule values shared by every format: protocol names and port numbers."""

from __future__ import annotations

import re
from typing import Any

from govern.model.unknown import Unknown

ALL_PORTS = (0, 65535)

# IANA protocol numbers that AWS also accepts in place of names.
_IP_PROTOCOL_NUMBERS = {"6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6"}

_AZURE_PROTOCOLS = {"tcp": "Tcp", "udp": "Udp", "icmp": "Icmp", "esp": "Esp", "ah": "Ah",
                    "*": "*", "asterisk": "*"}


def aws_ip_protocol(value: Any) -> Any:
    """AWS security group protocol: `-1` for all (also written `all` or `-1` as a number),
    `tcp`/`udp`/`icmp`/`icmpv6` for names or their numbers, other numbers as strings."""
    if isinstance(value, Unknown):
        return value
    text = str(value).strip().lower()
    if text in ("-1", "all"):
        return "-1"
    return _IP_PROTOCOL_NUMBERS.get(text, text)


# a port written as a string: ASCII digits, at most ten (a longer one is no port, and
# int() refuses strings of more than 4,300 digits; str.isdigit() accepts "²", which it
# refuses too)
_PORT_TEXT = re.compile(r"\s*-?[0-9]{1,10}\s*")


def port(value: Any) -> Any:
    """A port number as an int (`"22"` -> 22); anything else as it is."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _PORT_TEXT.fullmatch(value):
        return int(value)
    return value


def azure_protocol(value: Any) -> Any:
    """Azure NSG protocol, capitalised as Azure writes it: `Tcp`, `Udp`, `Icmp`, `*`."""
    if isinstance(value, Unknown):
        return value
    return _AZURE_PROTOCOLS.get(str(value).lower(), value)


def azure_capitalised(value: Any) -> Any:
    """`inbound` -> `Inbound`, `allow` -> `Allow` (direction and access)."""
    if isinstance(value, str) and value:
        return value[0].upper() + value[1:].lower()
    return value


def azure_port_range(value: Any) -> Any:
    """Azure port ranges are strings (`"22"`, `"1000-2000"`, `"*"`)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**10:
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e10:
        return str(int(value))
    return value
