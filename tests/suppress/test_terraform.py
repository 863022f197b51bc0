from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import active, notices, scan, suppressed

# what every bucket of these tests fails besides: no access logging, no customer managed
# key, no policy denying plain HTTP
# no access logging, no customer managed key, no policy denying plain HTTP, no versioning,
# no MFA delete
S3_DEFAULTS = ["GOV-AWS-155", "GOV-AWS-156", "GOV-AWS-162", "GOV-AWS-189",
               "GOV-AWS-265"]


MAIN_TF = '''\
# govern:ignore GOV-AWS-001 reason="public website assets" until=2026-12-31
resource "aws_s3_bucket" "above" {
  bucket = "above"
}

resource "aws_s3_bucket" "trailing" { # govern:ignore GOV-AWS-001,GOV-AWS-015 reason="scratch"
  bucket = "trailing"
}

resource "aws_security_group" "web" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    // govern:ignore GOV-AWS-005 reason='bastion, allow-listed upstream'
    cidr_blocks = ["0.0.0.0/0"]
  }
}

/* govern:ignore GOV-AWS-004 reason="block comment" */
resource "aws_s3_bucket" "block" {
  bucket = "# govern:ignore GOV-AWS-015 reason=\\"inside a string, not a comment\\""
}
'''


def test_above_trailing_offending_line_and_block_comment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {"main.tf": MAIN_TF})
    assert suppressed(report) == [
        ("GOV-AWS-001", "aws_s3_bucket.above", "govern", "public website assets",
         "2026-12-31"),
        ("GOV-AWS-001", "aws_s3_bucket.trailing", "govern", "scratch", None),
        ("GOV-AWS-004", "aws_s3_bucket.block", "govern", "block comment", None),
        ("GOV-AWS-005", "aws_security_group.web", "govern",
         "bastion, allow-listed upstream", None),
        ("GOV-AWS-015", "aws_s3_bucket.trailing", "govern", "scratch", None),
    ]
    assert active(report, "aws_s3_bucket.above") == ["GOV-AWS-004", "GOV-AWS-015", *S3_DEFAULTS]
    assert active(report, "aws_s3_bucket.block") == ["GOV-AWS-001", "GOV-AWS-015", *S3_DEFAULTS]
    assert notices(report) == []
    above = next(f for f in report.findings if f.resource_address == "aws_s3_bucket.above"
                 and f.suppression is not None)
    assert above.suppression is not None and above.suppression.location is not None
    assert (above.suppression.kind, above.suppression.location.start_line) == ("inSource", 1)


def test_a_comment_above_another_line_does_not_cover_the_offending_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {"main.tf": '''\
resource "aws_security_group" "web" {
  ingress {
    # govern:ignore GOV-AWS-005 reason="wrong line"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
'''})
    assert suppressed(report) == []
    assert notices(report) == [("note", "suppression-unused", "main.tf", 3)]


def test_reason_is_required_and_dates_must_be_dates(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {"main.tf": '''\
# govern:ignore GOV-AWS-001
resource "aws_s3_bucket" "a" {
  bucket = "a"
}

# govern:ignore GOV-AWS-001 reason="x" until=2026-13-01
resource "aws_s3_bucket" "b" {
  bucket = "b"
}
'''})
    assert suppressed(report) == []
    assert sorted((n.line, n.level, n.code, n.message) for n in report.notices
                  if n.code.startswith("suppression-")) == [
        (1, "warning", "suppression-invalid",
         'govern:ignore GOV-AWS-001 has no reason (add reason="why this is accepted")'),
        # a date that is no calendar date is a configuration error (exit 2, test_cli)
        (6, "error", "suppression-bad-date",
         "govern:ignore: until='2026-13-01' is not a date (YYYY-MM-DD)"),
    ]


def test_expired_suppression_reports_the_finding_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"main.tf": '''\
# govern:ignore GOV-AWS-001 reason="until the migration" until=2026-05-31
resource "aws_s3_bucket" "a" {
  bucket = "a"
}
'''}
    report = scan(tmp_path, monkeypatch, files)
    assert suppressed(report) == []
    assert active(report, "aws_s3_bucket.a") == [
        "GOV-AWS-001", "GOV-AWS-004", "GOV-AWS-015", *S3_DEFAULTS]
    expired = [n for n in report.notices if n.code == "suppression-expired"]
    assert [(n.level, n.file, n.line, n.message) for n in expired] == [
        ("warning", "main.tf", 1, "govern suppression of GOV-AWS-001 expired on 2026-05-31")]
    # the last day is still covered
    from datetime import date
    report = scan(tmp_path, monkeypatch, files, today=date(2026, 5, 31))
    assert [s[0] for s in suppressed(report)] == ["GOV-AWS-001"]


def test_unused_suppression_is_a_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {"main.tf": '''\
# govern:ignore GOV-AWS-999 reason="typo in the id"
resource "aws_s3_bucket" "a" {
  bucket = "a"
}
'''})
    unused = [n for n in report.notices if n.code == "suppression-unused"]
    assert [(n.level, n.line, n.message) for n in unused] == [
        ("note", 1, "govern suppression of GOV-AWS-999 matches no finding")]
