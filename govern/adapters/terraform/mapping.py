"""Kinds built from a table of fields, plus an optional `finish` function for what a table
cannot say (a default that depends on another attribute, a list of blocks)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from govern.adapters.building import Field, apply_fields, new_resource
from govern.model.resource import Resource
from govern.parsers.native import NativeResource

Finish = Callable[[Resource, NativeResource], None]


@dataclass(frozen=True)
class KindMapping:
    kind: str
    fields: tuple[Field, ...]
    finish: Finish | None = None

    def build(self, native: NativeResource) -> Resource:
        resource = new_resource(native, self.kind)
        apply_fields(resource, native, self.fields)
        if self.finish is not None:
            self.finish(resource, native)
        return resource
