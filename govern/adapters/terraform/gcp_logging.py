"""Cloud Logging sinks: `google_logging_project_sink`, `_folder_sink`,
`_organization_sink` and `_billing_account_sink`, as `gcp.logging.sink`.

`scope_level` says whose logs the sink routes, `scope` is the `project`, `folder`,
`org_id` or `billing_account` as written (absent for a project sink that uses the
provider's project); `destination` is as written and
`destination_type` comes from its prefix (`storage.googleapis.com/` is `storage`,
`bigquery.googleapis.com/` `bigquery`, `pubsub.googleapis.com/` `pubsub`,
`logging.googleapis.com/` `logging`; Unknown when the prefix is not known statically or
not one of these). `disabled` defaults to false.

For a Cloud Storage destination, `destination_retention_locked` is the `retention_locked`
of the `google_storage_bucket` of the scanned code that the destination designates (a
reference in it, or the bucket's name after the prefix); Unknown when there is no such
bucket (it is declared elsewhere) or the name is not known statically.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import field, set_at, where
from govern.adapters.external import refs_of
from govern.adapters.reading import MISSING, value_at
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.mapping import Finish, KindMapping
from govern.model.resource import Resource
from govern.model.unknown import PartialString, Unknown
from govern.parsers.native import NativeResource

KIND = "gcp.logging.sink"
BUCKET = "gcp.storage.bucket"
_STORAGE = "storage.googleapis.com/"
_TYPES = {_STORAGE: "storage", "bigquery.googleapis.com/": "bigquery",
          "pubsub.googleapis.com/": "pubsub", "logging.googleapis.com/": "logging"}


def _known_start(value: Any) -> str | None:
    """The text a destination starts with, as far as it is known statically."""
    if isinstance(value, str):
        return value
    if isinstance(value, PartialString) and value.parts and isinstance(value.parts[0], str):
        return value.parts[0]
    return None


def destination_type(value: Any) -> Any:
    start = _known_start(value)
    for prefix, kind in _TYPES.items():
        if start is not None and start.startswith(prefix):
            return kind
    if isinstance(value, str):
        return Unknown(f"unrecognised sink destination {value!r}")
    return Unknown("the destination is not known statically")


def _finish(level: str) -> Finish:
    def finish(resource: Resource, native: NativeResource) -> None:
        resource.set(("scope_level",), level)
        value = value_at(native, "destination")
        if value is not MISSING:
            set_at(resource, "destination_type", destination_type(value),
                   where(native, "destination", False))

    return finish


def link_sink(resource: Resource, native: NativeResource, ctx: RootContext) -> None:
    """A Cloud Storage destination takes the lock of the bucket it designates."""
    if resource.attributes.get("destination_type") != "storage":
        return
    value = value_at(native, "destination")
    at = where(native, "destination", False)
    found: list[Resource] = []
    for ref in refs_of(value):
        for address in ctx.qualified(ref, native.module):
            found = [r for r in ctx.at(address) if r.kind == BUCKET]
            if found:
                break
        if found:
            break
    if not found and isinstance(value, str):
        name = value[len(_STORAGE):].strip("/")
        found = ctx.designated(name, [BUCKET], native)
    if len(found) != 1 or found[0].external:
        set_at(resource, "destination_retention_locked", Unknown(
            "the destination bucket is not in the scanned code"), at)
        return
    set_at(resource, "destination_retention_locked",
           found[0].attributes.get("retention_locked", Unknown("not known")), at)


def _mapping(level: str, scope: str) -> KindMapping:
    return KindMapping(KIND, (
        field("scope", scope),
        field("name"),
        field("destination"),
        field("disabled", default=False),
    ), _finish(level))


MAPPINGS = {
    "google_logging_project_sink": _mapping("project", "project"),
    "google_logging_folder_sink": _mapping("folder", "folder"),
    "google_logging_organization_sink": _mapping("organization", "org_id"),
    "google_logging_billing_account_sink": _mapping("billing_account", "billing_account"),
}

LINKERS = {native_type: link_sink for native_type in MAPPINGS}
