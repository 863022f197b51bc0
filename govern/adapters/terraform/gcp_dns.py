"""Cloud DNS: `google_dns_managed_zone`. `visibility` defaults to `public` and
`dnssec_state` (`dnssec_config.state`) to `off`, as in Cloud DNS; `dnssec_key_specs` is
the list of `dnssec_config.default_key_specs` blocks (`{key_type, algorithm}`, as written),
absent when none is written.

`google_dns_policy`: `logging_enabled` is `enable_logging` (false when not written);
`networks` the `network_url` of each `networks` block (always present, `[]` without one).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field, set_at, set_default, where
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


def _finish_policy(resource: Resource, native: NativeResource) -> None:
    blocks = blocks_in(native.attributes, "networks")
    at = where(native, "networks", False)
    if isinstance(blocks, Unknown):
        set_at(resource, "networks", blocks, at)
        return
    if not blocks:
        set_default(resource, "networks", [])
        return
    networks: list[Any] = []
    set_at(resource, "networks", networks, at)
    for index, block in enumerate(blocks):
        url = value_in(block, "network_url")
        networks.append(Unknown("the network is not written") if url is MISSING else url)
        carry_locations(resource, native, ("networks", index), ("networks", index))


MAPPINGS = {
    "google_dns_managed_zone": KindMapping("gcp.dns.managed_zone", (
        field("name"),
        field("dns_name"),
        field("visibility", default="public"),
        field("dnssec_state", "dnssec_config.0.state", default="off"),
    ), _finish_zone),
    "google_dns_policy": KindMapping("gcp.dns.policy", (
        field("name"),
        field("logging_enabled", "enable_logging", default=False),
    ), _finish_policy),
}
