"""Cloud DNS: `google_dns_managed_zone`. `visibility` defaults to `public` and
`dnssec_state` (`dnssec_config.state`) to `off`, as in Cloud DNS; `dnssec_key_specs` is
the list of `dnssec_config.default_key_specs` blocks (`{key_type, algorithm}`, as written),
absent when none is written."""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field, set_at, where
from govern.adapters.reading import MISSING, blocks_in, first_block, value_in
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def _finish_zone(resource: Resource, native: NativeResource) -> None:
    config = first_block(native.attributes, "dnssec_config")
    if config is MISSING:
        return
    if isinstance(config, Unknown):
        set_at(resource, "dnssec_key_specs", config, where(native, "dnssec_config", False))
        return
    blocks = blocks_in(config, "default_key_specs")
    at = ("dnssec_config", 0, "default_key_specs")
    if isinstance(blocks, Unknown):
        set_at(resource, "dnssec_key_specs", blocks, where(native, at, False))
        return
    if not blocks:
        return
    specs: list[Any] = []
    set_at(resource, "dnssec_key_specs", specs, where(native, at, False))
    for index, block in enumerate(blocks):
        if isinstance(block, Unknown):
            specs.append(block)
            continue
        specs.append({name: value for name in ("key_type", "algorithm")
                      if (value := value_in(block, name)) is not MISSING})
        carry_locations(resource, native, (*at, index), ("dnssec_key_specs", index))
        carry_locations(resource, native, (*at, index, "algorithm"),
                        ("dnssec_key_specs", index, "algorithm"))


MAPPINGS = {
    "google_dns_managed_zone": KindMapping("gcp.dns.managed_zone", (
        field("name"),
        field("dns_name"),
        field("visibility", default="public"),
        field("dnssec_state", "dnssec_config.0.state", default="off"),
    ), _finish_zone),
}
