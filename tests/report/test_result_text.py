"""The SARIF results and JSON findings of a report are written straight from the findings
(`sarif._result_text`, `json_report._finding_text`); they must be the text of the objects
`sarif.document` and `json_report.document` hold, in every shape a finding takes."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from govern.json_text import indented
from govern.model.finding import Finding, Suppression
from govern.model.source import SourceRange
from govern.report import json_report, sarif
from govern.report.rules import RuleIndex
from tests.report.factories import FINDINGS, OUTSIDE_FILE, ROOT, finding, sample_report

_SUPPRESSIONS = (
    None,
    Suppression("inSource", "checkov", "  reviewed by security  ",
                SourceRange(f"{ROOT}/main.tf", 40, 40)),
    Suppression("external", "waiver", "", None, "2027-01-31"),
    Suppression("external", "baseline", "accepted", SourceRange(OUTSIDE_FILE, 0, 0)),
)

_LOCATIONS = (
    SourceRange(f"{ROOT}/main.tf", 3, 9),
    SourceRange(f"{ROOT}/dir with space/ü.tf", 7, 2),  # end before start: endLine = start
    SourceRange(f"{ROOT}/main.tf", 0, 0),  # no line: no region
    SourceRange(OUTSIDE_FILE, 2, 6),  # outside the root: absolute URI, no uriBaseId
    SourceRange("git::https://example.com/net.git//main.tf", 1, 1),  # remote: no physical
    None,
)


def _variants() -> list[Finding]:
    base = finding("GOV-AWS-001", "high", f"{ROOT}/main.tf", 1, 2)
    out = list(FINDINGS)
    for location, suppression, status, address, fingerprint, path, message in (
            itertools.product(_LOCATIONS, _SUPPRESSIONS, ("fail", "unknown"),
                              ("aws_s3_bucket.x", ""), ("fp-1", ""), ("", "tags.owner"),
                              ("S3 bucket \"x\" has no encryption\n", "   "))):
        out.append(replace(base, location=location, suppression=suppression,
                           status=status, resource_address=address,  # type: ignore[arg-type]
                           fingerprint=fingerprint, path=path, message=message))
    return out


@pytest.mark.parametrize("newline", ["\n", "\n        "])
def test_each_result_is_the_text_of_its_object(newline: str) -> None:
    variants = _variants()
    assert len(variants) == len(FINDINGS) + 6 * 4 * 2 * 2 * 2 * 2 * 2
    for number, item in enumerate(variants):
        expected = indented(sarif._result(item, number, ROOT), newline)
        assert sarif._result_text(item, number, ROOT, newline) == expected, item


def test_a_value_of_another_type_goes_the_long_way() -> None:
    odd = replace(FINDINGS[0], category=None)  # type: ignore[arg-type]
    assert sarif._result_text(odd, 0, ROOT, "\n") == indented(sarif._result(odd, 0, ROOT),
                                                              "\n")
    assert '"category": null' in sarif._result_text(odd, 0, ROOT, "\n")


@pytest.mark.parametrize("newline", ["\n", "\n    "])
def test_each_json_finding_is_the_text_of_its_object(newline: str) -> None:
    rules = RuleIndex.of(sample_report())
    variants = _variants()
    # a rule the report does not know (title null), and a finding's own equivalents
    variants += [replace(FINDINGS[0], rule_id="GOV-NOT-KNOWN"),
                 replace(FINDINGS[1], equivalents={"kics": ("k-1",), "other": ("o",)})]
    for item in variants:
        expected = indented(json_report._finding(item, rules, ROOT, {}), newline)
        assert json_report._finding_text(item, rules, ROOT, {}, newline) == expected, item


def test_a_json_value_of_another_type_goes_the_long_way() -> None:
    rules = RuleIndex.of(sample_report())
    odd = replace(FINDINGS[0], message=None)  # type: ignore[arg-type]
    text = json_report._finding_text(odd, rules, ROOT, {}, "\n")
    assert text == indented(json_report._finding(odd, rules, ROOT, {}), "\n")
    assert '"message": null' in text
