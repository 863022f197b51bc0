"""AWS Config: `AWS::Config::ConfigurationRecorder` and
`AWS::Config::ConfigurationAggregator`.

Without `RecordingGroup` AWS records every supported regional type but the global IAM
ones (`all_supported` true, `include_global_resource_types` false); a `RecordingGroup`
that does not set `AllSupported` records only what it lists (false), as the API reads a
recording group. CloudFormation starts the recorder as soon as the delivery channel is
available: `is_enabled` is true. An aggregator's sources are its
`AccountAggregationSources` items and its `OrganizationAggregationSource`; `AllAwsRegions`
defaults to false.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field, set_default
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool
from govern.adapters.reading import MISSING, value_at, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

RECORDER = "aws.config.configuration_recorder"
AGGREGATOR = "aws.config.configuration_aggregator"


def _finish_recorder(recorder: Resource, native: NativeResource) -> None:
    if recorder.get("all_supported") is None:
        group = value_at(native, "RecordingGroup")
        if isinstance(group, Unknown):
            recorder.set(("all_supported",), group)
        else:
            set_default(recorder, "all_supported", group is MISSING)
    set_default(recorder, "is_enabled", True)


def _finish_aggregator(aggregator: Resource, native: NativeResource) -> None:
    """`sources`: the account sources, then the organization source."""
    sources: list[Any] = []
    accounts = value_at(native, "AccountAggregationSources")
    if isinstance(accounts, Unknown):
        sources.append(accounts)
    elif isinstance(accounts, list):
        for position, node in enumerate(accounts):
            _add_source(aggregator, native, sources, node,
                        ("AccountAggregationSources", position), "account")
    organization = value_at(native, "OrganizationAggregationSource")
    if organization is not MISSING:
        _add_source(aggregator, native, sources, organization,
                    ("OrganizationAggregationSource",), "organization")
    aggregator.set(("sources",), sources)


def _add_source(aggregator: Resource, native: NativeResource, sources: list[Any],
                node: Any, path: tuple[str | int, ...], source_type: str) -> None:
    index = len(sources)
    if not isinstance(node, dict):
        sources.append(node if isinstance(node, Unknown) else Unknown("not a source"))
        return
    all_regions = value_in(node, "AllAwsRegions")
    item: dict[str, Any] = {"type": source_type,
                            "all_regions": False if all_regions is MISSING
                            else to_bool(all_regions)}
    regions = value_in(node, "AwsRegions")
    if regions is not MISSING:
        item["regions"] = regions
    sources.append(item)
    carry_locations(aggregator, native, path, ("sources", index))
    if all_regions is MISSING:
        aggregator.defaulted.add(("sources", index, "all_regions"))


MAPPINGS = {
    "AWS::Config::ConfigurationRecorder": KindMapping(RECORDER, (
        field("name", "Name"),
        field("all_supported", "RecordingGroup.AllSupported", function=to_bool),
        field("include_global_resource_types", "RecordingGroup.IncludeGlobalResourceTypes",
              function=to_bool, default=False),
    ), _finish_recorder),
    "AWS::Config::ConfigurationAggregator": KindMapping(AGGREGATOR, (
        field("name", "ConfigurationAggregatorName"),
    ), _finish_aggregator),
}
