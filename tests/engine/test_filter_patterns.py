"""CloudWatch Logs JSON filter patterns read as alternatives, and whether one pattern
covers another (govern/engine/predicates/filter_patterns.py)."""

from __future__ import annotations

import pytest

from govern.engine.predicates.filter_patterns import (
    MAX_ALTERNATIVES,
    alternatives,
    covers,
    pattern_problem,
)

ROOT = ('{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && '
        '$.eventType != "AwsServiceEvent" }')


def read(pattern: str) -> frozenset[frozenset[tuple[str, str, str]]]:
    found = alternatives(pattern)
    assert found is not None, pattern
    return found


def test_and_binds_tighter_than_or_and_quotes_do_not_matter() -> None:
    assert read('{ ($.a = "x") || $.b = y && ($.c != "z") }') == {
        frozenset({("$.a", "=", "x")}),
        frozenset({("$.b", "=", "y"), ("$.c", "!=", "z")})}
    assert read("{($.a=x)||($.a=y)}") == read('{ ( $.a = "x" ) || ( $.a = "y" ) }')


def test_parentheses_distribute_a_condition_over_the_alternatives() -> None:
    assert read("{ ($.s = kms) && (($.e = A) || ($.e = B)) }") == {
        frozenset({("$.s", "=", "kms"), ("$.e", "=", "A")}),
        frozenset({("$.s", "=", "kms"), ("$.e", "=", "B")})}


def test_keywords_and_escaped_quotes() -> None:
    assert read(ROOT) == {frozenset({("$.userIdentity.type", "=", "Root"),
                                     ("$.userIdentity.invokedBy", "NOT EXISTS", ""),
                                     ("$.eventType", "!=", "AwsServiceEvent")})}
    assert read('{ $.m = "a \\"b\\"" && $.n IS  NULL }') == {
        frozenset({("$.m", "=", 'a "b"'), ("$.n", "IS NULL", "")})}


@pytest.mark.parametrize("pattern", [
    "ERROR", '"Failed authentication"', "[ip, user, status=404]", "{ $.a = }",
    "{ ($.a = x }", "{ $.a = x ) }", "{ = x }", "{ $.a x }", "{}",
])
def test_what_is_not_a_json_pattern_is_not_read(pattern: str) -> None:
    assert alternatives(pattern) is None
    assert pattern_problem(pattern) is not None


def test_a_pattern_with_too_many_alternatives_is_not_read() -> None:
    clauses = " && ".join(f"(($.a{i} = x) || ($.b{i} = y))" for i in range(13))
    assert MAX_ALTERNATIVES < 2 ** 13
    assert alternatives("{ " + clauses + " }") is None


def test_covering_means_matching_at_least_the_same_events() -> None:
    tight = read("{ (($.e = A) || ($.e = B)) && ($.s != X) }")
    assert covers(tight, tight)
    assert covers(read("{ ($.e = A) || ($.e = B) }"), tight)  # no exclusion: wider
    assert covers(read("{ ($.e = A) || ($.e = B) && ($.s != X) }"), tight)
    assert covers(read("{ ($.e = A) || ($.e = B) || ($.e = C) }"), tight)
    assert not covers(read("{ $.e = A }"), tight)  # misses B
    assert not covers(read("{ (($.e = A) || ($.e = B)) && ($.r = eu) }"), tight)
    assert not covers(tight, read("{ ($.e = A) || ($.e = B) }"))
    assert not covers(read("{ $.e = A* }"), read("{ $.e = AB }"))  # no wildcard expansion


def test_the_patterns_of_the_monitoring_rules_are_read() -> None:
    import yaml

    from tests.conftest import REPO

    found = 0
    for path in sorted((REPO / "rules" / "aws" / "logging").glob("*.yaml")):
        rule = yaml.safe_load(path.read_text())
        if "trail_events_alarmed" not in path.read_text():
            continue
        found += 1
        for pattern in rule["parameters"]["filter_patterns"]:
            assert pattern_problem(pattern) is None, path.name
    assert found == 15
