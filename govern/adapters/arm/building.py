"""Building canonical resources from native ARM resources: new resources, values copied
with their locations, provider defaults, and tags."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from govern.adapters.arm.reading import MISSING, find, located
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown, has_choices, map_choices
from govern.parsers.native import NativeResource

Convert = Callable[[Any], Any]


def resource_id(native: NativeResource) -> str:
    return f"arm:{native.root}:{native.address}"


def new_resource(native: NativeResource, kind: str) -> Resource:
    return Resource(id=resource_id(native), kind=kind, address=native.address,
                    source_format="arm", native_type=native.native_type, range=native.range,
                    native=[native.address], context=native.root)


def convert(value: Any, function: Convert | None) -> Any:
    """`function` applied to a known value, or to each alternative of an Unknown that has
    alternatives (None, "not set", stays None); other Unknowns pass through."""
    if function is None or value is MISSING:
        return value
    if isinstance(value, Unknown):
        if not has_choices(value):
            return value
        return map_choices(value, lambda item: None if item is None
                           else convert(item, function))
    return function(value)


def carry(resource: Resource, native: NativeResource, written: Path, canonical: Path,
          deep: bool = True) -> None:
    """Record where `canonical` (and, when `deep`, everything below it) was written, from
    the locations of the written native path (and its descendants)."""
    where = located(native, written)
    if where is not None:
        resource.locations[canonical] = where
    if not deep:
        return
    depth = len(written)
    for path, found in native.locations.items():
        if len(path) > depth and path[:depth] == written:
            resource.locations[canonical + path[depth:]] = found


def copy(resource: Resource, native: NativeResource, native_path: Path, canonical: Path,
         function: Convert | None = None) -> bool:
    """Copy a native value (converted) to a canonical path with its locations; False, and
    nothing set, when the native value is not set."""
    value, written = find(native.attributes, native_path)
    if value is MISSING:
        return False
    resource.set(canonical, convert(value, function))
    carry(resource, native, written, canonical)
    return True


def set_default(resource: Resource, canonical: Path, value: Any) -> None:
    """Write a default the template left unset, marked as defaulted (it points at the
    resource)."""
    resource.set(canonical, value, defaulted=True)


def apply_tags(resource: Resource, native: NativeResource) -> None:
    """`tags`: the resource's own tags (ARM has no default tags), keys sorted, null values
    dropped; `{}` when there are none; an Unknown tag map stays Unknown."""
    tags, written = find(native.attributes, ("tags",))
    if tags is MISSING:
        resource.set(("tags",), {})
        return
    if isinstance(tags, Unknown) or not isinstance(tags, dict):
        resource.set(("tags",), tags if isinstance(tags, Unknown)
                     else Unknown("tags is not an object"))
        carry(resource, native, written, ("tags",))
        return
    resource.set(("tags",), {key: tags[key] for key in sorted(tags) if tags[key] is not None})
    carry(resource, native, written, ("tags",))
