"""`regex()`, `regexall()` and `replace()` with a `/pattern/` run on RE2, Terraform's own
syntax, in time linear in the text: a pattern that makes a backtracking engine run for
hours returns at once, and a pattern RE2 rejects (Terraform rejects it too) is an unknown
value with a warning at its line, never a crash."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govern.model.unknown import Unknown
from govern.parsers.budget import BudgetExceeded, Limits, unit_budget
from govern.parsers.terraform.fn_base import FunctionContext
from govern.parsers.terraform.functions import call_function
from govern.parsers.terraform.values import EvalError
from tests.parsers.terraform.sentinel import alarm, scan_beside_sentinel

ALARM = 10
EVIL = "(a+)+$"
VICTIM = "a" * 40 + "b"  # about 2**40 steps for a backtracking engine


def call(name: str, *args: Any) -> Any:
    with alarm(ALARM):
        return call_function(name, list(args), FunctionContext(base_dir="."))


def test_a_catastrophic_pattern_returns_at_once() -> None:
    with pytest.raises(EvalError, match="did not match"):
        call("regex", EVIL, VICTIM)
    assert call("regexall", EVIL, VICTIM) == []
    assert call("replace", VICTIM, f"/{EVIL}/", "x") == VICTIM
    assert call("regex", "(?:x+x+)+y", "x" * 100_000 + "y") == "x" * 100_000 + "y"
    assert call("regexall", "(?:a|aa)+c", "a" * 100_000) == []


@pytest.mark.parametrize(("pattern", "reason"), [
    ("(a)\\1", "invalid escape sequence: \\1"),
    ("a(?=b)", "invalid perl operator: (?="),
    ("(?<=a)b", "invalid perl operator: (?<="),
    ("a\\Z", "invalid escape sequence: \\Z"),
    ("a{1001}", "invalid repetition size: {1001}"),
    ("(", "missing ): ("),
])
def test_a_pattern_re2_rejects_is_an_error(pattern: str, reason: str) -> None:
    with pytest.raises(EvalError) as caught:
        call("regex", pattern, "ab")
    assert str(caught.value) == f"regex(): invalid regular expression {pattern!r}: {reason}"
    with pytest.raises(EvalError):
        call("replace", "ab", f"/{pattern}/", "x")


def test_terraform_syntax() -> None:
    assert call("regex", "^a\\z", "a") == "a"  # \z, not Python's \Z
    assert call("regex", "(?<y>\\d{4})-(?P<m>\\d\\d)", "on 2024-05") == {"y": "2024",
                                                                          "m": "05"}
    assert call("regex", "(a)|(b)", "b") == [None, "b"]  # a group that took no part: null
    assert call("regex", "[[:upper:]]+", "abCDe") == "CD"
    assert call("regex", "(?i)ABC", "xabc") == "abc"
    assert call("regexall", "(\\w)(\\d)", "a1 b2") == [["a", "1"], ["b", "2"]]
    assert call("replace", "a-b", "/(?P<l>\\w)-(\\w)/", "${2}-$l-$missing$$") == "b-a-$"
    assert call("replace", "abc", "/x*/", "-") == "-a-b-c-"


def test_a_lone_surrogate_in_the_text_is_matched_as_a_replacement_character() -> None:
    assert call("regex", "b.c", "ab\ud800cd") == "b\ufffdc"
    assert call("regexall", "\\pL", "a\udc80b") == ["a", "b"]


def test_regex_results_are_charged_to_the_budget() -> None:
    with unit_budget(Limits(value_size=1000)), pytest.raises(BudgetExceeded):
        call("replace", "a" * 600, "/(?:)/", "xy")
    with unit_budget(Limits(value_size=1000)), pytest.raises(BudgetExceeded):
        call("regexall", "", "a" * 2000)
    with unit_budget(Limits(value_size=1000)):
        assert call("replace", "a" * 600, "/a/", "b") == "b" * 600


def test_in_a_module_a_rejected_pattern_is_unknown_with_a_warning(tmp_path: Path) -> None:
    text = ('resource "aws_s3_bucket" "b" {\n'
            '  bucket = regex("(a)\\\\1", "aa")\n'
            '  tags   = { ok = can(regex("(?=x)", "x")), evil = regex("(?:a+)+$|b", "'
            + VICTIM + '") }\n}\n')
    result = scan_beside_sentinel(tmp_path, {"main.tf": text})
    [bucket] = [r for r in result.resources if r.address == "aws_s3_bucket.b"]
    assert isinstance(bucket.attributes["bucket"], Unknown)
    assert bucket.attributes["tags"] == {"ok": False, "evil": "b"}
    assert [(n.level, n.line, n.message) for n in result.notices] == [
        ("warning", 2, "cannot evaluate aws_s3_bucket.b.bucket: regex(): invalid regular "
         "expression '(a)\\\\1': invalid escape sequence: \\1")]
