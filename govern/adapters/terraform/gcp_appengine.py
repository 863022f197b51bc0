"""App Engine versions: `google_app_engine_standard_app_version` and
`google_app_engine_flexible_app_version`, as `gcp.appengine.version` (`environment`
`standard` or `flexible`). `handlers` is the list of `handlers` blocks
(`{url_regex, security_level}`, as written), absent when none is written (App Engine's
default handler then serves every URL over HTTP and HTTPS)."""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field, set_at, where
from govern.adapters.reading import MISSING, blocks_in, value_in
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "gcp.appengine.version"
_ENVIRONMENTS = {"google_app_engine_standard_app_version": "standard",
                 "google_app_engine_flexible_app_version": "flexible"}


def _finish_version(resource: Resource, native: NativeResource) -> None:
    resource.set(("environment",), _ENVIRONMENTS[native.native_type])
    blocks = blocks_in(native.attributes, "handlers")
    if isinstance(blocks, Unknown):
        set_at(resource, "handlers", blocks, where(native, "handlers", False))
        return
    if not blocks:
        return  # App Engine's default handler (see the kind)
    handlers: list[Any] = []
    set_at(resource, "handlers", handlers, where(native, "handlers", False))
    for index, block in enumerate(blocks):
        if isinstance(block, Unknown):
            handlers.append(block)
            continue
        handlers.append({name: value for name in ("url_regex", "security_level")
                         if (value := value_in(block, name)) is not MISSING})
        carry_locations(resource, native, ("handlers", index), ("handlers", index))
        carry_locations(resource, native, ("handlers", index, "security_level"),
                        ("handlers", index, "security_level"))


def _mapping() -> KindMapping:
    return KindMapping(KIND, (
        field("service"),
        field("version_id"),
    ), _finish_version)


MAPPINGS = {native_type: _mapping() for native_type in _ENVIRONMENTS}
