"""Control statuses from a scan report: one control of each status, and their order of
precedence."""

from __future__ import annotations

from dataclasses import replace

import pytest

from govern.compliance.assess import assess, with_compliance
from govern.compliance.catalogues import Control, Framework
from govern.model.finding import ControlResult, Notice, ScanReport
from tests.report.factories import ROOT, finding, rule

FRAMEWORK = Framework(
    key="cis-aws-3.0", name="Test Benchmark", version="1.0.0", url="https://example.com",
    controls=(Control("1", "Fails"), Control("2", "Passes"), Control("3", "Not covered"),
              Control("4", "Not applicable"), Control("5", "Unknown"),
              Control("6", "Fail wins over pass")))

RULES = (
    replace(rule("GOV-AWS-001", "a", "high", "encryption", "A"),
            compliance={"cis-aws-3.0": ("1", "6")}),
    replace(rule("GOV-AWS-002", "b", "low", "tagging", "B"),
            compliance={"cis-aws-3.0": ("2", "6"), "nist-800-53-r5": ("SC-28",)}),
    replace(rule("GOV-AWS-003", "c", "low", "tagging", "C"),
            compliance={"cis-aws-3.0": ("4",)}),
    replace(rule("GOV-AWS-004", "d", "low", "tagging", "D"),
            compliance={"cis-aws-3.0": ("5",)}),
)
REPORT = ScanReport(
    findings=(finding("GOV-AWS-001", "high", f"{ROOT}/main.tf", 3),
              finding("GOV-AWS-001", "high", f"{ROOT}/main.tf", 9, address="aws_s3_bucket.b"),
              finding("GOV-AWS-004", "low", f"{ROOT}/main.tf", 12, status="unknown")),
    rules=RULES, notices=(), root=ROOT,
    evaluated={"GOV-AWS-001": 2, "GOV-AWS-002": 3, "GOV-AWS-003": 0, "GOV-AWS-004": 1})


def test_statuses() -> None:
    result = assess(REPORT, FRAMEWORK)
    assert (result.framework, result.title) == ("cis-aws-3.0", "Test Benchmark v1.0.0")
    assert result.controls == (
        ControlResult("1", "Fails", "fail", ("GOV-AWS-001",), 2, 2, 0),
        ControlResult("2", "Passes", "pass", ("GOV-AWS-002",), 3, 0, 0),
        ControlResult("3", "Not covered", "not-covered", (), 0, 0, 0),
        ControlResult("4", "Not applicable", "not-applicable", ("GOV-AWS-003",), 0, 0, 0),
        ControlResult("5", "Unknown", "unknown", ("GOV-AWS-004",), 1, 0, 1),
        ControlResult("6", "Fail wins over pass", "fail", ("GOV-AWS-001", "GOV-AWS-002"), 5,
                      2, 0),
    )
    assert result.counts() == {"fail": 2, "unknown": 1, "pass": 1, "not-applicable": 1,
                               "not-covered": 1}


def test_rule_that_did_not_run_does_not_cover() -> None:
    # a disabled rule is not in report.rules: its controls are not covered by this scan
    report = replace(REPORT, rules=RULES[1:])
    assert assess(report, FRAMEWORK).controls[0].status == "not-covered"


def test_with_compliance_keeps_order_and_drops_duplicates() -> None:
    report = with_compliance(REPORT, ["pci-dss-4.0", "cis-aws-3.0", "pci-dss-4.0"])
    assert [c.framework for c in report.compliance] == ["pci-dss-4.0", "cis-aws-3.0"]
    assert with_compliance(REPORT, []) is REPORT


LISTING_FAILED = Notice("warning", "s3 in global (account 1): access denied: ListBuckets; its "
                        "aws.s3.bucket resources there are unknown",
                        code="aws-listing-failed", kinds=("aws.s3.bucket",))


def test_a_failed_listing_of_the_rules_kinds_makes_pass_and_not_applicable_unknown() -> None:
    result = assess(replace(REPORT, notices=(LISTING_FAILED,)), FRAMEWORK)
    assert [c.status for c in result.controls] == [
        "fail", "unknown", "not-covered", "unknown", "unknown", "fail"]
    assert result.incomplete == (LISTING_FAILED.render(),)


def test_a_failed_listing_of_other_kinds_changes_nothing() -> None:
    other = replace(LISTING_FAILED, kinds=("aws.sqs.queue",))
    result = assess(replace(REPORT, notices=(other,)), FRAMEWORK)
    assert result.controls == assess(REPORT, FRAMEWORK).controls
    assert result.incomplete == (other.render(),)


@pytest.mark.parametrize("notice", [
    Notice("error", "cannot parse", "main.tf", 3, code="parse-error"),
    Notice("warning", "reader regional in us-east-1: an answer it could not read",
           code="aws-malformed-answer"),
])
def test_input_of_unknown_kinds_not_read_makes_every_pass_unknown(notice: Notice) -> None:
    result = assess(replace(REPORT, notices=(notice,)), FRAMEWORK)
    assert [c.status for c in result.controls] == [
        "fail", "unknown", "not-covered", "unknown", "unknown", "fail"]
    assert result.incomplete == (notice.render(),)


def test_notes_and_other_warnings_do_not_make_a_scan_incomplete() -> None:
    notices = (Notice("note", "skipped", "x.bin", code="skipped-binary"),
               Notice("warning", "unused", "main.tf", 1, code="suppression-unused"))
    result = assess(replace(REPORT, notices=notices), FRAMEWORK)
    assert (result.controls, result.incomplete) == (assess(REPORT, FRAMEWORK).controls, ())
