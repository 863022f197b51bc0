"""Compute Engine project-wide metadata (`gcp.compute.project_metadata`).

`google_compute_project_metadata` holds all of the project's metadata (it is
authoritative: keys it does not write are removed): `serial_port_enabled` is its
`serial-port-enable` key and `os_login_enabled` its `enable-oslogin` key, read as Compute
Engine reads booleans, false when not set.

`google_compute_project_metadata_item` sets one key and is judged on its own rather than
folded into a project metadata resource: the provider does not let the two manage the
same project (the authoritative resource would remove the item's key), and an item names
its project only optionally, so which metadata it joins is a guess. An item whose `key`
is `serial-port-enable` (`enable-oslogin`) gives `serial_port_enabled`
(`os_login_enabled`) from its `value`; an item with another key leaves them absent (it
does not set them); a key or value not known statically gives Unknown.
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
# canonical attribute -> the metadata key it reads (each false when the authoritative
# metadata does not set it)
KEYS = {"serial_port_enabled": "serial-port-enable", "os_login_enabled": "enable-oslogin"}


def _flag(resource: Resource, native: NativeResource, canonical: str, value: object,
          path: Path | str) -> None:
    set_at(resource, canonical,
           value if isinstance(value, Unknown) else metadata_flag(value),
           where(native, path, False))


def _finish_metadata(resource: Resource, native: NativeResource) -> None:
    metadata = value_at(native, "metadata")
    for canonical, key in KEYS.items():
        if isinstance(metadata, Unknown):
            _flag(resource, native, canonical, metadata, "metadata")
            continue
        value = value_in(metadata, key) if isinstance(metadata, dict) else MISSING
        if value is MISSING:
            set_default(resource, canonical, False)
        else:
            _flag(resource, native, canonical, value, ("metadata", key))


def _finish_item(resource: Resource, native: NativeResource) -> None:
    key = value_at(native, "key")
    for canonical, name in KEYS.items():
        if isinstance(key, Unknown):
            _flag(resource, native, canonical, Unknown(f"key: {key.reason}", key.ref), "key")
        elif key == name:
            value = value_at(native, "value")
            if value is not MISSING:
                _flag(resource, native, canonical, value, "value")


_PROJECT = (field("project"),)

MAPPINGS = {
    "google_compute_project_metadata": KindMapping(KIND, _PROJECT, _finish_metadata),
    "google_compute_project_metadata_item": KindMapping(KIND, _PROJECT, _finish_item),
}
