"""A suppression date that is not a calendar date is a configuration error: exit 2 with
file:line, whatever the findings and --fail-on; a scan error beside it still exits 3."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from govern.cli import cli

BUCKET = 'resource "aws_s3_bucket" "b" {{\n  {comment}\n  bucket = "b"\n}}\n'
TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Metadata:
      govern:
        ignore:
          - id: GOV-AWS-001
            reason: accepted
            until: 2026-02-30
"""


def scan(directory: Path, *args: str) -> tuple[int, dict[str, object], str]:
    result = CliRunner().invoke(cli, ["scan", str(directory), "--format", "json", *args])
    doc = json.loads(result.stdout)
    return result.exit_code, doc, result.stderr


def bad_dates(doc: dict[str, object]) -> list[tuple[str, int, str]]:
    notices = doc["notices"]
    assert isinstance(notices, list)
    return [(n["file"], n["line"], n["level"]) for n in notices
            if n["code"] == "suppression-bad-date"]


@pytest.mark.parametrize(("name", "text", "line"), [
    ("main.tf", BUCKET.format(comment='# govern:ignore GOV-AWS-001 reason="x" '
                              "until=2026-02-30"), 2),
    ("main.tf", BUCKET.format(comment="#trivy:ignore:AVD-AWS-0088:exp:2026-13-01"), 2),
    ("template.yaml", TEMPLATE, 8),
])
@pytest.mark.parametrize("fail_on", ["low", "none"])
def test_a_date_that_is_no_date_exits_2_with_file_and_line(
        tmp_path: Path, name: str, text: str, line: int, fail_on: str) -> None:
    (tmp_path / name).write_text(text)
    code, doc, _ = scan(tmp_path, "--fail-on", fail_on)
    assert code == 2
    assert bad_dates(doc) == [(name, line, "error")]
    assert doc["findings"]  # the scan went on: the findings are reported, none suppressed


def test_a_scan_error_beside_it_still_exits_3(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(BUCKET.format(
        comment='# govern:ignore GOV-AWS-001 reason="x" until=2026-02-30'))
    (tmp_path / "broken.tf").write_text('resource "aws_s3_bucket" "c" {\n')
    code, doc, _ = scan(tmp_path)
    assert code == 3
    assert bad_dates(doc) == [("main.tf", 2, "error")]


def test_a_calendar_date_is_honoured(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(BUCKET.format(
        comment='# govern:ignore GOV-AWS-001 reason="x" until=2099-02-28'))
    code, doc, _ = scan(tmp_path)
    assert code == 1  # other rules still fail on the bucket
    assert bad_dates(doc) == []
    findings = doc["findings"]
    assert isinstance(findings, list)
    assert [f["suppression"] is not None for f in findings if f["rule_id"] == "GOV-AWS-001"] \
        == [True]
