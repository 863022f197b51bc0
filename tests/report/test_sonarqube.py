"""`--format sonarqube`: SonarQube's generic issue import format, checked against a schema
of its documentation; issues only on files of the project, suppressed ones left out."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import jsonschema
import pytest

from govern.model.finding import ScanReport, Severity, Suppression
from govern.report import render
from tests.conftest import REPO

from .factories import OUTSIDE_FILE, ROOT, RULES, empty_report, finding, sample_report

SCHEMA = json.loads((REPO / "tests" / "data" / "sonarqube-generic-issues.schema.json")
                    .read_text(encoding="utf-8"))


def doc_of(report: ScanReport) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(render("sonarqube", report))
    jsonschema.Draft7Validator(SCHEMA).validate(doc)
    return doc


def test_the_sample_report_is_valid_and_places_issues_on_files() -> None:
    report = sample_report()
    doc = doc_of(report)
    placed = [f for f in report.findings if f.location and not f.location.file.startswith(
        ("/opt/",)) and f.suppression is None]
    assert len(doc["issues"]) == len(placed)
    assert {i["primaryLocation"]["filePath"] for i in doc["issues"]} == {
        "azure/storage.json", "cfn/template.yaml", "main.tf"}
    ssh = next(i for i in doc["issues"] if i["ruleId"] == "GOV-AWS-010")
    assert ssh["primaryLocation"] == {
        "message": "aws_security_group.web: Security group allows SSH from anywhere "
                   "(port 22 from 0.0.0.0/0)",
        "filePath": "main.tf", "textRange": {"startLine": 3, "endLine": 9}}
    assert [r["id"] for r in doc["rules"]] == sorted({i["ruleId"] for i in doc["issues"]})


@pytest.mark.parametrize(("severity", "category", "impact"), [
    ("critical", "public-exposure", {"softwareQuality": "SECURITY", "severity": "HIGH"}),
    ("high", "encryption", {"softwareQuality": "SECURITY", "severity": "HIGH"}),
    ("medium", "resilience", {"softwareQuality": "RELIABILITY", "severity": "MEDIUM"}),
    ("low", "tagging", {"softwareQuality": "MAINTAINABILITY", "severity": "LOW"}),
])
def test_rules_carry_their_impact(severity: Severity, category: str,
                                  impact: dict[str, str]) -> None:
    meta = replace(RULES[0], severity=severity, category=category)
    one = finding(meta.id, severity, f"{ROOT}/main.tf", 2, category=category)
    doc = doc_of(empty_report(findings=(one,), rules=(meta,)))
    assert doc["rules"][0]["impacts"] == [impact]
    assert doc["rules"][0]["engineId"] == "govern"
    assert doc["rules"][0]["description"].endswith(meta.help_uri)


def test_unknown_suppressed_and_outside_findings() -> None:
    unknown = finding("GOV-AWS-004", "medium", f"{ROOT}/a.tf", 4, status="unknown",
                      message="versioning is not known")
    waived = replace(finding("GOV-AWS-001", "high", f"{ROOT}/a.tf", 1),
                     suppression=Suppression("external", "waiver", "accepted"))
    outside = finding("GOV-AWS-001", "high", OUTSIDE_FILE, 2)
    live = finding("GOV-AWS-001", "high", None, address="arn:aws:s3:::b")
    doc = doc_of(empty_report(findings=(unknown, waived, outside, live)))
    assert [i["primaryLocation"]["message"] for i in doc["issues"]] == [
        "Could not be decided: aws_s3_bucket.logs: versioning is not known"]
    assert [r["id"] for r in doc["rules"]] == ["GOV-AWS-004"]
