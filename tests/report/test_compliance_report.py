"""The compliance report in JSON, Markdown and text: exact output."""

from __future__ import annotations

import json
from dataclasses import replace

from govern.model.finding import ComplianceReport, ControlResult
from govern.report import json_report, render

from .factories import empty_report

CIS = ComplianceReport(
    framework="cis-aws-3.0", name="CIS Amazon Web Services Foundations Benchmark",
    version="3.0.0", url="https://www.cisecurity.org/benchmark/amazon_web_services",
    title="CIS Amazon Web Services Foundations Benchmark v3.0.0",
    controls=(
        ControlResult("1.16", 'Ensure IAM policies that allow full "*:*" administrative '
                      "privileges are not attached", "pass", ("GOV-AWS-011", "GOV-AWS-012"), 4),
        ControlResult("2.1.4", "Ensure that S3 Buckets are configured with 'Block public "
                      "access (bucket settings)'", "fail", ("GOV-AWS-004",), 3, 2),
        ControlResult("2.3.3", "Ensure that public access is not given to RDS Instance",
                      "not-applicable", ("GOV-AWS-008",)),
        ControlResult("3.6", "Ensure rotation for customer-created symmetric CMKs is enabled",
                      "unknown", ("GOV-AWS-014",), 1, 0, 1),
        ControlResult("4.16", "Ensure AWS Security Hub is enabled", "not-covered"),
    ))
REPORT = empty_report(compliance=(CIS,))

MARKDOWN = """\
## Compliance: CIS Amazon Web Services Foundations Benchmark v3.0.0

Framework `cis-aws-3.0`: 1 fail, 1 unknown, 1 pass, 1 not applicable, 1 not covered (of 5 \
controls).

| Control | Title | Status | Rules | Resources | Failed | Unknown |
|---|---|---|---|---|---|---|
| 1.16 | Ensure IAM policies that allow full "\\*:\\*" administrative privileges are not \
attached | pass | GOV-AWS-011, GOV-AWS-012 | 4 | 0 | 0 |
| 2.1.4 | Ensure that S3 Buckets are configured with 'Block public access (bucket settings)' \
| **fail** | GOV-AWS-004 | 3 | 2 | 0 |
| 2.3.3 | Ensure that public access is not given to RDS Instance | not applicable | \
GOV-AWS-008 | 0 | 0 | 0 |
| 3.6 | Ensure rotation for customer-created symmetric CMKs is enabled | unknown | \
GOV-AWS-014 | 1 | 0 | 1 |
| 4.16 | Ensure AWS Security Hub is enabled | not covered | - | 0 | 0 | 0 |
"""


def test_json_section() -> None:
    doc = json.loads(json_report.render(REPORT))
    assert list(doc) == ["version", "tool", "summary", "findings", "notices", "rules",
                         "compliance"]
    assert doc["compliance"] == [{
        "framework": "cis-aws-3.0",
        "name": "CIS Amazon Web Services Foundations Benchmark",
        "version": "3.0.0",
        "url": "https://www.cisecurity.org/benchmark/amazon_web_services",
        "summary": {"fail": 1, "unknown": 1, "pass": 1, "not-applicable": 1,
                    "not-covered": 1},
        "incomplete": [],
        "controls": [
            {"id": "1.16", "title": 'Ensure IAM policies that allow full "*:*" administrative '
                                    "privileges are not attached",
             "status": "pass", "rules": ["GOV-AWS-011", "GOV-AWS-012"], "resources": 4,
             "failed": 0, "unknown": 0},
            {"id": "2.1.4", "title": "Ensure that S3 Buckets are configured with 'Block "
                                     "public access (bucket settings)'",
             "status": "fail", "rules": ["GOV-AWS-004"], "resources": 3, "failed": 2,
             "unknown": 0},
            {"id": "2.3.3", "title": "Ensure that public access is not given to RDS Instance",
             "status": "not-applicable", "rules": ["GOV-AWS-008"], "resources": 0,
             "failed": 0, "unknown": 0},
            {"id": "3.6", "title": "Ensure rotation for customer-created symmetric CMKs is "
                                   "enabled",
             "status": "unknown", "rules": ["GOV-AWS-014"], "resources": 1, "failed": 0,
             "unknown": 1},
            {"id": "4.16", "title": "Ensure AWS Security Hub is enabled",
             "status": "not-covered", "rules": [], "resources": 0, "failed": 0,
             "unknown": 0},
        ],
    }]
    assert json_report.render(REPORT) == json_report.render(REPORT)


def test_json_without_compliance_has_no_section() -> None:
    assert "compliance" not in json.loads(json_report.render(empty_report()))


def test_markdown() -> None:
    assert render("compliance", REPORT) == MARKDOWN
    assert render("compliance", empty_report()) == ""


def test_markdown_two_frameworks_are_separated_by_a_blank_line() -> None:
    report = empty_report(compliance=(CIS, CIS))
    assert render("compliance", report) == MARKDOWN + "\n" + MARKDOWN


def test_text_summary_line() -> None:
    assert render("text", REPORT).splitlines()[-2:] == [
        "Compliance cis-aws-3.0 (CIS Amazon Web Services Foundations Benchmark v3.0.0): "
        "1 fail, 1 unknown, 1 pass, 1 not applicable, 1 not covered (of 5 controls)",
        # the report's 4.16 carries no reason it cannot be covered
        "  not covered, no rule checks them yet: 4.16"]
    beyond = replace(REPORT, compliance=(replace(CIS, controls=tuple(
        replace(c, beyond_code="Hubs in every region.") if c.id == "4.16" else c
        for c in CIS.controls)),))
    assert render("text", beyond).splitlines()[-1] == (
        "  not covered, no configuration can show them: 4.16")
    assert ("| 4.16 | Ensure AWS Security Hub is enabled | not covered (no configuration can "
            "show it) | - | 0 | 0 | 0 |") in render("compliance", beyond)
    assert json.loads(json_report.render(beyond))["compliance"][0]["controls"][-1][
        "beyond_code"] == "Hubs in every region."
    assert "Compliance" not in render("text", empty_report())


def test_markdown_format_ends_with_compliance() -> None:
    assert render("markdown", REPORT) == (
        "# govern: 0 findings\n\n0 findings; 1 resource in 3 files.\n\n" + MARKDOWN)


def test_an_incomplete_scan_says_so_in_every_format() -> None:
    missed = "s3 in global (account 1): access denied: ListBuckets; its aws.s3.bucket ..."
    report = empty_report(compliance=(replace(CIS, incomplete=(missed,)),))
    assert json.loads(json_report.render(report))["compliance"][0]["incomplete"] == [missed]
    assert render("compliance", report).startswith(MARKDOWN.split("| Control")[0] + (
        "**Incomplete**: the scan could not read what follows, so no control it may concern "
        f"is shown as pass or not applicable:\n\n- {missed}\n\n| Control"))
    assert render("text", report).splitlines()[-2].endswith(
        "(of 5 controls); incomplete: 1 input could not be read (see the notices)")
