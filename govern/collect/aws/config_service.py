"""AWS Config in a region (docs/live-aws.md): configuration recorders
(DescribeConfigurationRecorders, with their status from
DescribeConfigurationRecorderStatus) as `aws.config.configuration_recorder`, and
configuration aggregators (DescribeConfigurationAggregators, paginated; tags with
ListTagsForResource) as `aws.config.configuration_aggregator`.

A recorder's `all_supported` and `include_global_resource_types` come from its
`recordingGroup` (AWS's defaults, true and false, when the answer leaves them out);
`is_enabled` is the `recording` flag of its status (false when no status is listed for it:
a recorder never started; Unknown when the status listing fails). IAM actions
`config:DescribeConfigurationRecorders`, `config:DescribeConfigurationRecorderStatus`,
`config:DescribeConfigurationAggregators`, `config:ListTagsForResource`.
"""

from __future__ import annotations

from typing import Any

from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_tags, tag_map
from govern.model.resource import Resource

RECORDER = "aws.config.configuration_recorder"
AGGREGATOR = "aws.config.configuration_aggregator"


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    config = clients("config")
    return [*recorders(config, reader, account, region),
            *aggregators(config, reader, account, region)]


def recorders(config: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    listing = reader.listing(config, "DescribeConfigurationRecorders", region,
                             "ConfigurationRecorders")
    if not isinstance(listing, list) or not listing:
        return []
    statuses = reader.listing(config, "DescribeConfigurationRecorderStatus", region,
                              "ConfigurationRecordersStatus")
    recording = {str(s.get("name")): bool(s.get("recording", False))
                 for s in statuses} if isinstance(statuses, list) else {}
    found = []
    for item in listing:
        name = str(item["name"])
        arn = str(item.get("arn") or
                  f"arn:aws:config:{region}:{account}:configuration-recorder/{name}")
        recorder = live_resource(arn, RECORDER, "AWS::Config::ConfigurationRecorder",
                                 account, region)
        recorder.set("name", name)
        group = item.get("recordingGroup") or {}
        recorder.set("all_supported", bool(group.get("allSupported", True)))
        recorder.set("include_global_resource_types",
                     bool(group.get("includeGlobalResourceTypes", False)))
        recorder.set("is_enabled", statuses.unknown if isinstance(statuses, Failed)
                     else recording.get(name, False))
        found.append(recorder)
    return found


def aggregators(config: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    found = []
    for item in listed(reader.pages(config, "DescribeConfigurationAggregators", region,
                                    "ConfigurationAggregators")):
        name = str(item["ConfigurationAggregatorName"])
        arn = str(item.get("ConfigurationAggregatorArn") or
                  f"arn:aws:config:{region}:{account}:config-aggregator/{name}")
        aggregator = live_resource(arn, AGGREGATOR, "AWS::Config::ConfigurationAggregator",
                                   account, region)
        aggregator.set("name", name)
        sources = [canonical_source(s, "account")
                   for s in item.get("AccountAggregationSources") or []]
        if item.get("OrganizationAggregationSource"):
            sources.append(canonical_source(item["OrganizationAggregationSource"],
                                            "organization"))
        aggregator.set("sources", sources)
        set_tags(aggregator, reader.call(config, "ListTagsForResource", arn,
                                         ResourceArn=arn),
                 lambda answer: tag_map(answer.get("Tags")))
        found.append(aggregator)
    return found


def canonical_source(source: dict[str, Any], source_type: str) -> dict[str, Any]:
    """`{type, all_regions[, regions]}` of an account or organization source."""
    item: dict[str, Any] = {"type": source_type,
                            "all_regions": bool(source.get("AllAwsRegions", False))}
    if source.get("AwsRegions"):
        item["regions"] = [str(r) for r in source["AwsRegions"]]
    return item
