"""Effective tags: the provider's `default_tags` merged under the resource's own `tags`.

Only AWS has `default_tags` (azurerm does not). Rules of the merge:
- a resource tag overrides a default tag of the same key; a tag whose value is null is not
  set;
- an Unknown tag value stays Unknown under its (known) key;
- when the resource's tag map, or the provider's default tag map, is Unknown as a whole, the
  set of keys is not known: the effective tags are that Unknown.
Locations: `tags` points at the resource's own `tags` (else at the resource: that is where a
missing tag is added); a key the resource sets points at the resource's `tags` (or the key
itself when the parser recorded it); a key that comes from `default_tags` points at the
provider block.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.terraform.building import where
from govern.adapters.terraform.reading import MISSING, first_block, value_at, value_in
from govern.model.resource import Resource
from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def default_tags(native: NativeResource) -> dict[str, Any] | Unknown:
    """The provider's default tags for an AWS resource (`{}` when there are none)."""
    if native.provider is None or not native.native_type.startswith("aws_"):
        return {}
    block = first_block(native.provider, "default_tags")
    if block is MISSING:
        return {}
    tags = block if isinstance(block, Unknown) else value_in(block, "tags")
    if tags is MISSING:
        return {}
    if isinstance(tags, Unknown):
        return tags
    if not isinstance(tags, dict):
        return Unknown("the provider's default_tags are not a map")
    return {key: value for key, value in tags.items() if value is not None}


def apply_tags(resource: Resource, native: NativeResource) -> None:
    """Set `tags` to the effective tags of a taggable resource, with their locations."""
    own = value_at(native, "tags")
    own_at = where(native, "tags", folded=False)
    defaults = default_tags(native)
    provider_at: SourceRange | None = native.provider_range
    if isinstance(own, Unknown):
        resource.set(("tags",), own)
        _locate(resource, ("tags",), own_at)
        return
    if isinstance(defaults, Unknown):
        resource.set(("tags",), defaults)
        _locate(resource, ("tags",), own_at or provider_at)
        return
    if own is not MISSING and not isinstance(own, dict):
        resource.set(("tags",), Unknown("tags is not a map"))
        _locate(resource, ("tags",), own_at)
        return
    mine = {key: value for key, value in own.items()
            if value is not None} if isinstance(own, dict) else {}
    merged = {**defaults, **mine}
    resource.set(("tags",), dict(sorted(merged.items())))
    _locate(resource, ("tags",), own_at)  # a missing tag is added on the resource
    for key in merged:
        if key in mine:
            _locate(resource, ("tags", key), native.locations.get(("tags", key)) or own_at)
        else:
            _locate(resource, ("tags", key), provider_at)


def _locate(resource: Resource, path: tuple[str, ...], found: SourceRange | None) -> None:
    if found is not None:
        resource.locations[path] = found
