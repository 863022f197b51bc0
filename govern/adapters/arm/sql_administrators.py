"""The Microsoft Entra ID administrator of Azure SQL servers: `entra_admin_configured`.

- on the server: `properties.administrators` (the administrator the server is created
  with) naming a `login` or a `sid` -> true (a value not known statically counts as set;
  a parameter that may be `""` is Unknown); an object naming neither -> false; not
  written -> false (defaulted: Azure then has no Entra administrator, and only SQL
  authentication works);
- `Microsoft.Sql/servers/administrators` (nested in the server, or named
  `<server>/ActiveDirectory`; folded by `fold_administrator`) sets one: true.

An administrator whose server is not in the template is judged on an external parent.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.building import carry, set_default
from govern.adapters.arm.context import ArmContext
from govern.adapters.arm.reading import MISSING, find
from govern.adapters.arm.sql import key_is_set
from govern.adapters.arm.sql_auditing import build_server as build_audited_server
from govern.adapters.arm.sql_auditing import server_of
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

ADMINISTRATOR_TYPE = "microsoft.sql/servers/administrators"
ENTRA_ADMIN = ("entra_admin_configured",)


def _named(administrators: Any) -> Any:
    """Whether an `administrators` object names a login or a sid."""
    if isinstance(administrators, Unknown):
        return administrators
    if not isinstance(administrators, dict):
        return Unknown(f"administrators {administrators!r} is not an object")
    found = [key_is_set(administrators.get(key)) for key in ("login", "sid")]
    if any(value is True for value in found):
        return True
    unknown = next((value for value in found if isinstance(value, Unknown)), None)
    return unknown if unknown is not None else False


def build_server(native: NativeResource) -> Resource:
    """A server (`govern.adapters.arm.sql_auditing.build_server`) with the administrator
    written on it."""
    server = build_audited_server(native)
    administrators, written = find(native.attributes, ("properties", "administrators"))
    if administrators is MISSING:
        set_default(server, ENTRA_ADMIN, False)
        return server
    server.set(ENTRA_ADMIN, _named(administrators))
    carry(server, native, written, ENTRA_ADMIN, deep=False)
    return server


def fold_administrator(native: NativeResource, ctx: ArmContext) -> None:
    """Fold an `administrators` child resource into its server."""
    server = server_of(native, ctx)
    if server is None:
        return
    server.defaulted.discard(ENTRA_ADMIN)
    server.set(ENTRA_ADMIN, True)
    server.locations[ENTRA_ADMIN] = native.range
