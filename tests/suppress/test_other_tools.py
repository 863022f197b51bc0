"""Other tools' suppression comments, mapped through the rules' equivalents."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import active, notices, scan, suppressed

MAIN_TF = '''\
#checkov:skip=CKV_AWS_19:encrypted by the bucket policy
resource "aws_s3_bucket" "checkov" {
  bucket = "checkov"
}

#tfsec:ignore:aws-s3-enable-bucket-encryption
resource "aws_s3_bucket" "tfsec" {
  bucket = "tfsec"
}

#trivy:ignore:AVD-AWS-0088:exp:2026-12-31
resource "aws_s3_bucket" "trivy" {
  bucket = "trivy"
}

#tfsec:ignore:aws-s3-enable-bucket-encryption:exp:2026-01-01
resource "aws_s3_bucket" "tfsec_expired" {
  bucket = "tfsec_expired"
}

# kics-scan ignore-block
resource "aws_s3_bucket" "kics" {
  bucket = "kics"
}

#checkov:skip=CKV_AWS_999:a check govern has no equivalent of
resource "aws_s3_bucket" "foreign" {
  bucket = "foreign"
}

#checkov:skip=CKV_AWS_19
resource "aws_s3_bucket" "no_reason" {
  bucket = "no_reason"
}
'''


def test_checkov_tfsec_trivy_kics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {"main.tf": MAIN_TF})
    assert suppressed(report) == [
        ("GOV-AWS-001", "aws_s3_bucket.checkov", "checkov", "encrypted by the bucket policy",
         None),
        ("GOV-AWS-001", "aws_s3_bucket.kics", "kics",
         "suppressed with kics syntax (ignore-block)", None),
        ("GOV-AWS-001", "aws_s3_bucket.tfsec", "tfsec", "suppressed with tfsec syntax", None),
        ("GOV-AWS-001", "aws_s3_bucket.trivy", "trivy", "suppressed with trivy syntax",
         "2026-12-31"),
        ("GOV-AWS-004", "aws_s3_bucket.kics", "kics",
         "suppressed with kics syntax (ignore-block)", None),
        ("GOV-AWS-015", "aws_s3_bucket.kics", "kics",
         "suppressed with kics syntax (ignore-block)", None),
    ]
    assert active(report, "aws_s3_bucket.tfsec_expired") == [
        "GOV-AWS-001", "GOV-AWS-004", "GOV-AWS-015"]
    assert active(report, "aws_s3_bucket.foreign") == [
        "GOV-AWS-001", "GOV-AWS-004", "GOV-AWS-015"]
    assert notices(report) == [
        ("warning", "suppression-expired", "main.tf", 16),
        ("warning", "suppression-invalid", "main.tf", 31),
    ]
    expired = next(n for n in report.notices if n.code == "suppression-expired")
    assert expired.message == "tfsec suppression of GOV-AWS-001 expired on 2026-01-01"


def test_kics_ignore_line_covers_the_next_line_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {"main.tf": '''\
resource "aws_security_group" "web" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    # kics-scan ignore-line
    cidr_blocks = ["0.0.0.0/0"]
  }
}
'''})
    assert [(r, s) for r, _, s, _, _ in suppressed(report)] == [("GOV-AWS-005", "kics")]
