"""Bad plan JSON never crashes, hangs or blows up the scan: each reproducer is one clear
notice at its file and line, and the sentinel template beside it is still reported
(issue 10)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from govern.model.finding import ScanReport
from govern.parsers.budget import DEFAULT_LIMITS
from tests.parsers.robustness import notices_of, only_error, scan_beside_sentinel


def plan(after: Any = "PLACEHOLDER") -> str:
    """A plan of one bucket (no encryption, no logging...), one key per line;
    `"PLACEHOLDER"` marks where raw text goes."""
    return json.dumps({
        "format_version": "1.2", "terraform_version": "1.11.0",
        "resource_changes": [{
            "address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket",
            "name": "b", "provider_name": "registry.terraform.io/hashicorp/aws",
            "change": {"actions": ["create"], "after_unknown": {},
                       "after": {"bucket": "logs", "x": after}}}],
    }, indent=1, ensure_ascii=False)


def problems(report: ScanReport) -> list[tuple[str, int | None, str]]:
    """The warnings and errors about plan.json (the adapter's notes left out)."""
    return [n for n in notices_of(report, "plan.json") if n[0] != "note"]


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def test_latin1_byte_is_read_with_a_warning_naming_the_byte(tmp_path: Path) -> None:
    text = plan("caf\xe9")
    report = scan_beside_sentinel(tmp_path, "plan.json", text.encode("latin-1"))
    assert problems(report) == [
        ("warning", line_of(text, "caf"), f"not valid UTF-8 (byte 0xe9 at offset "
         f"{text.index('caf') + 3}); read as cp1252")]
    assert "aws_s3_bucket.b" in {f.resource_address for f in report.findings}


@pytest.mark.parametrize(("value", "message"), [
    ("9" * 5000, "invalid JSON: the number 999999999999...999999 (5,000 characters) is too "
     "large to read"),
    ("-1e400", "invalid JSON: the number -1e400 is too large to read"),
    ("[" * 5000 + "]" * 5000,
     f"invalid JSON: arrays and objects nested deeper than {DEFAULT_LIMITS.nesting} levels"),
    ('{"a":' * 5000 + "1" + "}" * 5000,
     f"invalid JSON: arrays and objects nested deeper than {DEFAULT_LIMITS.nesting} levels"),
], ids=["5000-digits", "-1e400", "deep-arrays", "deep-objects"])
def test_unreadable_plan_is_one_error_at_its_line(tmp_path: Path, value: str,
                                                  message: str) -> None:
    text = plan().replace('"PLACEHOLDER"', value)
    report = scan_beside_sentinel(tmp_path, "plan.json", text)
    error = only_error(report, "plan.json")
    assert (error.line, error.message) == (line_of(text, '"x"'), message)


def test_nesting_just_under_the_limit_is_judged(tmp_path: Path) -> None:
    depth = DEFAULT_LIMITS.nesting - 8  # the plan's own levels above "x"
    text = plan().replace('"PLACEHOLDER"', '{"a":' * depth + "1" + "}" * depth)
    report = scan_beside_sentinel(tmp_path, "plan.json", text)
    assert problems(report) == []
    assert "aws_s3_bucket.b" in {f.resource_address for f in report.findings}


def test_lone_surrogates_in_names_and_values(tmp_path: Path) -> None:
    text = plan("\\ud800").replace('"bucket": "logs"', '"bucket\\\\udc00": "\\\\ud800"')
    text = text.replace("\\\\", "\\")
    report = scan_beside_sentinel(tmp_path, "plan.json", text)
    assert problems(report) == [
        ("warning", line, "a string holds a \\u escape of a lone surrogate (not a "
         "character); read as U+FFFD") for line in sorted({
             line_of(text, '"bucket'), line_of(text, '"x"')})]
    assert "aws_s3_bucket.b" in {f.resource_address for f in report.findings}
