"""Building canonical resources from CloudFormation natives: ids, field tables, tags.

The format-independent pieces (copying a native value with its locations, defaults,
`Field` tables) are the Terraform adapter's `building`/`reading` helpers: they work on any
`NativeResource`. What is CloudFormation's own is here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from govern.adapters.building import Field, apply_fields, where
from govern.adapters.cloudformation.values import mapped, tag_map
from govern.adapters.reading import MISSING, value_at
from govern.model.kinds import KINDS
from govern.model.resource import Path, Resource
from govern.model.source import SourceRange
from govern.parsers.native import NativeResource

FORMAT = "cloudformation"
Finish = Callable[[Resource, NativeResource], None]


def resource_id(native: NativeResource) -> str:
    return f"{FORMAT}:{native.root}:{native.address}"


def new_resource(native: NativeResource, kind: str) -> Resource:
    resource = Resource(id=resource_id(native), kind=kind, address=native.address,
                        source_format=FORMAT, native_type=native.native_type,
                        range=native.range, native=[native.address], context=native.root)
    return resource


def apply_tags(resource: Resource, native: NativeResource, prop: str | Path = "Tags") -> None:
    """`tags`: the resource's own `Tags` (or the property, or property path, `prop`) as a
    map (`{}` when it has none); a key points at its `{Key, Value}` entry, the map at
    `Tags` (else at the resource)."""
    path: Path = (prop,) if isinstance(prop, str) else prop
    raw = value_at(native, path)
    if raw is MISSING:
        resource.set(("tags",), {})
        return
    tags = mapped(raw, tag_map)
    resource.set(("tags",), tags)
    _locate(resource, ("tags",), where(native, path, folded=False))
    if isinstance(raw, list) and isinstance(tags, dict):
        for index, entry in enumerate(raw):
            if isinstance(entry, dict) and isinstance(entry.get("Key"), str):
                _locate(resource, ("tags", entry["Key"]),
                        where(native, (*path, index), folded=False))
    elif isinstance(raw, dict):
        for key in raw:
            _locate(resource, ("tags", str(key)), where(native, (*path, key), folded=False))


def _locate(resource: Resource, path: tuple[str, ...], found: SourceRange | None) -> None:
    if found is not None:
        resource.locations[path] = found


@dataclass(frozen=True)
class KindMapping:
    """A kind built from a table of fields (native names are CloudFormation property
    paths), plus an optional `finish` for what a table cannot say."""

    kind: str
    fields: tuple[Field, ...]
    finish: Finish | None = None

    def build(self, native: NativeResource) -> Resource:
        resource = new_resource(native, self.kind)
        apply_fields(resource, native, self.fields)
        if self.finish is not None:
            self.finish(resource, native)
        return resource


def taggable(kind: str) -> bool:
    return KINDS[kind].taggable

