"""The CIS 4.x monitoring rules (GOV-AWS-132 to GOV-AWS-146) on a live account made in
moto: a multi-region trail delivering to a log group, metric filters on that group
(govern/collect/aws/messaging.py reads them with DescribeMetricFilters) and alarms on their
metrics (govern/collect/aws/cloudwatch_alarms.py, DescribeAlarms). Also the log group's
retention (GOV-AWS-147) and the alarms' actions (GOV-AWS-148)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

RULES = ("GOV-AWS-132", "GOV-AWS-133", "GOV-AWS-134", "GOV-AWS-135", "GOV-AWS-136",
         "GOV-AWS-137", "GOV-AWS-138", "GOV-AWS-139", "GOV-AWS-140", "GOV-AWS-141",
         "GOV-AWS-142", "GOV-AWS-143", "GOV-AWS-144", "GOV-AWS-145", "GOV-AWS-146")
ROOT = ('{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && '
        '$.eventType != "AwsServiceEvent" }')
TRAIL_CHANGES = ("{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || "
                 "($.eventName = DeleteTrail) || ($.eventName = StartLogging) || "
                 "($.eventName = StopLogging) }")
NO_MFA = '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
BUCKET = "govern-monitored-trail"


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    client(moto_endpoint, "s3").create_bucket(Bucket=BUCKET)
    logs = client(moto_endpoint, "logs")
    logs.create_log_group(logGroupName="cloudtrail")
    group_arn = f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:cloudtrail:*"
    cloudtrail = client(moto_endpoint, "cloudtrail")
    trail = cloudtrail.create_trail(
        Name="monitored", S3BucketName=BUCKET, IsMultiRegionTrail=True,
        CloudWatchLogsLogGroupArn=group_arn,
        CloudWatchLogsRoleArn=f"arn:aws:iam::{ACCOUNT}:role/cloudtrail-to-logs")["TrailARN"]
    cloudtrail.start_logging(Name=trail)
    topic = client(moto_endpoint, "sns").create_topic(Name="security-alerts")["TopicArn"]
    cloudwatch = client(moto_endpoint, "cloudwatch")

    def watched(metric: str, pattern: str, *actions: str) -> None:
        logs.put_metric_filter(logGroupName="cloudtrail", filterName=metric,
                               filterPattern=pattern, metricTransformations=[{
                                   "metricName": metric, "metricNamespace": "CISBenchmark",
                                   "metricValue": "1"}])
        cloudwatch.put_metric_alarm(
            AlarmName=metric, MetricName=metric, Namespace="CISBenchmark", Statistic="Sum",
            Period=300, EvaluationPeriods=1, Threshold=1,
            ComparisonOperator="GreaterThanOrEqualToThreshold", AlarmActions=list(actions))

    watched("RootAccountUsage", ROOT, topic)
    watched("CloudTrailChanges", TRAIL_CHANGES, topic)
    watched("ConsoleSignInWithoutMfa", NO_MFA)  # an alarm that notifies nobody
    logs.create_log_group(logGroupName="short-lived")
    logs.put_retention_policy(logGroupName="short-lived", retentionInDays=30)
    cloudwatch.put_metric_alarm(
        AlarmName="silenced", MetricName="Errors", Namespace="App", Statistic="Sum",
        Period=300, EvaluationPeriods=1, Threshold=1, ActionsEnabled=False,
        ComparisonOperator="GreaterThanOrEqualToThreshold", AlarmActions=[topic])
    alarm = f"arn:aws:cloudwatch:{REGION}:{ACCOUNT}:alarm:"
    group = f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:"
    return {"trail": trail, "alarm": alarm + "RootAccountUsage",
            "silenced": alarm + "silenced", "trail_group": group + "cloudtrail",
            "short_lived": group + "short-lived"}


def test_only_the_events_with_a_filter_and_an_acting_alarm_pass(
        moto_endpoint: str, made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule in RULES}
    watched = {"GOV-AWS-134", "GOV-AWS-136"}  # root usage, CloudTrail changes
    assert found == {(rule, "trail", "fail") for rule in RULES if rule not in watched}


def test_retention_and_alarm_actions(moto_endpoint: str, made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule in ("GOV-AWS-147", "GOV-AWS-148")}
    # the trail's log group never expires; the other alarms act
    assert found == {("GOV-AWS-147", "short_lived", "fail"),
                     ("GOV-AWS-148", "silenced", "fail")}


def test_filters_and_alarms_are_read(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    group = resources[f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:cloudtrail"]
    filters = {f["name"]: f for f in group.attributes["metric_filters"]}
    assert filters["RootAccountUsage"] == {
        "name": "RootAccountUsage", "pattern": ROOT, "metric_transformations": [
            {"metric_name": "RootAccountUsage", "metric_namespace": "CISBenchmark"}]}
    alarm: Any = resources[made["alarm"]].attributes
    assert (alarm["metric_name"], alarm["namespace"], alarm["actions_enabled"]) == (
        "RootAccountUsage", "CISBenchmark", True)
    assert alarm["alarm_actions"] == [f"arn:aws:sns:{REGION}:{ACCOUNT}:security-alerts"]


def test_filters_that_cannot_be_read_make_every_rule_unknown(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "logs.DescribeMetricFilters")
    found = {(rule, role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule in RULES}
    assert found == {(rule, "trail", "unknown") for rule in RULES}
