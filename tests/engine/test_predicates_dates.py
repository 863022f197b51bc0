"""not_expired: a date in UTC that must not have passed at the time of the scan."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from govern.engine.predicates import PREDICATES, PredicateContext, dates
from govern.engine.verdict import Verdict
from govern.model.graph import ResourceGraph
from govern.model.unknown import Unknown
from tests.engine.helpers import resource

CTX = PredicateContext(resource({}), ResourceGraph())
NOW = datetime(2026, 12, 7, 12, 0, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates, "now", lambda: NOW)


@pytest.mark.parametrize(("value", "expected"), [
    ("2021-01-01T12:00:00Z", Verdict("fail", (), "expired 2021-01-01T12:00:00Z")),
    ("2026-12-07T12:00:00Z", Verdict("fail", (), "expired 2026-12-07T12:00:00Z")),
    ("2026-12-07T12:00:01Z", Verdict("pass")),
    ("2099-12-31T00:00:00Z", Verdict("pass")),
    (Unknown("var.body is not known"), Verdict("unknown", (), "expiration: var.body is not known")),
    (None, Verdict("unknown", (), "expiration: no date")),
    ("2026-02-30T00:00:00Z", Verdict(
        "unknown", (), "expiration: '2026-02-30T00:00:00Z' is not a date and time in UTC")),
])
def test_not_expired(value: Any, expected: Verdict) -> None:
    assert PREDICATES["not_expired"](value, {}, CTX) == expected
