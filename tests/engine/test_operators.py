"""Every operator on present, absent, null and Unknown values (three-valued)."""

from __future__ import annotations

from typing import Any

import pytest

from govern.engine.condition_compiler import compile_condition
from govern.engine.operators import compare, equal3, version_key
from govern.engine.verdict import Verdict
from govern.model.unknown import Unknown
from tests.engine.helpers import condition, resource, run

ABSENT = object()
U = Unknown("var.x is not known")


def verdict(op: str, actual: Any, value: Any = ABSENT) -> str:
    raw: dict[str, Any] = {"attr": "a.b", "op": op}
    if value is not ABSENT:
        raw["value"] = value
    attributes = {} if actual is ABSENT else {"a": {"b": actual}}
    return run(condition(raw), resource(attributes)).status


CASES = [
    # op, value, actual, status
    ("exists", ABSENT, 1, "pass"),
    ("exists", ABSENT, ABSENT, "fail"),
    ("exists", ABSENT, None, "fail"),
    ("exists", ABSENT, U, "pass"),
    ("exists", ABSENT, "", "fail"),       # an empty string is not a configured value
    ("exists", ABSENT, " ", "pass"),
    ("exists", ABSENT, [], "pass"),
    ("exists", ABSENT, False, "pass"),
    ("absent", ABSENT, ABSENT, "pass"),
    ("absent", ABSENT, None, "pass"),
    ("absent", ABSENT, "x", "fail"),
    ("absent", ABSENT, U, "fail"),
    ("absent", ABSENT, "", "pass"),
    ("equals", True, True, "pass"),
    ("equals", True, 1, "fail"),
    ("equals", 1, True, "fail"),
    ("equals", True, False, "fail"),
    ("equals", True, ABSENT, "fail"),
    ("equals", True, U, "unknown"),
    ("equals", "AES256", "AES256", "pass"),
    ("equals", "AES256", "aws:kms", "fail"),
    ("equals", 1, 1.0, "pass"),
    ("equals", [1, 2], [1, 2], "pass"),
    ("equals", [1, 2], [1], "fail"),
    ("equals", [1, 2], [1, U], "unknown"),
    ("equals", [1, 2], [3, U], "fail"),
    ("equals", {"k": 1}, {"k": 1}, "pass"),
    ("equals", {"k": 1}, {"k": U}, "unknown"),
    ("equals", {"k": 1}, {"j": 1}, "fail"),
    ("not_equals", "x", "x", "fail"),
    ("not_equals", "x", "y", "pass"),
    ("not_equals", "x", ABSENT, "pass"),
    ("not_equals", "x", U, "unknown"),
    ("in", ["a", "b"], "a", "pass"),
    ("in", ["a", "b"], "c", "fail"),
    ("in", ["a", "b"], ABSENT, "fail"),
    ("in", ["a", "b"], U, "unknown"),
    ("not_in", ["a", "b"], "a", "fail"),
    ("not_in", ["a", "b"], "c", "pass"),
    ("not_in", ["a", "b"], ABSENT, "pass"),
    ("not_in", ["a", "b"], U, "unknown"),
    ("gt", 1, 2, "pass"),
    ("gt", 1, 1, "fail"),
    ("gt", 1, "2", "pass"),
    ("gt", 1, "abc", "fail"),
    ("gt", 1, True, "fail"),
    ("gt", 1, [2], "fail"),
    ("gt", 1, ABSENT, "fail"),
    ("gt", 1, U, "unknown"),
    ("gte", "TLS1_2", "TLS1_2", "pass"),
    ("gte", "TLS1_2", "TLS1_3", "pass"),
    ("gte", "TLS1_2", "TLS1_0", "fail"),
    ("gte", "TLS1_2", ABSENT, "fail"),
    ("lt", "5.10", "5.9", "pass"),
    ("lt", "5.10", "5.10.1", "fail"),
    ("lt", "5.10", U, "unknown"),
    ("lte", 10, 10, "pass"),
    ("lte", 10, 10.5, "fail"),
    ("lte", 10, ABSENT, "fail"),
    ("matches", "^arn:aws:kms:", "arn:aws:kms:us-east-1:123456789012:key/k", "pass"),
    ("matches", "^arn:aws:kms:", "alias/aws/s3", "fail"),
    ("matches", "^arn:aws:kms:", 5, "fail"),
    ("matches", "^arn:aws:kms:", ABSENT, "fail"),
    ("matches", "^arn:aws:kms:", U, "unknown"),
    ("not_matches", "^alias/aws/", "alias/aws/s3", "fail"),
    ("not_matches", "^alias/aws/", "arn:aws:kms:us-east-1:123456789012:key/k", "pass"),
    ("not_matches", "^alias/aws/", 5, "pass"),
    ("not_matches", "^alias/aws/", ABSENT, "pass"),
    ("not_matches", "^alias/aws/", U, "unknown"),
    ("contains", "s3:*", ["s3:*"], "pass"),
    ("contains", "s3:*", ["ec2:*"], "fail"),
    ("contains", "s3:*", ["ec2:*", U], "unknown"),
    ("contains", "s3:*", [U, "s3:*"], "pass"),
    ("contains", "kms", "aws:kms", "pass"),
    ("contains", "owner", {"owner": "me"}, "pass"),
    ("contains", "owner", {"team": "x"}, "fail"),
    ("contains", "s3:*", 7, "fail"),
    ("contains", "s3:*", ABSENT, "fail"),
    ("contains", "s3:*", U, "unknown"),
    ("not_contains", "s3:*", ["ec2:*"], "pass"),
    ("not_contains", "s3:*", ["s3:*"], "fail"),
    ("not_contains", "s3:*", ["ec2:*", U], "unknown"),
    ("not_contains", "s3:*", ABSENT, "pass"),
    ("is_true", ABSENT, True, "pass"),
    ("is_true", ABSENT, "true", "fail"),
    ("is_true", ABSENT, 1, "fail"),
    ("is_true", ABSENT, ABSENT, "fail"),
    ("is_true", ABSENT, U, "unknown"),
    ("is_false", ABSENT, False, "pass"),
    ("is_false", ABSENT, 0, "fail"),
    ("is_false", ABSENT, ABSENT, "fail"),
    ("is_false", ABSENT, U, "unknown"),
    ("not_empty", ABSENT, "x", "pass"),
    ("not_empty", ABSENT, 0, "pass"),
    ("not_empty", ABSENT, False, "pass"),
    ("not_empty", ABSENT, [U], "pass"),
    ("not_empty", ABSENT, "", "fail"),
    ("not_empty", ABSENT, [], "fail"),
    ("not_empty", ABSENT, {}, "fail"),
    ("not_empty", ABSENT, ABSENT, "fail"),
    ("not_empty", ABSENT, U, "unknown"),
]


@pytest.mark.parametrize(("op", "value", "actual", "status"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_operator(op: str, value: Any, actual: Any, status: str) -> None:
    assert verdict(op, actual, value) == status


def test_every_operator_is_tested() -> None:
    from govern.engine.operators import OPERATORS

    assert {c[0] for c in CASES} == set(OPERATORS)


def test_verdict_path_and_unknown_detail() -> None:
    check = condition({"attr": "encryption.kms_key", "op": "exists"})
    assert run(check, resource({})) == Verdict("fail", ("encryption", "kms_key"))
    check = condition({"attr": "encryption.kms_key", "op": "equals", "value": "k"})
    assert run(check, resource({"encryption": {"kms_key": U}})) == Verdict(
        "unknown", ("encryption", "kms_key"), "encryption.kms_key: var.x is not known")
    # A missing key under an Unknown ancestor is Unknown too.
    assert run(check, resource({"encryption": U})) == Verdict(
        "unknown", ("encryption", "kms_key"), "encryption.kms_key: var.x is not known")
    # An Unknown deep inside a list names its reason.
    check = condition({"attr": "grants", "op": "equals", "value": [1, 2]})
    assert run(check, resource({"grants": [1, Unknown("data.x.y")]})).detail == (
        "grants: data.x.y")


def test_list_index_paths() -> None:
    check = condition({"attr": "ingress.1.from_port", "op": "equals", "value": 22})
    res = resource({"ingress": [{"from_port": 80}, {"from_port": 22}]})
    assert run(check, res) == Verdict("pass", ("ingress", 1, "from_port"))


@pytest.mark.parametrize(("raw", "message"), [
    ({"attr": "a", "op": "in", "value": "x"}, "op 'in' needs a list value"),
    ({"attr": "a", "op": "gt", "value": [1]}, "op 'gt' needs a number or a version string"),
    ({"attr": "a", "op": "matches", "value": "("},
     "invalid regular expression: missing ): ( (RE2 syntax, as in Terraform: no "
     "backreferences or look-around; see https://github.com/google/re2/wiki/Syntax)"),
    ({"attr": "a", "op": "matches", "value": "(a)\\1"},
     "invalid regular expression: invalid escape sequence: \\1 (RE2 syntax, as in "
     "Terraform: no backreferences or look-around; see "
     "https://github.com/google/re2/wiki/Syntax)"),
    ({"attr": "a", "op": "matches", "value": 3}, "op 'matches' needs a regular expression "
                                                  "string"),
    ({"attr": "a", "op": "equals", "value": None},
     "op 'equals' needs a value, not null (to test for a missing attribute use op: absent)"),
])
def test_values_are_checked_when_compiling(raw: dict[str, Any], message: str) -> None:
    _, problems = compile_condition(raw, ("check",), {})
    assert [(p.path, p.message) for p in problems] == [(("check", "value"), message)]


def test_equal3_and_compare_helpers() -> None:
    assert equal3(U, 1) is None
    assert equal3([U], [1, 2]) is False
    assert compare("TLS1_10", "TLS1_9") == 1
    assert compare(2, "1.5") == 1
    assert compare(True, 1) is None
    assert compare("", "a") == -1
    assert version_key("5.7.33") == ((0, 1, "5"), (0, 1, "7"), (0, 2, "33"))
