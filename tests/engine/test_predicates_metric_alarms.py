"""`trail_events_alarmed`: a metric filter on the trail's log group covering the events,
and an alarm that acts on its metric (govern/engine/predicates/metric_alarms.py)."""

from __future__ import annotations

from typing import Any

import pytest

from govern.engine.predicates import PREDICATES, PredicateContext
from govern.engine.verdict import Verdict
from govern.model.graph import Edge, ResourceGraph
from govern.model.resource import Resource
from govern.model.unknown import Undeclared, Unknown
from tests.engine.helpers import resource

PATTERN = "{ ($.eventName = StopLogging) || ($.eventName = DeleteTrail) }"
ARGS: dict[str, Any] = {"patterns": [PATTERN]}
GROUP_ARN = "arn:aws:logs:us-east-1:123456789012:log-group:cloudtrail:*"


def metric_filter(pattern: Any = PATTERN, metric: Any = "TrailChanges",
                  namespace: Any = "CIS") -> dict[str, Any]:
    return {"name": "changes", "pattern": pattern,
            "metric_transformations": [{"metric_name": metric, "metric_namespace": namespace}]}


def alarm(metric: Any = "TrailChanges", namespace: Any = "CIS",
          actions: Any = ("arn:aws:sns:us-east-1:123456789012:alerts",),
          enabled: Any = True, name: str = "a") -> Resource:
    attributes: dict[str, Any] = {"metric_name": metric, "namespace": namespace,
                                  "actions_enabled": enabled}
    if actions is not None:
        attributes["alarm_actions"] = list(actions) if isinstance(actions, tuple) \
            else actions
    return resource(attributes, f"aws_cloudwatch_metric_alarm.{name}",
                    kind="aws.cloudwatch.metric_alarm")


def judge(filters: Any, *alarms: Resource, arn: Any = GROUP_ARN, linked: bool = False,
          group_name: str = "cloudtrail", external: bool = False,
          with_group: bool = True) -> Verdict:
    trail = resource({"cloud_watch_logs_group_arn": arn}, "aws_cloudtrail.t",
                     kind="aws.cloudtrail.trail")
    graph = ResourceGraph([trail, *alarms])
    if with_group:
        attributes: dict[str, Any] = {"name": group_name}
        if filters is not None:
            attributes["metric_filters"] = filters
        group = resource(attributes, "aws_cloudwatch_log_group.g", kind="aws.logs.log_group")
        group.external = external
        graph.add(group)
        if linked:
            graph.connect(Edge(trail.id, group.id, "references"))
    return PREDICATES["trail_events_alarmed"](trail.attributes, ARGS,
                                              PredicateContext(trail, graph))


def test_a_covering_filter_with_an_acting_alarm_passes() -> None:
    assert judge([metric_filter()], alarm()).status == "pass"
    wider = "{ ($.eventName = StopLogging) || ($.eventName = DeleteTrail) || ($.x = y) }"
    assert judge([metric_filter(wider)], alarm()).status == "pass"
    # the log group designated by reference rather than by the name in a literal ARN
    assert judge([metric_filter()], alarm(), arn=Unknown("after apply"), linked=True,
                 group_name="other").status == "pass"


@pytest.mark.parametrize(("filters", "alarms", "detail"), [
    (None, [alarm()], "no metric filter on log group cloudtrail matches the events"),
    ([metric_filter("{ $.eventName = StopLogging }")], [alarm()],
     "no metric filter on log group cloudtrail matches the events"),
    ([metric_filter("StopLogging")], [alarm()],
     "no metric filter on log group cloudtrail matches the events"),
    ([metric_filter()], [], "no alarm with actions watches the metric of metric filter "
     "changes on log group cloudtrail"),
    ([metric_filter()], [alarm(actions=None)], "no alarm with actions watches the metric"
     " of metric filter changes on log group cloudtrail"),
    ([metric_filter()], [alarm(enabled=False)], "no alarm with actions watches the "
     "metric of metric filter changes on log group cloudtrail"),
    ([metric_filter()], [alarm(namespace="Other")], "no alarm with actions watches the "
     "metric of metric filter changes on log group cloudtrail"),
])
def test_what_fails(filters: Any, alarms: list[Resource], detail: str) -> None:
    verdict = judge(filters, *alarms)
    assert (verdict.status, verdict.detail, verdict.path) == (
        "fail", detail, ("cloud_watch_logs_group_arn",))


@pytest.mark.parametrize(("filters", "alarms", "kwargs"), [
    ([metric_filter(Unknown("var.pattern"))], [alarm()], {}),
    ([metric_filter()], [alarm(metric=Unknown("after apply"))], {}),
    ([metric_filter()], [alarm(actions=Unknown("var.actions"))], {}),
    ([metric_filter()], [alarm(enabled=Unknown("var.enabled"))], {}),
    (Unknown("DescribeMetricFilters denied"), [alarm()], {}),
    ([Undeclared("declared elsewhere")], [alarm()], {"external": True}),
    ([metric_filter()], [alarm()], {"with_group": False}),
    ([metric_filter()], [alarm()], {"arn": Unknown("after apply")}),  # no edge, no name
])
def test_what_is_unknown(filters: Any, alarms: list[Resource], kwargs: Any) -> None:
    assert judge(filters, *alarms, **kwargs).status == "unknown"


def test_a_known_match_wins_over_what_is_not_known() -> None:
    filters = [Undeclared("declared elsewhere"), metric_filter()]
    assert judge(filters, alarm(), external=True).status == "pass"


def test_a_log_group_of_another_deployment_is_not_the_trails() -> None:
    trail = resource({"cloud_watch_logs_group_arn": GROUP_ARN}, "aws_cloudtrail.t",
                     kind="aws.cloudtrail.trail")
    group = resource({"name": "cloudtrail", "metric_filters": [metric_filter()]},
                     "aws_cloudwatch_log_group.g", kind="aws.logs.log_group")
    group.context = "elsewhere"
    verdict = PREDICATES["trail_events_alarmed"](
        trail.attributes, ARGS, PredicateContext(trail, ResourceGraph([trail, group])))
    assert verdict.status == "unknown"


def test_an_unreadable_rule_pattern_is_unknown() -> None:
    trail = resource({"cloud_watch_logs_group_arn": GROUP_ARN}, "aws_cloudtrail.t",
                     kind="aws.cloudtrail.trail")
    verdict = PREDICATES["trail_events_alarmed"](
        trail.attributes, {"patterns": ["ERROR"]}, PredicateContext(trail, ResourceGraph()))
    assert verdict.status == "unknown"
