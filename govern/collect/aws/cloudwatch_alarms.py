"""CloudWatch metric alarms of a region (DescribeAlarms, paginated; tags with
ListTagsForResource) as `aws.cloudwatch.metric_alarm`: `name`, `metric_name` and
`namespace` (absent for an alarm on a metric math expression), `alarm_actions`,
`actions_enabled` and `tags` (docs/live-aws.md). Composite alarms watch no metric and are
not read. IAM actions `cloudwatch:DescribeAlarms`, `cloudwatch:ListTagsForResource`."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_optional, set_tags, tag_map
from govern.model.resource import Resource

KIND = "aws.cloudwatch.metric_alarm"
NATIVE_TYPE = "AWS::CloudWatch::Alarm"


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    return alarms(clients("cloudwatch"), reader, account, region)


def alarms(cloudwatch: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    found = []
    for item in listed(reader.pages(cloudwatch, "DescribeAlarms", region, "MetricAlarms",
                                    AlarmTypes=["MetricAlarm"])):
        name = str(item["AlarmName"])
        arn = str(item.get("AlarmArn") or f"arn:aws:cloudwatch:{region}:{account}:alarm:{name}")
        alarm = live_resource(arn, KIND, NATIVE_TYPE, account, region)
        alarm.set("name", name)
        set_optional(alarm, "metric_name", item.get("MetricName"))
        set_optional(alarm, "namespace", item.get("Namespace"))
        if item.get("AlarmActions"):
            alarm.set("alarm_actions", [str(a) for a in item["AlarmActions"]])
        alarm.set("actions_enabled", bool(item.get("ActionsEnabled", True)))
        set_tags(alarm, reader.call(cloudwatch, "ListTagsForResource", arn, ResourceARN=arn),
                 lambda answer: tag_map(answer.get("Tags")))
        found.append(alarm)
    return found
