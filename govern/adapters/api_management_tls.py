"""The lowest protocol an Azure API Management gateway accepts, from its legacy protocol
switches (shared by the azurerm and ARM adapters).

Each direction (`frontend`: clients to the gateway, `backend`: the gateway to the APIs) has
a switch for SSL 3.0, TLS 1.0 and TLS 1.1, off unless written (the provider's default, and
Azure's for services created after April 1, 2018). The lowest switch that is on gives the
minimum (`ssl3.0`, `1.0`, `1.1`); none on gives `1.2`. A switch not known statically below
every switch known to be on makes the minimum Unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from govern.model.unknown import Unknown

DIRECTIONS = ("frontend", "backend")
# (canonical minimum when on, the protocol's name in the native switches), lowest first
PROTOCOLS = (("ssl3.0", "ssl30"), ("1.0", "tls10"), ("1.1", "tls11"))
CANONICAL = {"frontend": "min_tls_version", "backend": "backend_min_tls_version"}


def lowest(switch: Callable[[str], Any]) -> Any:
    """The minimum protocol, from `switch(protocol)`: True (on), False or None (off, not
    written), anything else (Unknown, a value that is not a boolean) undecided."""
    for minimum, protocol in PROTOCOLS:
        value = switch(protocol)
        if value is True:
            return minimum
        if value is None or value is False:
            continue
        reason = value.reason if isinstance(value, Unknown) else f"{value!r} is not a boolean"
        return Unknown(f"whether {protocol} is enabled is not known: {reason}")
    return "1.2"
