"""Azure SQL databases: `Microsoft.Sql/servers/databases` -> `azure.sql.database`.

- `name`: `<server>/<database>`;
- `tde_enabled`: true (defaulted: Azure enables transparent data encryption on every new
  database) until the database's `transparentDataEncryption` resource (nested in the
  database, or named `<server>/<database>/current`; folded by `fold_tde`) says otherwise:
  `properties.state` (`Enabled`/`Disabled`, any case), or `properties.status` in
  apiVersion 2014-04-01; Unknown when it has neither.

A setting whose database is not in the template is judged on an external parent.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.building import carry, convert, set_default
from govern.adapters.arm.context import ArmContext
from govern.adapters.arm.mapping import ArmMapping, enabled
from govern.adapters.arm.network import split_rule_name
from govern.adapters.arm.reading import MISSING, find
from govern.adapters.arm.storage import set_context
from govern.adapters.external import Setup
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "azure.sql.database"
TDE_TYPE = "microsoft.sql/servers/databases/transparentdataencryption"
TDE = ("tde_enabled",)


def _tde_default(resource: Resource, native: NativeResource) -> None:
    set_default(resource, TDE, True)


DATABASE = ArmMapping(KIND, (), _tde_default)


def fold_tde(native: NativeResource, ctx: ArmContext) -> None:
    """Fold a `transparentDataEncryption` setting into its database."""
    database = _database(native, ctx)
    if database is None:
        return
    ctx.absorb(native, database)
    database.defaulted.discard(TDE)
    for name in ("state", "status"):
        state, written = find(native.attributes, ("properties", name))
        if state is not MISSING:
            database.set(TDE, convert(state, enabled))
            carry(database, native, written, TDE)
            return
    database.set(TDE, Unknown("the transparent data encryption setting has no state"))
    database.locations[TDE] = native.range


def _database(native: NativeResource, ctx: ArmContext) -> Resource | None:
    database = ctx.owner((native.provider or {}).get("parent"))
    if database is not None and database.kind == KIND:
        return database
    name, _ = split_rule_name(native.attributes.get("name"))
    if name is MISSING:
        ctx.note(native, "database not known statically (the name is not "
                 "<server>/<database>/current)", "fold-target-unknown")
        return None
    found = ctx.named(KIND, name)
    if len(found) > 1:
        names = ", ".join(r.address for r in found)
        ctx.note(native, f"database is ambiguous (one of {names})", "fold-target-ambiguous")
        return None
    if found:
        return found[0]
    return ctx.external_parent(native, KIND, name, "database", _setup(native))


def _setup(native: NativeResource) -> Setup:
    def setup(database: Resource, name: Any) -> None:
        database.set(("name",), name)
        set_context(database, native)

    return setup
