"""The declared canonical model: every kind and its attributes (`govern.kinds.declare`).

`KINDS` maps a kind's name to its declaration, with the attributes every kind shares added:
`tags` on taggable kinds and `change` (a planned resource's change) on all. `find` resolves
an attribute path in a kind, which the rule loader uses to reject undeclared `attr:` paths,
and `value_problems` checks a canonical value against its declaration, which the adapters'
tests use to hold every source to the model.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from govern.kinds import aws, azure, gcp
from govern.kinds.declare import (
    SCALAR_TYPES,
    Attribute,
    Kind,
    mapping,
    obj,
    strings,
)
from govern.model.unknown import PartialJson, Unknown

TAGS = mapping("tags", "The effective tags (provider default tags merged under the "
                       "resource's own); `{}` when the resource has none (docs: Tags)")
CHANGE = obj("change", "A planned resource's change (plan JSON only)",
             strings("actions", "The planned actions, e.g. `[\"create\"]`, "
                                "`[\"delete\", \"create\"]`"))


def _with_shared(kind: Kind) -> Kind:
    if not kind.taggable:
        return replace(kind, attributes=(*kind.attributes, CHANGE))
    tags = replace(TAGS, doc=f"{TAGS.doc}. {kind.tags_doc}") if kind.tags_doc else TAGS
    return replace(kind, attributes=(*kind.attributes, tags, CHANGE))


KINDS: dict[str, Kind] = {k.name: _with_shared(k)
                          for k in (*aws.KINDS, *azure.KINDS, *gcp.KINDS)}

# Types under which any path is accepted: their inner structure is not declared per kind
# (a normalized policy document is described once, in docs/canonical-model.md).
OPEN_TYPES = ("map", "policy", "any")


@dataclass(frozen=True)
class Scope:
    """Where attribute paths are resolved: a kind's top level, or the element of a list
    of objects (inside a rule's `each`/`some`). `attributes` is None below an open type."""

    kind: str
    attributes: tuple[Attribute, ...] | None


@dataclass(frozen=True)
class Found:
    """The result of resolving a path: the attribute (None below an open type), or the
    first undeclared part with the names declared beside it."""

    attribute: Attribute | None = None
    open: bool = False
    missing: str | None = None
    declared: tuple[str, ...] = ()


def scope(kind: str) -> Scope:
    return Scope(kind, KINDS[kind].attributes)


def find(where: Scope, path: Sequence[str | int]) -> Found:
    """Resolve `path` from `where`: names index objects, numbers index lists."""
    attributes = where.attributes
    current: Attribute | None = None
    for part in path:
        if attributes is None and (current is None or current.type in OPEN_TYPES):
            return Found(open=True)
        if current is not None and current.type == "list":
            if not isinstance(part, int):
                return Found(missing=part, declared=("<index>",))
            if current.items != "object":
                current = Attribute(str(part), current.items or "any", current.doc)
            attributes = current.attributes
            continue
        if isinstance(part, int) or attributes is None:
            return Found(missing=str(part),
                         declared=tuple(a.name for a in attributes or ()))
        current = next((a for a in attributes if a.name == part), None)
        if current is None:
            return Found(missing=part, declared=tuple(a.name for a in attributes))
        attributes = None if current.type in OPEN_TYPES else current.attributes
    return Found(current)


def element_scope(where: Scope, attribute: Attribute) -> Scope:
    """The scope of one element of a list attribute (`each`/`some`)."""
    if attribute.type in OPEN_TYPES:
        return Scope(where.kind, None)
    return Scope(where.kind, attribute.attributes)


def value_problems(kind: str, attributes: dict[str, Any]) -> list[str]:
    """Every canonical value that its kind does not declare, or whose type is not the
    declared one, as `path: problem`. Unknown values, partially known JSON and written
    nulls fit every declaration."""
    declared = KINDS[kind].attributes
    return list(_object_problems(declared, attributes, ""))


def _object_problems(declared: tuple[Attribute, ...], value: dict[str, Any], prefix: str
                     ) -> Iterator[str]:
    for name, item in value.items():
        attribute = next((a for a in declared if a.name == name), None)
        path = f"{prefix}{name}"
        if attribute is None:
            yield f"{path}: not declared"
            continue
        yield from _value_problems(attribute, attribute.type, item, path)


def _value_problems(attribute: Attribute, type_: str, value: Any, path: str
                    ) -> Iterator[str]:
    if value is None or isinstance(value, (Unknown, PartialJson)):
        if isinstance(value, Unknown) and value.alternatives:
            for alternative in value.alternatives:
                yield from _value_problems(attribute, type_, alternative, path)
        return
    if type_ == "any":
        return
    if type_ == "policy":
        if not isinstance(value, dict):
            yield f"{path}: {type(value).__name__}, declared a policy document"
        return
    if type_ == "map":
        if not isinstance(value, dict):
            yield f"{path}: {type(value).__name__}, declared a map"
        return
    if type_ == "object":
        if not isinstance(value, dict):
            yield f"{path}: {type(value).__name__}, declared an object"
            return
        yield from _object_problems(attribute.attributes, value, path + ".")
        return
    if type_ == "list":
        if not isinstance(value, list):
            yield f"{path}: {type(value).__name__}, declared a list"
            return
        element = attribute.items or "any"
        for index, item in enumerate(value):
            if element == "object":
                yield from _value_problems(attribute, "object", item, f"{path}.{index}")
            else:
                yield from _value_problems(attribute, element, item, f"{path}.{index}")
        return
    allowed = type_.split("|")
    if not any(_is_scalar(value, t) for t in allowed):
        yield f"{path}: {type(value).__name__} {value!r}, declared {type_}"
    elif attribute.values and isinstance(value, str) and value not in attribute.values:
        yield f"{path}: {value!r} is not one of {', '.join(attribute.values)}"


def _is_scalar(value: Any, type_: str) -> bool:
    if type_ == "boolean":
        return isinstance(value, bool)
    if type_ == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if type_ == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if type_ == "string":
        return isinstance(value, str)
    return type_ not in SCALAR_TYPES


def boolean_paths(kind: Kind) -> tuple[str, ...]:
    """The dotted paths of the boolean attributes of `kind` reached through objects (not
    through lists)."""
    found: list[str] = []

    def walk(attributes: tuple[Attribute, ...], prefix: str) -> None:
        for attribute in attributes:
            if attribute.type == "boolean":
                found.append(prefix + attribute.name)
            elif attribute.type == "object":
                walk(attribute.attributes, f"{prefix}{attribute.name}.")

    walk(kind.attributes, "")
    return tuple(found)
