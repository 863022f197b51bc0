"""Logging: `aws_cloudtrail`, `aws_cloudwatch_log_group`, `aws_cloudwatch_log_metric_filter`
and `aws_cloudwatch_metric_alarm`.

A trail or log group without `kms_key_id` is encrypted with keys AWS owns (CloudTrail's
S3 server-side encryption, CloudWatch Logs' own encryption): `kms_key` is then absent.
`is_multi_region_trail` and `enable_log_file_validation` default to false,
`enable_logging` to true (the AWS provider starts logging unless told not to). A metric
filter becomes an item of the `metric_filters` of the log group its `log_group_name`
names (by reference or name; a log group not in the configuration is an external
parent), its `metric_transformation` block that item's one `metric_transformations`
item. An alarm's `actions_enabled` defaults to true.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field
from govern.adapters.cloudtrail_selectors import TERRAFORM, set_event_selectors
from govern.adapters.external import extended_list, named
from govern.adapters.reading import MISSING, blocks_in, value_at, value_in
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

LOG_GROUP = "aws.logs.log_group"
_TRANSFORMATION = {"metric_name": "name", "metric_namespace": "namespace"}


def fold_metric_filter(native: NativeResource, ctx: RootContext) -> None:
    """`aws_cloudwatch_log_metric_filter` -> an item of the `metric_filters` of the log
    group its `log_group_name` names (an external parent when it is not in the code)."""
    group = ctx.fold_target(native, "log_group_name", [LOG_GROUP], "log group",
                            external=(LOG_GROUP, "aws_cloudwatch_log_group",
                                      named(("metric_filters", "metric filters"))))
    if group is None:
        return
    ctx.absorb(native, group)
    filters = extended_list(group, "metric_filters", "metric filters")
    index = len(filters)
    item: dict[str, Any] = {}
    for name in ("name", "pattern"):
        value = value_at(native, name)
        if value not in (MISSING, None):
            item[name] = value
            carry_locations(group, native, name, ("metric_filters", index, name),
                            folded=True)
    item["metric_transformations"] = _transformations(group, native, index)
    filters.append(item)
    group.locations[("metric_filters", index)] = native.range


def _transformations(group: Resource, native: NativeResource, index: int) -> Any:
    """The `metric_transformation` blocks as canonical items."""
    found = blocks_in(native.attributes, "metric_transformation")
    if isinstance(found, Unknown):
        return found
    items: list[Any] = []
    for position, node in enumerate(found):
        if isinstance(node, Unknown):
            items.append(node)
            continue
        item = {name: value_in(node, native_name)
                for name, native_name in _TRANSFORMATION.items()
                if value_in(node, native_name) not in (MISSING, None)}
        for name, native_name in _TRANSFORMATION.items():
            if name in item:
                carry_locations(group, native, f"metric_transformation.{position}."
                                f"{native_name}", ("metric_filters", index,
                                                   "metric_transformations", position,
                                                   name), folded=True)
        items.append(item)
    return items


MAPPINGS = {
    "aws_cloudtrail": KindMapping("aws.cloudtrail.trail", (
        field("name"),
        field("kms_key", "kms_key_id"),
        field("is_multi_region_trail", default=False),
        field("log_file_validation", "enable_log_file_validation", default=False),
        field("is_logging", "enable_logging", default=True),
        field("cloud_watch_logs_group_arn"),
        field("sns_topic", "sns_topic_name"),
        field("s3_bucket_name"),
    ), lambda resource, native: set_event_selectors(resource, native, TERRAFORM)),
    "aws_cloudwatch_log_group": KindMapping("aws.logs.log_group", (
        field("name"),
        field("kms_key", "kms_key_id"),
        field("retention_in_days"),
    )),
    "aws_cloudwatch_metric_alarm": KindMapping("aws.cloudwatch.metric_alarm", (
        field("name", "alarm_name"),
        field("metric_name"),
        field("namespace"),
        field("alarm_actions"),
        field("actions_enabled", default=True),
    )),
}

FOLDERS = {"aws_cloudwatch_log_metric_filter": fold_metric_filter}
