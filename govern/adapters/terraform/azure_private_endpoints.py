"""`azurerm_private_endpoint` -> an element of `private_endpoints` of the storage account,
key vault or database server (Azure SQL, MySQL, PostgreSQL, MariaDB) its
`private_service_connection.private_connection_resource_id` designates: a reference to it,
its known `id` (a plan), or a literal id naming it (`govern.adapters.private_endpoints`).
`name` is the endpoint's name, `subresources` the connection's `subresource_names`.

An endpoint that designates another resource of the configuration, or one declared
elsewhere (a data source, a literal id), adds nothing; one whose target is not known
statically (a variable, a dynamic block) adds an Unknown element to every resource of those
kinds in the configuration. A connection by alias
(`private_connection_resource_alias`) reaches a Private Link service, not these kinds.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.external import refs_of
from govern.adapters.private_endpoints import KINDS, add, add_everywhere, endpoint, target_of_id
from govern.adapters.reading import MISSING, blocks_in, located_or_resource, value_at, value_in
from govern.adapters.terraform.context import RootContext
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def _targets(target: Any, native: NativeResource, ctx: RootContext) -> list[Resource] | None:
    """The resources `target` designates; None when it is not known statically."""
    found = ctx.designated(target, KINDS, native, by_name=False)
    if found:
        return found
    if isinstance(target, str):
        named = target_of_id(target)
        return ctx.designated(named[1], [named[0]], native) if named else []
    if isinstance(target, Unknown) and not refs_of(target):
        return None
    return []


def fold_private_endpoint(native: NativeResource, ctx: RootContext) -> None:
    name = value_at(native, "name")
    blocks = blocks_in(native.attributes, "private_service_connection")
    where = located_or_resource(native, "private_service_connection")
    if isinstance(blocks, Unknown):
        add_everywhere(ctx.resources, f"{native.address}'s connection is not known "
                       "statically", where)
        return
    for block in blocks:
        target = value_in(block, "private_connection_resource_id")
        if target is MISSING:
            continue
        item = endpoint(name, value_in(block, "subresource_names"))
        found = _targets(target, native, ctx)
        if found is None:
            add_everywhere(ctx.resources, f"{native.address} connects to a resource not "
                           "known statically", where)
            continue
        for resource in found:
            ctx.absorb(native, resource)
            add(resource, item, where)


FOLDERS = {"azurerm_private_endpoint": fold_private_endpoint}
