"""Effective tags: the provider's `default_tags` merged under the resource's own `tags`.

Only AWS has `default_tags` (azurerm does not); Google Cloud labels are tags, with the
google provider's `default_labels` merged under a resource's own `labels` the same way.
In a plan, the AWS provider has already merged them into the computed `tags_all`: a known
`tags_all` map is taken as the effective tags as it is (a configuration never has one: it
cannot be written). Otherwise, rules of the merge:
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

from govern.adapters.building import where
from govern.adapters.reading import MISSING, first_block, value_at, value_in
from govern.model.resource import Resource, split_path
from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

# Google Cloud labels play the role of tags: the attribute holding a resource's own labels
# (`labels` unless listed), and the types the google provider's `default_labels` (5.x)
# do not reach (their labels are not top-level `labels`).
GOOGLE_LABELS = {"google_container_cluster": "resource_labels",
                 "google_sql_database_instance": "settings.0.user_labels",
                 "google_cloud_run_service": "metadata.0.labels"}
GOOGLE_NO_DEFAULT_LABELS = frozenset({"google_sql_database_instance"})


def own_tags_path(native: NativeResource) -> str:
    """Where a resource's own tags are written: `tags`, or a Google resource's labels."""
    if native.native_type.startswith("google_"):
        return GOOGLE_LABELS.get(native.native_type, "labels")
    return "tags"


def _default_labels(native: NativeResource) -> dict[str, Any] | Unknown:
    """The google provider's `default_labels` for a resource they reach."""
    if native.provider is None or native.native_type in GOOGLE_NO_DEFAULT_LABELS:
        return {}
    labels = value_in(native.provider, "default_labels")
    if labels is MISSING:
        return {}
    if isinstance(labels, Unknown):
        return labels
    if not isinstance(labels, dict):
        return Unknown("the provider's default_labels are not a map")
    return {key: value for key, value in labels.items() if value is not None}


def default_tags(native: NativeResource) -> dict[str, Any] | Unknown:
    """The provider's default tags for an AWS resource, or default labels for a Google
    one (`{}` when there are none)."""
    if native.native_type.startswith("google_"):
        return _default_labels(native)
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
    own_path = own_tags_path(native)
    own = value_at(native, own_path)
    own_at = where(native, own_path, folded=False)
    provider_at: SourceRange | None = native.provider_range
    merged_by_provider = value_at(native, "tags_all")
    if isinstance(merged_by_provider, dict):
        _set_effective(resource, native, merged_by_provider,
                       own if isinstance(own, dict) else {}, own_at, provider_at)
        return
    defaults = default_tags(native)
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
    _set_effective(resource, native, {**defaults, **mine}, mine, own_at, provider_at)


def _set_effective(resource: Resource, native: NativeResource, merged: dict[str, Any],
                   mine: dict[str, Any], own_at: SourceRange | None,
                   provider_at: SourceRange | None) -> None:
    """`tags` = `merged` (null values dropped, keys sorted); a key in the resource's own
    tags (`mine`) points at them, any other key at the provider block."""
    effective = {key: value for key, value in sorted(merged.items()) if value is not None}
    resource.set(("tags",), effective)
    _locate(resource, ("tags",), own_at)  # a missing tag is added on the resource
    for key in effective:
        if mine.get(key) is not None:
            _locate(resource, ("tags", key),
                    native.locations.get((*split_path(own_tags_path(native)), key)) or own_at)
        else:
            _locate(resource, ("tags", key), provider_at)


def _locate(resource: Resource, path: tuple[str, ...], found: SourceRange | None) -> None:
    if found is not None:
        resource.locations[path] = found
