"""Logging: `AWS::CloudTrail::Trail`, `AWS::Logs::LogGroup`, `AWS::Logs::MetricFilter` and
`AWS::CloudWatch::Alarm` (defaults as in the Terraform adapter: no `kms_key` means keys
AWS owns; `is_multi_region_trail` and `log_file_validation` default to false; an alarm's
`ActionsEnabled` to true). A metric filter is an item of the `metric_filters` of the log
group its `LogGroupName` names. `IsLogging` is a required property of a trail: a template
without it is not deployed, and `is_logging` stays absent."""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.context import TemplateContext
from govern.adapters.cloudformation.values import to_bool
from govern.adapters.cloudtrail_selectors import CLOUDFORMATION, set_event_selectors
from govern.adapters.external import extended_list, named
from govern.adapters.reading import MISSING, value_at, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

LOG_GROUP = "aws.logs.log_group"
_TRANSFORMATION = {"metric_name": "MetricName", "metric_namespace": "MetricNamespace"}


def fold_metric_filter(native: NativeResource, ctx: TemplateContext) -> None:
    """`AWS::Logs::MetricFilter` -> an item of the `metric_filters` of the log group its
    `LogGroupName` names (`!Ref` of a log group, or its name; else an external parent)."""
    group = ctx.fold_target(native, "LogGroupName", [LOG_GROUP], "log group",
                            external=(LOG_GROUP, "AWS::Logs::LogGroup",
                                      named(("metric_filters", "metric filters"))))
    if group is None:
        return
    ctx.absorb(native, group)
    filters = extended_list(group, "metric_filters", "metric filters")
    index = len(filters)
    item: dict[str, Any] = {}
    for name, prop in (("name", "FilterName"), ("pattern", "FilterPattern")):
        value = value_at(native, prop)
        if value is not MISSING:
            item[name] = value
            carry_locations(group, native, prop, ("metric_filters", index, name),
                            folded=True)
    item["metric_transformations"] = _transformations(group, native, index)
    filters.append(item)
    group.locations[("metric_filters", index)] = native.range


def _transformations(group: Resource, native: NativeResource, index: int) -> Any:
    """`MetricTransformations` as canonical items."""
    found = value_at(native, "MetricTransformations")
    if found is MISSING:
        return []
    if not isinstance(found, list):
        return found if isinstance(found, Unknown) else Unknown("not a list")
    items: list[Any] = []
    for position, node in enumerate(found):
        if not isinstance(node, dict):
            items.append(node if isinstance(node, Unknown) else Unknown("not a map"))
            continue
        item = {name: value_in(node, prop) for name, prop in _TRANSFORMATION.items()
                if value_in(node, prop) is not MISSING}
        for name, prop in _TRANSFORMATION.items():
            if name in item:
                carry_locations(group, native, ("MetricTransformations", position, prop),
                                ("metric_filters", index, "metric_transformations",
                                 position, name), folded=True)
        items.append(item)
    return items


MAPPINGS = {
    "AWS::CloudTrail::Trail": KindMapping("aws.cloudtrail.trail", (
        field("name", "TrailName"),
        field("kms_key", "KMSKeyId"),
        field("is_multi_region_trail", "IsMultiRegionTrail", function=to_bool, default=False),
        field("log_file_validation", "EnableLogFileValidation", function=to_bool,
              default=False),
        field("is_logging", "IsLogging", function=to_bool),
        field("cloud_watch_logs_group_arn", "CloudWatchLogsLogGroupArn"),
        field("sns_topic", "SnsTopicName"),
        field("s3_bucket_name", "S3BucketName"),
    ), lambda resource, native: set_event_selectors(resource, native, CLOUDFORMATION)),
    "AWS::Logs::LogGroup": KindMapping("aws.logs.log_group", (
        field("name", "LogGroupName"),
        field("kms_key", "KmsKeyId"),
        field("retention_in_days", "RetentionInDays"),
    )),
    "AWS::CloudWatch::Alarm": KindMapping("aws.cloudwatch.metric_alarm", (
        field("name", "AlarmName"),
        field("metric_name", "MetricName"),
        field("namespace", "Namespace"),
        field("alarm_actions", "AlarmActions"),
        field("actions_enabled", "ActionsEnabled", function=to_bool, default=True),
    )),
}

FOLDERS = {"AWS::Logs::MetricFilter": fold_metric_filter}
