"""values.check_value: the size and nesting of a value against the budget, each list and
map inside measured once per scan unit."""

from __future__ import annotations

from typing import Any

import pytest

from govern.parsers.budget import BudgetExceeded, Limits, unit_budget
from govern.parsers.terraform.values import check_value


def test_shared_parts_count_each_time_they_appear() -> None:
    part = ["x" * 10] * 10  # 10 items + 100 characters
    with unit_budget(Limits(value_size=1_000)):
        check_value([part] * 9)  # 9 + 9 * 110 = 999
        with pytest.raises(BudgetExceeded, match="a value of 1,110 elements"):
            check_value([part] * 10)


def test_parts_are_measured_once_and_the_value_itself_afresh() -> None:
    part: list[Any] = [["a"] * 50 for _ in range(20)]
    with unit_budget(Limits(value_size=10_000)) as budget:
        whole: list[Any] = [part, part]
        check_value(whole)
        assert id(part) in budget.measured and id(whole) not in budget.measured
        whole.append("b" * 10_000)  # the value itself changed: measured again
        with pytest.raises(BudgetExceeded):
            check_value(whole)


def test_nesting() -> None:
    value: list[Any] = []
    for _ in range(30):
        value = [value]
    with unit_budget(Limits(nesting=40)):
        check_value(value)
    with unit_budget(Limits(nesting=20)), pytest.raises(BudgetExceeded, match="nesting"):
        check_value(value)


def test_a_value_that_contains_itself_is_over_the_budget() -> None:
    loop: list[Any] = [1]
    loop.append({"again": loop})
    with unit_budget(Limits(value_size=1_000)), pytest.raises(BudgetExceeded):
        check_value(loop)


def test_a_unit_starts_with_nothing_measured() -> None:
    part = ["a"]
    with unit_budget() as first:
        check_value([part])
        assert first.measured
    with unit_budget() as second:
        assert not second.measured
