"""Suppressed findings in every format: reported, counted apart, never failures."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace

from govern.gate import exit_code
from govern.model.finding import ScanReport, Suppression
from govern.model.source import SourceRange
from govern.report import github, json_report, junit, markdown, sarif, text

from .factories import F_HIGH, F_LOW, ROOT, empty_report

ACCEPTED = Suppression(kind="external", source="waiver", justification="owned by team X",
                       location=SourceRange(f"{ROOT}/.govern-waivers.yaml", 4, 6),
                       until="2027-01-31")
F_SUPPRESSED = replace(F_HIGH, suppression=ACCEPTED)


def report() -> ScanReport:
    return empty_report(findings=(F_SUPPRESSED, F_LOW))


def test_gate_ignores_suppressed() -> None:
    assert exit_code(empty_report(findings=(F_SUPPRESSED,)), "low") == 0
    assert exit_code(empty_report(findings=(F_HIGH,)), "low") == 1


def test_text_section_and_summary() -> None:
    assert text.render(report(), compact=True) == '''\
cfn/template.yaml
   5  low   GOV-AWS-020  MyBucket: S3 bucket has no owner tag

Suppressed — 1
main.tf
  41  high  GOV-AWS-001  aws_s3_bucket.logs: S3 bucket has no default server-side encryption
      suppressed (waiver, .govern-waivers.yaml:4): owned by team X; until 2027-01-31

1 finding (1 low), 1 suppressed; 1 resource in 3 files, 0.05 s
'''


def test_json_counts() -> None:
    doc = json.loads(json_report.render(report()))
    assert doc["summary"]["total"] == 2
    assert doc["summary"]["suppressed"] == 1
    assert doc["summary"]["by_severity"] == {"critical": 0, "high": 0, "medium": 0, "low": 1}
    assert [f["suppression"] for f in doc["findings"]] == [None, {
        "kind": "external", "source": "waiver", "justification": "owned by team X",
        "until": "2027-01-31",
        "location": {"file": ".govern-waivers.yaml", "start_line": 4, "end_line": 6}}]


def test_sarif_external_suppression() -> None:
    results = sarif.document(report())["runs"][0]["results"]
    assert "suppressions" not in results[0]
    assert results[1]["suppressions"] == [{
        "kind": "external", "status": "accepted", "justification": "owned by team X",
        "location": {"physicalLocation": {
            "artifactLocation": {"uri": ".govern-waivers.yaml", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 4, "endLine": 6}}}}]


def test_junit_skipped_with_justification() -> None:
    top = junit.document(report())
    assert (top.get("failures"), top.get("skipped")) == ("1", "1")
    case = next(c for c in top.iter("testcase") if c.get("name") == "GOV-AWS-001")
    assert ET.tostring(case, encoding="unicode") == (
        '<testcase classname="aws_s3_bucket.logs" name="GOV-AWS-001">'
        '<skipped message="suppressed: owned by team X">main.tf:41-44\n'
        'resource: aws_s3_bucket.logs (aws.s3.bucket)\n'
        'S3 bucket has no default server-side encryption\n'
        'suppressed (waiver at .govern-waivers.yaml:4, until 2027-01-31): owned by team X'
        '</skipped></testcase>')


def test_markdown_section() -> None:
    assert markdown.render(report()) == '''\
# govern: 1 finding

1 finding (1 low), 1 suppressed; 1 resource in 3 files.

## Low (1)

| Rule | Resource | Location | Message |
|---|---|---|---|
| GOV-AWS-020 | `MyBucket` | `cfn/template.yaml:5` | S3 bucket has no owner tag |

## Suppressed (1)

| Rule | Severity | Resource | Location | Reason | Until |
|---|---|---|---|---|---|
| GOV-AWS-001 | high | `aws_s3_bucket.logs` | `main.tf:41` | owned by team X | 2027-01-31 |
'''


def test_github_leaves_suppressed_out() -> None:
    assert github.render(empty_report(findings=(F_SUPPRESSED,))) == ""
