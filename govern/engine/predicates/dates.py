"""Dates that must not have passed: the expiry of a certificate.

The verdict depends on when the scan runs, as expiry does: a certificate valid today fails
the day after it expires. The time is the scan's clock in UTC (`now`, which tests can
replace).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from govern.engine.predicates.base import PredicateContext
from govern.engine.predicates.base import predicate as declare
from govern.engine.verdict import Verdict, failed, passed, unknown
from govern.model.unknown import Unknown

_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def _utc_now() -> datetime:
    return datetime.now(UTC)


now: Callable[[], datetime] = _utc_now


def not_expired(value: Any, args: Mapping[str, Any], ctx: PredicateContext) -> Verdict:
    """The date (`YYYY-MM-DDTHH:MM:SSZ`, UTC) has not passed.

    Fails when it is before the scan's time (detail: `expired 2021-01-01T12:00:00Z`);
    Unknown, absent or a text that is not such a date is unknown.
    """
    if isinstance(value, Unknown):
        return unknown((), f"expiration: {value.reason}")
    if not isinstance(value, str):
        return unknown((), "expiration: no date")
    try:
        when = datetime.strptime(value.strip(), _FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return unknown((), f"expiration: {value!r} is not a date and time in UTC")
    if when <= now():
        return failed((), f"expired {value.strip()}")
    return passed()


PREDICATES = (declare(not_expired),)
