"""`Microsoft.Network/privateEndpoints` -> an element of `private_endpoints` of each storage
account, key vault or database server of the template that one of its connections
(`properties.privateLinkServiceConnections[]`, `manualPrivateLinkServiceConnections[]`)
names by `properties.privateLinkServiceId` (`govern.adapters.private_endpoints`): `name` is
the endpoint's name, `subresources` the connection's `properties.groupIds`.

A `resourceId(...)` id keeps its type and name when only the subscription or resource
group is unknown. A connection to another type, or to a resource outside the template,
adds nothing; one whose target name is not known statically adds an Unknown element to
every resource of its type in the template (of every type that has private endpoints when
the type is not known either).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.context import ArmContext
from govern.adapters.arm.reading import MISSING, located, value_at, value_in
from govern.adapters.private_endpoints import KINDS, TARGETS, add, add_everywhere, endpoint
from govern.model.unknown import Unknown
from govern.parsers.arm.values import UnknownString
from govern.parsers.native import NativeResource

TYPE = "microsoft.network/privateendpoints"
_UNKNOWN = "\x00"


def _target(value: Any) -> tuple[tuple[str, ...], Any] | None:
    """The kinds a connection's target may be and its name (an Unknown when not known);
    None when it is not a resource that has private endpoints."""
    if isinstance(value, UnknownString):
        text = "".join(p if isinstance(p, str) else _UNKNOWN for p in value.parts)
    elif isinstance(value, str):
        text = value
    else:
        return (KINDS, value) if isinstance(value, Unknown) else None
    at = text.lower().rfind("/providers/")
    if at < 0:
        return (KINDS, Unknown("the target's id is not known statically")) \
            if _UNKNOWN in text else None
    segments = text[at + len("/providers/"):].strip("/").split("/")
    if len(segments) != 3:
        return None
    type_name = f"{segments[0]}/{segments[1]}"
    if _UNKNOWN in type_name:
        return KINDS, Unknown("the target's type is not known statically")
    kind = TARGETS.get(type_name.lower())
    if kind is None:
        return None
    if _UNKNOWN in segments[2] or not segments[2]:
        return (kind,), Unknown("the target's name is not known statically")
    return (kind,), segments[2]


def fold_private_endpoint(native: NativeResource, ctx: ArmContext) -> None:
    name = value_at(native, "name")
    for key in ("privateLinkServiceConnections", "manualPrivateLinkServiceConnections"):
        connections = value_at(native, "properties", key)
        where = located(native, ("properties", key)) or native.range
        if connections is MISSING:
            continue
        if not isinstance(connections, list):
            add_everywhere(ctx.resources, f"{native.address}'s {key} is not known "
                           "statically", where)
            continue
        for connection in connections:
            target = _target(value_in(connection, "properties", "privateLinkServiceId"))
            if target is None:
                continue
            kinds, target_name = target
            if isinstance(target_name, Unknown):
                add_everywhere(ctx.resources, f"{native.address} connects to a resource "
                               "not known statically", where, kinds)
                continue
            item = endpoint(name, value_in(connection, "properties", "groupIds"))
            for kind in kinds:
                for resource in ctx.named(kind, target_name):
                    ctx.absorb(native, resource)
                    add(resource, item, where)
