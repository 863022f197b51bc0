"""Compute Engine project-wide metadata (`gcp.compute.project_metadata`).

`google_compute_project_metadata` holds all of the project's metadata (it is
authoritative: keys it does not write are removed): `serial_port_enabled` is its
`serial-port-enable` key, read as Compute Engine reads booleans, false when not set.

`google_compute_project_metadata_item` sets one key and is judged on its own rather than
folded into a project metadata resource: the provider does not let the two manage the
same project (the authoritative resource would remove the item's key), and an item names
its project only optionally, so which metadata it joins is a guess. An item whose `key`
is `serial-port-enable` gives `serial_port_enabled` from its `value`; an item with another
key leaves it absent (it does not set it); a key or value not known statically gives
Unknown.
"""

from __future__ import annotations

from govern.adapters.building import field, set_at, set_default, where
from govern.adapters.reading import MISSING, value_at, value_in
from govern.adapters.terraform.gcp_compute import metadata_flag
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "gcp.compute.project_metadata"
SERIAL_PORT = "serial-port-enable"


def _flag(resource: Resource, native: NativeResource, value: object,
          path: Path | str) -> None:
    set_at(resource, "serial_port_enabled",
           value if isinstance(value, Unknown) else metadata_flag(value),
           where(native, path, False))


def _finish_metadata(resource: Resource, native: NativeResource) -> None:
    metadata = value_at(native, "metadata")
    if isinstance(metadata, Unknown):
        _flag(resource, native, metadata, "metadata")
        return
    value = value_in(metadata, SERIAL_PORT) if isinstance(metadata, dict) else MISSING
    if value is MISSING:
        set_default(resource, "serial_port_enabled", False)
    else:
        _flag(resource, native, value, ("metadata", SERIAL_PORT))


def _finish_item(resource: Resource, native: NativeResource) -> None:
    key = value_at(native, "key")
    if isinstance(key, Unknown):
        _flag(resource, native, Unknown(f"key: {key.reason}", key.ref), "key")
    elif key == SERIAL_PORT:
        value = value_at(native, "value")
        if value is not MISSING:
            _flag(resource, native, value, "value")


_PROJECT = (field("project"),)

MAPPINGS = {
    "google_compute_project_metadata": KindMapping(KIND, _PROJECT, _finish_metadata),
    "google_compute_project_metadata_item": KindMapping(KIND, _PROJECT, _finish_item),
}
