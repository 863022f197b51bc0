"""AWS Config: `aws_config_configuration_recorder` (with the
`aws_config_configuration_recorder_status` that names it folded in) and
`aws_config_configuration_aggregator`.

A recorder records every supported regional type when its `recording_group` does not say
otherwise (`all_supported` defaults to true, with or without the block) and leaves out the
global IAM types unless `include_global_resource_types` is true. Creating a recorder does
not start it: `is_enabled` is false unless a status resource naming it (by `name`) says
otherwise; a status naming a recorder that is not in the configuration is judged on an
external parent. An aggregator has one source, `account_aggregation_source` or
`organization_aggregation_source`, whose `all_regions` defaults to false.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, clear, copy, field, set_default
from govern.adapters.external import named
from govern.adapters.reading import MISSING, blocks_in, value_in
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

RECORDER = "aws.config.configuration_recorder"
AGGREGATOR = "aws.config.configuration_aggregator"
_GROUP = "recording_group.0."
SOURCE_BLOCKS = {"account_aggregation_source": "account",
                 "organization_aggregation_source": "organization"}


def _finish_recorder(recorder: Resource, native: NativeResource) -> None:
    set_default(recorder, "is_enabled", False)


def fold_status(native: NativeResource, ctx: RootContext) -> None:
    """`aws_config_configuration_recorder_status` -> `is_enabled` of the recorder it names
    (a required argument: a status without it is not valid, and leaves it absent)."""
    recorder = ctx.fold_target(native, "name", [RECORDER], "configuration recorder",
                               external=(RECORDER, "aws_config_configuration_recorder",
                                         named()))
    if recorder is None:
        return
    ctx.absorb(native, recorder)
    clear(recorder, "is_enabled")
    copy(recorder, native, "is_enabled", "is_enabled", folded=True)


def _finish_aggregator(aggregator: Resource, native: NativeResource) -> None:
    """`sources`: one item per source block (an Unknown one for a block not known)."""
    sources: list[Any] = []
    for block, source_type in SOURCE_BLOCKS.items():
        found = blocks_in(native.attributes, block)
        if isinstance(found, Unknown):
            sources.append(found)
            continue
        for position, node in enumerate(found):
            index = len(sources)
            if isinstance(node, Unknown):
                sources.append(node)
                continue
            item: dict[str, Any] = {"type": source_type}
            prefix = f"{block}.{position}"
            all_regions = value_in(node, "all_regions")
            item["all_regions"] = False if all_regions in (MISSING, None) else all_regions
            regions = value_in(node, "regions")
            if regions not in (MISSING, None):
                item["regions"] = regions
            sources.append(item)
            carry_locations(aggregator, native, prefix, ("sources", index))
            if all_regions in (MISSING, None):
                aggregator.defaulted.add(("sources", index, "all_regions"))
    aggregator.set(("sources",), sources)


MAPPINGS = {
    "aws_config_configuration_recorder": KindMapping(RECORDER, (
        field("name"),
        field("all_supported", _GROUP + "all_supported", default=True),
        field("include_global_resource_types", _GROUP + "include_global_resource_types",
              default=False),
    ), _finish_recorder),
    "aws_config_configuration_aggregator": KindMapping(AGGREGATOR, (
        field("name"),
    ), _finish_aggregator),
}

FOLDERS = {"aws_config_configuration_recorder_status": fold_status}
