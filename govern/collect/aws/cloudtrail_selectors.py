"""A trail's event selectors, read live with GetEventSelectors (basic `EventSelectors` or
`AdvancedEventSelectors`, in CloudFormation's names), as the adapters build them."""

from __future__ import annotations

from typing import Any

from govern.adapters.cloudtrail_selectors import LIVE, event_selectors
from govern.adapters.reading import MISSING
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.values import maybe_absent
from govern.model.resource import Resource


def read_event_selectors(cloudtrail: Any, reader: Reader, trail: Resource, arn: str) -> None:
    """Sets `event_selectors` / `advanced_event_selectors` from the answer (a trail that
    never set any answers with AWS's default basic selector); when the call fails, both
    are Unknown, maybe absent."""
    answer = reader.call(cloudtrail, "GetEventSelectors", arn, TrailName=arn)
    if isinstance(answer, Failed):
        for path in ("event_selectors", "advanced_event_selectors"):
            trail.set(path, maybe_absent(answer.unknown))
        return
    basic, advanced = event_selectors(answer or {}, LIVE)
    for path, value in (("event_selectors", basic), ("advanced_event_selectors", advanced)):
        if value is not MISSING and value != []:
            trail.set(path, value)
