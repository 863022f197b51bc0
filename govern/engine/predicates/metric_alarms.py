"""Is an event of a CloudTrail trail's log stream watched: a metric filter on the trail's
CloudWatch Logs log group that matches the events, and an alarm on its metric that acts?

This is how CIS AWS Foundations section 4 asks for monitoring (4.1 to 4.15): the trail
delivers to a log group; a metric filter on that group turns the matching events into a
metric; an alarm on that metric notifies someone. For one trail (a rule applies it to the
multi-region trails that log and deliver to CloudWatch Logs):

- the log group is the one the trail's `cloud_watch_logs_group_arn` designates: by
  reference (an edge), or by the name in its ARN (`arn:...:log-group:NAME:*`) among the
  log groups of the trail's deployment (live: of the ARN's account and region);
- a filter matches when its pattern covers every pattern of `patterns`
  (`govern.engine.predicates.filter_patterns.covers`);
- an alarm watches a filter's metric when its `metric_name` and `namespace` are those of
  one of the filter's `metric_transformations`; it acts when it has at least one
  `alarm_actions` entry and its actions are enabled. Alarms are looked for among those of
  the log group's deployment (live: its region).

Pass when a matching filter has an acting alarm; unknown when one could (a pattern, a
metric name or an action known only at apply time, filters declared outside the scanned
code, a log group the scanned code does not hold); fail otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from govern.engine.predicates.base import ArgSpec, PredicateContext, Tri
from govern.engine.predicates.base import predicate as declare
from govern.engine.predicates.filter_patterns import Alternatives, alternatives, covers
from govern.engine.verdict import Verdict, failed, passed, unknown
from govern.model.graph import ResourceGraph
from govern.model.resource import Resource
from govern.model.unknown import Unknown

LOG_GROUP = "aws.logs.log_group"
ALARM = "aws.cloudwatch.metric_alarm"
_GROUP_ARN = re.compile(r"^arn:[^:]+:logs:([^:]*):([^:]*):log-group:([^:]+)(?::\*)?$")
_PATH = ("cloud_watch_logs_group_arn",)


def trail_events_alarmed(value: Any, args: Mapping[str, Any],
                         ctx: PredicateContext) -> Verdict:
    """A metric filter on the trail's CloudWatch Logs log group matches the events of
    `patterns` and an alarm with actions watches its metric.

    `value` is the trail's attributes (no `attr`). Detail: what is missing, e.g.
    `no metric filter on log group cloudtrail matches the events`."""
    wanted = [alternatives(p) for p in args.get("patterns", ())]
    readable = [w for w in wanted if w is not None]
    if len(readable) != len(wanted) or not readable:
        return unknown(_PATH, "a pattern of the rule is not a JSON filter pattern")
    groups = trail_log_groups(ctx.resource, ctx.graph)
    if not groups:
        return unknown(_PATH, "the trail's log group is not in the scanned code: its "
                       "metric filters and alarms are not known")
    judged = [_judge_group(group, readable, ctx.graph) for group in groups]
    if any(state is True for state, _ in judged):
        return passed(_PATH)
    if any(state is None for state, _ in judged):
        return unknown(_PATH, next(why for state, why in judged if state is None))
    return failed(_PATH, judged[0][1])


def trail_log_groups(trail: Resource, graph: ResourceGraph) -> list[Resource]:
    """The log groups the trail's `cloud_watch_logs_group_arn` designates."""
    found = [r for r in graph.related(trail, "references") if r.kind == LOG_GROUP]
    arn = trail.get("cloud_watch_logs_group_arn")
    match = _GROUP_ARN.match(arn) if isinstance(arn, str) else None
    if match is not None:
        region, account, name = match.groups()
        contexts = {trail.context, f"aws:{account}:{region}"}
        found += [r for r in graph.with_value(LOG_GROUP, "name", name)
                  if r.context in contexts and r not in found]
    return found


def _judge_group(group: Resource, wanted: list[Alternatives],
                 graph: ResourceGraph) -> tuple[Tri, str]:
    name = group.get("name")
    label = f"log group {name}" if isinstance(name, str) else f"log group {group.address}"
    filters = group.get("metric_filters")
    if isinstance(filters, Unknown):
        return None, f"the metric filters of {label} are not known ({filters.reason})"
    alarms = graph.in_context(ALARM, group.context)
    maybe = ""
    matched: list[str] = []
    for item in filters or ():
        if not isinstance(item, dict):
            maybe = maybe or f"{label} has metric filters declared outside the scanned code"
            continue
        pattern = item.get("pattern")
        if isinstance(pattern, Unknown):
            maybe = maybe or f"the pattern of a metric filter on {label} is not known"
            continue
        readable = alternatives(pattern) if isinstance(pattern, str) else None
        if readable is None or not all(covers(readable, w) for w in wanted):
            continue
        matched.append(str(item.get("name") or "?"))
        state, why = _alarmed(item.get("metric_transformations"), alarms)
        if state is True:
            return True, ""
        if state is None:
            maybe = maybe or why
    if maybe:
        return None, maybe
    if matched:
        return False, (f"no alarm with actions watches the metric of metric filter "
                       f"{', '.join(matched)} on {label}")
    return False, f"no metric filter on {label} matches the events"


def _alarmed(transformations: Any, alarms: Iterable[Resource]) -> tuple[Tri, str]:
    if isinstance(transformations, Unknown):
        return None, "a metric filter's metric is not known"
    result: Tri = False
    why = ""
    for metric in transformations or ():
        if not isinstance(metric, dict):
            return None, "a metric filter's metric is not known"
        for alarm in alarms:
            state = _all(_same(alarm.get("metric_name"), metric.get("metric_name")),
                         _same(alarm.get("namespace"), metric.get("metric_namespace")),
                         _acts(alarm))
            if state is True:
                return True, ""
            if state is None and result is False:
                result, why = None, f"whether alarm {alarm.address} watches the metric " \
                    "and acts is not known"
    return result, why


def _same(one: Any, other: Any) -> Tri:
    if isinstance(one, Unknown) or isinstance(other, Unknown):
        return None
    return isinstance(one, str) and one == other


def _acts(alarm: Resource) -> Tri:
    enabled = alarm.get("actions_enabled")
    actions = alarm.get("alarm_actions")
    if enabled is False:
        return False
    if isinstance(actions, Unknown):
        return None
    has = isinstance(actions, list) and len(actions) > 0
    if not has:
        return False
    return None if isinstance(enabled, Unknown) else True


def _all(*states: Tri) -> Tri:
    if any(s is False for s in states):
        return False
    return None if any(s is None for s in states) else True


PREDICATES = (declare(trail_events_alarmed, looks_up=(LOG_GROUP, ALARM),
                      patterns=ArgSpec("strings", required=True)),)
