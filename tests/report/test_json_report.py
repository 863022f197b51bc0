from __future__ import annotations

import json

from govern.model.finding import Notice, ScanStats
from govern.report import json_report

from .factories import (
    F_CRITICAL,
    F_NO_LOCATION,
    F_OUTSIDE,
    OUTSIDE_FILE,
    ROOT,
    RULES,
    empty_report,
    finding,
    sample_report,
)

SMALL = """\
{
  "version": 1,
  "tool": {
    "name": "govern",
    "version": "0.1.0"
  },
  "summary": {
    "total": 1,
    "by_status": {
      "fail": 1,
      "unknown": 0
    },
    "by_severity": {
      "critical": 1,
      "high": 0,
      "medium": 0,
      "low": 0
    },
    "unknown_by_severity": {
      "critical": 0,
      "high": 0,
      "medium": 0,
      "low": 0
    },
    "suppressed": 0,
    "notices": {
      "error": 1,
      "warning": 0,
      "note": 0
    },
    "unparsed_files": 1,
    "files": 2,
    "resources": 5,
    "rules": 1,
    "seconds": 0.123
  },
  "findings": [
    {
      "rule_id": "GOV-AWS-010",
      "title": "Security group open to SSH from anywhere",
      "severity": "critical",
      "category": "public-exposure",
      "status": "fail",
      "message": "Security group allows SSH from anywhere (port 22 from 0.0.0.0/0)",
      "resource": {
        "id": "terraform:aws_security_group.web",
        "kind": "aws.s3.bucket",
        "address": "aws_security_group.web",
        "format": "terraform",
        "context": ""
      },
      "location": {
        "file": "main.tf",
        "start_line": 3,
        "end_line": 9
      },
      "path": "ingress.0.cidr_blocks",
      "fingerprint": "fp-GOV-AWS-010-aws_security_group.web",
      "equivalents": {
        "checkov": [
          "CKV_X"
        ],
        "trivy": [
          "AVD-X"
        ],
        "kics": []
      },
      "suppression": null
    }
  ],
  "notices": [
    {
      "level": "error",
      "code": "parse-error",
      "message": "Unexpected token",
      "file": "broken.tf",
      "line": 7,
      "hint": null
    }
  ],
  "rules": [
    "GOV-AWS-010"
  ]
}
"""


def test_small_report_exact() -> None:
    report = empty_report(
        findings=(F_CRITICAL,), rules=(RULES[2],),
        notices=(Notice("error", "Unexpected token", file=f"{ROOT}/broken.tf", line=7,
                        code="parse-error"),),
        stats=ScanStats(files=2, resources=5, seconds=0.12345),
    )
    assert json_report.render(report) == SMALL


def test_sample_structure() -> None:
    rendered = json_report.render(sample_report())
    assert rendered.endswith("}\n") and rendered.isascii()
    doc = json.loads(rendered)
    assert list(doc) == ["version", "tool", "summary", "findings", "notices", "rules"]
    assert doc["summary"] == {
        "total": 7, "by_status": {"fail": 6, "unknown": 1},
        "by_severity": {"critical": 1, "high": 3, "medium": 1, "low": 1},
        "unknown_by_severity": {"critical": 0, "high": 0, "medium": 1, "low": 0},
        "suppressed": 0, "notices": {"error": 1, "warning": 1, "note": 1}, "unparsed_files": 1,
        "files": 12, "resources": 40, "rules": 6, "seconds": 0.215,
    }
    assert [(f["rule_id"], f["status"], f["location"] and f["location"]["file"])
            for f in doc["findings"]] == [
        ("GOV-AZ-003", "fail", "azure/storage.json"),
        ("GOV-AWS-020", "fail", "cfn/template.yaml"),
        ("GOV-AWS-010", "fail", "main.tf"),
        ("GOV-AWS-001", "fail", "main.tf"),
        ("GOV-AWS-004", "unknown", "main.tf"),
        ("GOV-AWS-001", "fail", OUTSIDE_FILE),
        ("GOV-AWS-001", "fail", None),
    ]
    for item in doc["findings"]:
        assert list(item) == ["rule_id", "title", "severity", "category", "status", "message",
                              "resource", "location", "path", "fingerprint", "equivalents",
                              "suppression"]
        assert list(item["resource"]) == ["id", "kind", "address", "format", "context"]
        assert item["fingerprint"]
    assert [(n["level"], n["file"], n["line"]) for n in doc["notices"]] == [
        ("error", "broken.tf", 7), ("warning", None, None), ("note", "big.json", None)]
    assert doc["rules"] == sorted(r.id for r in RULES)


def test_finding_without_location_or_known_rule() -> None:
    orphan = finding("GOV-X-404", "low", None, address="arn:aws:s3:::b")
    doc = json_report.document(empty_report(findings=(orphan, F_OUTSIDE, F_NO_LOCATION)))
    by_address = {f["resource"]["address"]: f for f in doc["findings"]}
    assert by_address["arn:aws:s3:::b"]["location"] is None
    assert by_address["arn:aws:s3:::b"]["title"] is None
    assert by_address["module.net.aws_s3_bucket.x[0]"]["location"] == {
        "file": OUTSIDE_FILE, "start_line": 2, "end_line": 6}


def test_deterministic_and_independent_of_input_order() -> None:
    report = sample_report()
    shuffled = sample_report(findings=report.findings[::-1], notices=report.notices[::-1],
                             rules=report.rules[::-1])
    assert json_report.render(report) == json_report.render(report)
    assert json_report.render(shuffled) == json_report.render(report)


def test_non_ascii_is_escaped() -> None:
    report = empty_report(findings=(finding("GOV-AWS-001", "high", f"{ROOT}/ünï.tf", 1,
                                            message="bucket “logs”"),))
    rendered = json_report.render(report)
    assert rendered.isascii()
    assert json.loads(rendered)["findings"][0]["location"]["file"] == "ünï.tf"
