"""Azure API Management TLS: `azurerm_api_management`'s `security` block.

`min_tls_version` / `backend_min_tls_version` (`govern.adapters.api_management_tls`) from
`frontend_ssl30_enabled`, `frontend_tls10_enabled`, `frontend_tls11_enabled` and the
`backend_...` switches (azurerm v4), or v2/v3's `enable_frontend_ssl30`,
`enable_frontend_tls10`, ... names; each false when not written (the provider's default),
`1.2` when no `security` block is written. Unknown when the block is not known statically.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.api_management_tls import CANONICAL, DIRECTIONS, lowest
from govern.adapters.building import set_at, set_default, to_bool, where
from govern.adapters.reading import MISSING, first_block, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def _switch(block: Any, direction: str) -> Any:
    def switch(protocol: str) -> Any:
        for name in (f"{direction}_{protocol}_enabled", f"enable_{direction}_{protocol}"):
            value = value_in(block, name)
            if value is not MISSING:
                return to_bool(value)
        return None
    return switch


def api_management_tls(resource: Resource, native: NativeResource) -> None:
    block = first_block(native.attributes, "security")
    for direction in DIRECTIONS:
        canonical = CANONICAL[direction]
        if isinstance(block, Unknown):
            set_at(resource, canonical, block, where(native, "security", False))
        elif block is MISSING:
            set_default(resource, canonical, "1.2")
        else:
            set_at(resource, canonical, lowest(_switch(block, direction)),
                   where(native, "security", False))
