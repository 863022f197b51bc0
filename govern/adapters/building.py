"""Building canonical resources from native ones: new resources, copying values with their
locations, and the `Field` tables that say which native attribute goes where."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from govern.adapters.iam_document import normalize_policy_document
from govern.adapters.reading import (
    MISSING,
    as_path,
    located,
    located_or_resource,
    value_at,
)
from govern.model.resource import Path, Resource
from govern.model.source import SourceRange
from govern.model.unknown import PartialJson, Unknown, has_choices, map_choices
from govern.parsers.native import NativeResource

Convert = Callable[[Any], Any]


def resource_id(native: NativeResource) -> str:
    """`<format>:<root>:<address>`: `terraform:infra:aws_s3_bucket.b`, or
    `tfplan:plan.json:aws_s3_bucket.b` for a plan."""
    return f"{native.format}:{native.root}:{native.address}"


def new_resource(native: NativeResource, kind: str) -> Resource:
    """A canonical resource for `native`; a planned resource carries its planned
    `change.actions` (located at the resource)."""
    resource = Resource(id=resource_id(native), kind=kind, address=native.address,
                        source_format=native.format, native_type=native.native_type,
                        range=native.range, native=[native.address], context=native.root)
    if native.actions:
        resource.set(("change", "actions"), list(native.actions))
    return resource


def convert(value: Any, function: Convert | None) -> Any:
    """Apply `function` to a known value; Unknown (and MISSING) pass through untouched,
    except that an Unknown with alternatives gets `function` applied to each of them
    (`None`, "not set", stays `None`), and a PartialJson goes to a function that reads
    its structure (`normalize_policy_document`)."""
    if function is None or value is MISSING:
        return value
    if isinstance(value, PartialJson) and function is normalize_policy_document:
        return function(value)
    if isinstance(value, Unknown):
        if not has_choices(value):
            return value
        return map_choices(value, lambda item: None if item is None
                           else convert(item, function))
    return function(value)


def carry_locations(resource: Resource, native: NativeResource, native_path: Path | str,
                    canonical_path: Path | str, folded: bool = False) -> None:
    """Record where `canonical_path` and everything below it were written, from the
    locations of `native_path` in `native`. A folded native (one that is not the
    resource's own) falls back to its own range, so findings point into it."""
    source = as_path(native_path)
    target = as_path(canonical_path)
    where = located_or_resource(native, source) if folded else located(native, source)
    if where is not None:
        resource.locations[target] = where
    depth = len(source)
    for path, found in native.locations.items():
        if len(path) > depth and path[:depth] == source:
            resource.locations[target + path[depth:]] = found


def copy(resource: Resource, native: NativeResource, native_path: Path | str,
         canonical_path: Path | str, function: Convert | None = None,
         folded: bool = False) -> bool:
    """Copy a native value (converted) to a canonical path with its locations. Returns
    False, and sets nothing, when the native value was not set."""
    value = value_at(native, native_path)
    if value is MISSING:
        return False
    resource.set(as_path(canonical_path), convert(value, function))
    carry_locations(resource, native, native_path, canonical_path, folded)
    return True


def set_default(resource: Resource, canonical_path: Path | str, value: Any) -> None:
    """Write a provider default the configuration left unset, marked as defaulted."""
    resource.set(as_path(canonical_path), value, defaulted=True)


def set_at(resource: Resource, canonical_path: Path | str, value: Any,
           where: SourceRange | None) -> None:
    path = as_path(canonical_path)
    resource.set(path, value)
    if where is not None:
        resource.locations[path] = where


@dataclass(frozen=True)
class Field:
    """One canonical attribute of a kind: taken from the first of `native` that is set
    (several names cover provider versions), converted, else `default` (written and marked
    as defaulted) when one is given."""

    canonical: str
    native: tuple[str, ...]
    function: Convert | None = None
    default: Any = MISSING


def field(canonical: str, *native: str, function: Convert | None = None,
          default: Any = MISSING) -> Field:
    return Field(canonical, native or (canonical,), function, default)


def key_names(mapping: Any) -> Any:
    """The sorted keys of a map (e.g. environment variable names, whose values are not
    kept); anything else as it is."""
    return sorted(str(key) for key in mapping) if isinstance(mapping, dict) else mapping


def to_bool(value: Any) -> Any:
    """`"true"`/`"false"` (any case, as CloudFormation accepts them and Terraform converts
    them for a boolean argument, or a plan shows a provider's string-typed flag) ->
    booleans; anything else as it is."""
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return value


def apply_fields(resource: Resource, native: NativeResource, fields: tuple[Field, ...]) -> None:
    """Copies each field; a field with a boolean default reads `"true"`/`"false"` as
    booleans."""
    for spec in fields:
        function = spec.function or (to_bool if isinstance(spec.default, bool) else None)
        if any(copy(resource, native, path, spec.canonical, function)
               for path in spec.native):
            continue
        if spec.default is not MISSING:
            set_default(resource, spec.canonical, spec.default)


def clear(resource: Resource, canonical_path: Path | str) -> None:
    """Remove a canonical value and what was recorded about it (a folded resource that
    replaces what the resource itself said, e.g. `aws_s3_bucket_acl` over an inline `acl`)."""
    path = as_path(canonical_path)
    node: Any = resource.attributes
    for part in path[:-1]:
        node = node.get(part) if isinstance(node, dict) else None
    if isinstance(node, dict):
        node.pop(path[-1], None)
    depth = len(path)
    for known in [p for p in resource.locations if p[:depth] == path]:
        del resource.locations[known]
    resource.defaulted = {p for p in resource.defaulted if p[:depth] != path}


def where(native: NativeResource, native_path: Path | str, folded: bool) -> SourceRange | None:
    """Where a native path was written; for a folded native, at least the native itself."""
    return located_or_resource(native, native_path) if folded else located(native, native_path)


def set_undecided(resource: Resource, canonical_path: Path | str, value: Unknown) -> None:
    """Replace a default that does not apply (the value comes from elsewhere) by Unknown."""
    path = as_path(canonical_path)
    resource.defaulted.discard(path)
    resource.set(path, value)
