"""CloudTrail event selectors: does a trail log the S3 object-level (data) events of
every bucket, for writes or reads?

A trail logs S3 data events through basic event selectors (`data_resources` of type
`AWS::S3::Object` whose `values` include `arn:<partition>:s3`, every bucket, with a
`read_write_type` of `All` or the access asked about) or advanced ones (field selectors
`eventCategory` = `Data` and `resources.type` = `AWS::S3::Object`, with no other condition
that narrows the events, except `readOnly` for the access asked about and
`resources.ARN` starting with `arn:<partition>:s3` or `arn:<partition>:s3:::`).
https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from govern.engine.predicates.base import ArgSpec, PredicateContext, Tri, all3
from govern.engine.predicates.base import predicate as declare
from govern.engine.verdict import Verdict, failed, passed, unknown
from govern.model.unknown import Unknown

S3_OBJECT = "AWS::S3::Object"
EVERY_BUCKET = re.compile(r"^arn:aws[a-z-]*:s3(:::)?$")
_READ_ONLY = {"write": "false", "read": "true"}  # the `readOnly` value of each access
_TYPES = {"write": "WriteOnly", "read": "ReadOnly"}


def trail_logs_s3_object_events(value: Any, args: Mapping[str, Any],
                                ctx: PredicateContext) -> Verdict:
    """The trail's basic or advanced event selectors log the S3 object-level events of
    every bucket for the access of `access` (`write` or `read`).

    `value` is the trail's attributes (no `attr`). Fails when no selector does (a trail
    without selectors logs management events only); unknown when a selector that is not
    known might. Detail `no event selector logs S3 object write events of every bucket`."""
    access = str((args.get("access") or [""])[0])
    if access not in _READ_ONLY:
        return unknown((), "the rule's `access` must be `write` or `read`")
    attributes = value if isinstance(value, Mapping) else {}
    states: list[tuple[Tri, tuple[Any, ...]]] = []
    for key, judge in (("event_selectors", _basic), ("advanced_event_selectors", _advanced)):
        selectors = attributes.get(key)
        if selectors is None:
            continue
        if isinstance(selectors, Unknown) or not isinstance(selectors, list):
            states.append((None, (key,)))
            continue
        states += [(judge(s, access) if isinstance(s, Mapping) else None, (key, index))
                   for index, s in enumerate(selectors)]
    found = next((path for state, path in states if state is True), None)
    if found is not None:
        return passed(found)
    what = f"S3 object {access} events of every bucket"
    doubt = next((path for state, path in states if state is None), None)
    if doubt is not None:
        return unknown(doubt, f"an event selector that is not known may log {what}")
    return failed((), f"no event selector logs {what}")


def _basic(selector: Mapping[str, Any], access: str) -> Tri:
    kind = selector.get("read_write_type", "All")
    right: Tri = None if isinstance(kind, Unknown) else kind in ("All", _TYPES[access])
    resources = selector.get("data_resources") or []
    if isinstance(resources, Unknown) or not isinstance(resources, list):
        return all3((right, None))
    covered: Tri = False
    for resource in resources:
        state = _every_object(resource) if isinstance(resource, Mapping) else None
        if state is True:
            covered = True
            break
        if state is None:
            covered = None
    return all3((right, covered))


def _every_object(resource: Mapping[str, Any]) -> Tri:
    kind, values = resource.get("type"), resource.get("values")
    if isinstance(kind, Unknown):
        return None
    if kind != S3_OBJECT:
        return False
    return _some_every_bucket(values)


def _some_every_bucket(values: Any) -> Tri:
    """Does one of the ARN prefixes `values` cover every bucket?"""
    if isinstance(values, Unknown) or not isinstance(values, list):
        return None if isinstance(values, Unknown) else False
    state: Tri = False
    for item in values:
        if isinstance(item, Unknown):
            state = None
        elif isinstance(item, str) and EVERY_BUCKET.match(item):
            return True
    return state


def _advanced(selector: Mapping[str, Any], access: str) -> Tri:
    fields = selector.get("field_selectors")
    if isinstance(fields, Unknown) or not isinstance(fields, list):
        return None
    seen: dict[str, Tri] = {"eventCategory": False, "resources.type": False}
    states: list[Tri] = []
    for item in fields:
        if not isinstance(item, Mapping) or isinstance(item.get("field"), Unknown):
            states.append(None)
            continue
        name = item.get("field")
        state = _field(str(name), item, access)
        if name in seen:
            seen[str(name)] = state
        else:
            states.append(state)
    return all3((*seen.values(), *states))


def _field(name: str, item: Mapping[str, Any], access: str) -> Tri:
    """Does this field selector keep every S3 object event of `access` (True), narrow them
    (False), or is that not known (None)?"""
    operators = {k: v for k, v in item.items() if k != "field" and v != []}  # [] is unset
    if any(isinstance(v, Unknown) for v in operators.values()):
        return None
    if name == "eventCategory":
        return set(operators) == {"equals"} and "Data" in _strings(operators["equals"])
    if name == "resources.type":
        return set(operators) == {"equals"} and S3_OBJECT in _strings(operators["equals"])
    if name == "readOnly":
        wanted = _READ_ONLY[access]
        if set(operators) == {"equals"}:
            return wanted in _strings(operators["equals"])
        if set(operators) == {"not_equals"}:
            return wanted not in _strings(operators["not_equals"])
        return False
    if name == "resources.ARN" and set(operators) == {"starts_with"}:
        return _some_every_bucket(operators["starts_with"])
    return False


def _strings(value: Any) -> list[str]:
    """The string values of an operator (a boolean, as YAML may read `false`, in the
    lower case CloudTrail compares)."""
    items = value if isinstance(value, list) else [value]
    return [str(item).lower() if isinstance(item, bool) else item for item in items
            if isinstance(item, str | bool)]


PREDICATES = (declare(trail_logs_s3_object_events, access=ArgSpec("strings", required=True)),)
