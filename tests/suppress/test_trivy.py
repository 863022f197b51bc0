"""tfsec's and Trivy's inline ignores: on the line right above the block or attribute (or
stacked with other ignores there), or at the end of its first line; `:exp:`, `:ws:`, `*`,
long ids; an `[attribute=value]` filter, and `tfsec:` outside Terraform, are reported and
not applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import active, notices, scan, suppressed

# every bucket of these tests also fails GOV-AWS-155/156/162/189/265 (no access logging,
# no customer managed key, no policy denying plain HTTP, no versioning, no MFA delete)
ALL = ["GOV-AWS-001", "GOV-AWS-004", "GOV-AWS-015", "GOV-AWS-155", "GOV-AWS-156",
       "GOV-AWS-162", "GOV-AWS-189", "GOV-AWS-265"]

MAIN_TF = '''\
#tfsec:ignore:aws-s3-enable-bucket-encryption
resource "aws_s3_bucket" "tfsec_long" {
  bucket = "tfsec_long"
}

#trivy:ignore:avd-aws-0088:exp:2026-12-31
resource "aws_s3_bucket" "trivy_lowercase" {
  bucket = "trivy_lowercase"
}

# trivy:ignore:aws-s3-enable-bucket-encryption trivy:ignore:AVD-AWS-0086
resource "aws_s3_bucket" "several" {
  bucket = "several"
}

#trivy:ignore:AVD-AWS-0088
#tfsec:ignore:AVD-AWS-0086
resource "aws_s3_bucket" "stacked" {
  bucket = "stacked"
}

resource "aws_s3_bucket" "trailing" { #trivy:ignore:AVD-AWS-0088
  bucket = "trailing"
}

#trivy:ignore:*
resource "aws_s3_bucket" "wildcard" {
  bucket = "wildcard"
}

#tfsec:ignore:AVD-AWS-0088:ws:default
resource "aws_s3_bucket" "ws_default" {
  bucket = "ws_default"
}

#tfsec:ignore:AVD-AWS-0088:ws:production
resource "aws_s3_bucket" "ws_other" {
  bucket = "ws_other"
}

resource "aws_security_group" "attribute" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    #tfsec:ignore:aws-ec2-no-public-ingress-sgr
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "nested_block" {
  #trivy:ignore:AVD-AWS-0107
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "end_of_line" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] #trivy:ignore:AVD-AWS-0107
  }
}
'''


def test_terraform_placements(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {"main.tf": MAIN_TF})
    tfsec, trivy = "suppressed with tfsec syntax", "suppressed with trivy syntax"
    assert suppressed(report) == [
        ("GOV-AWS-001", "aws_s3_bucket.several", "trivy", trivy, None),
        ("GOV-AWS-001", "aws_s3_bucket.stacked", "trivy", trivy, None),
        ("GOV-AWS-001", "aws_s3_bucket.tfsec_long", "tfsec", tfsec, None),
        ("GOV-AWS-001", "aws_s3_bucket.trailing", "trivy", trivy, None),
        ("GOV-AWS-001", "aws_s3_bucket.trivy_lowercase", "trivy", trivy, "2026-12-31"),
        ("GOV-AWS-001", "aws_s3_bucket.wildcard", "trivy", trivy, None),
        ("GOV-AWS-001", "aws_s3_bucket.ws_default", "tfsec", tfsec, None),
        ("GOV-AWS-004", "aws_s3_bucket.several", "trivy", trivy, None),
        ("GOV-AWS-004", "aws_s3_bucket.stacked", "tfsec", tfsec, None),
        ("GOV-AWS-004", "aws_s3_bucket.wildcard", "trivy", trivy, None),
        ("GOV-AWS-005", "aws_security_group.attribute", "tfsec", tfsec, None),
        ("GOV-AWS-005", "aws_security_group.end_of_line", "trivy", trivy, None),
        ("GOV-AWS-005", "aws_security_group.nested_block", "trivy", trivy, None),
        ("GOV-AWS-015", "aws_s3_bucket.wildcard", "trivy", trivy, None),
        ("GOV-AWS-155", "aws_s3_bucket.wildcard", "trivy", trivy, None),
        ("GOV-AWS-156", "aws_s3_bucket.wildcard", "trivy", trivy, None),
        ("GOV-AWS-162", "aws_s3_bucket.wildcard", "trivy", trivy, None),
        ("GOV-AWS-189", "aws_s3_bucket.wildcard", "trivy", trivy, None),
        ("GOV-AWS-265", "aws_s3_bucket.wildcard", "trivy", trivy, None),
    ]
    assert active(report, "aws_s3_bucket.ws_other") == ALL  # another workspace
    assert notices(report) == []


def test_terraform_placements_tfsec_and_trivy_do_not_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {"main.tf": '''\
#trivy:ignore:AVD-AWS-0088
# a plain comment in between breaks the link
resource "aws_s3_bucket" "not_adjacent" {
  bucket = "not_adjacent"
}

#tfsec:ignore:AVD-AWS-0088

resource "aws_s3_bucket" "blank_line" {
  bucket = "blank_line"
}

resource "aws_s3_bucket" "inside" {
  #trivy:ignore:AVD-AWS-0088
  bucket = "inside"
}

resource "aws_s3_bucket" "last_line" {
  bucket = "last_line"
} #trivy:ignore:AVD-AWS-0088

#trivy:ignore:AVD-AWS-0088[bucket=filtered]
resource "aws_s3_bucket" "filtered" {
  bucket = "filtered"
}

#trivy:ignore:AVD-AWS-0088:exp:2026-01-01
resource "aws_s3_bucket" "expired" {
  bucket = "expired"
}

#tfsec:ignore:AVD-AWS-0088:exp:2026-02-30
resource "aws_s3_bucket" "bad_date" {
  bucket = "bad_date"
}
'''})
    assert suppressed(report) == []
    for name in ("not_adjacent", "blank_line", "inside", "last_line", "filtered", "expired",
                 "bad_date"):
        assert active(report, f"aws_s3_bucket.{name}") == ALL
    assert sorted(notices(report), key=lambda n: n[3] or 0) == [
        ("note", "suppression-unused", "main.tf", 1),
        ("note", "suppression-unused", "main.tf", 7),
        ("note", "suppression-unused", "main.tf", 14),
        ("note", "suppression-unused", "main.tf", 20),
        ("warning", "suppression-invalid", "main.tf", 22),
        ("warning", "suppression-expired", "main.tf", 27),
        ("error", "suppression-bad-date", "main.tf", 32),  # a configuration error: exit 2
    ]
    assert [n.message for n in report.notices if n.code == "suppression-bad-date"] == [
        "tfsec:ignore:AVD-AWS-0088: expiry '2026-02-30' is not a date (YYYY-MM-DD)"]
    assert sorted(n.message for n in report.notices if n.code == "suppression-invalid") == [
        "trivy:ignore:AVD-AWS-0088[bucket=filtered]: govern cannot check the attribute "
        "filter [bucket=filtered], so it does not apply this ignore (write govern:ignore on "
        "the resource, or a waiver for its address)",
    ]


TEMPLATE_YAML = '''\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
#trivy:ignore:*
  Wildcard:
    Type: AWS::S3::Bucket
  # trivy:ignore:AVD-AWS-0088
  Above:
    Type: AWS::S3::Bucket
  Trailing: # trivy:ignore:aws-s3-enable-bucket-encryption
    Type: AWS::S3::Bucket
  Inside:
    Type: AWS::S3::Bucket
    # trivy:ignore:AVD-AWS-0088
    Properties:
      BucketName: inside
  Tfsec: # tfsec:ignore:aws-s3-enable-bucket-encryption
    Type: AWS::S3::Bucket
'''


def test_cloudformation_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {"template.yaml": TEMPLATE_YAML})
    trivy = "suppressed with trivy syntax"
    assert suppressed(report) == [
        ("GOV-AWS-001", "Above", "trivy", trivy, None),
        ("GOV-AWS-001", "Trailing", "trivy", trivy, None),
        ("GOV-AWS-001", "Wildcard", "trivy", trivy, None),
        ("GOV-AWS-004", "Wildcard", "trivy", trivy, None),
        ("GOV-AWS-015", "Wildcard", "trivy", trivy, None),
        ("GOV-AWS-155", "Wildcard", "trivy", trivy, None),
        ("GOV-AWS-156", "Wildcard", "trivy", trivy, None),
        ("GOV-AWS-162", "Wildcard", "trivy", trivy, None),
        ("GOV-AWS-189", "Wildcard", "trivy", trivy, None),
        ("GOV-AWS-265", "Wildcard", "trivy", trivy, None),
    ]
    assert active(report, "Inside") == ALL
    assert active(report, "Tfsec") == ALL  # tfsec reads Terraform only
    assert sorted(notices(report), key=lambda n: n[3] or 0) == [
        ("note", "suppression-unused", "template.yaml", 13),
        ("warning", "suppression-invalid", "template.yaml", 16)]
    assert [n.message for n in report.notices if n.code == "suppression-invalid"] == [
        "tfsec:ignore:aws-s3-enable-bucket-encryption: tfsec reads Terraform only; in "
        "CloudFormation write trivy:ignore:aws-s3-enable-bucket-encryption"]


def test_terraform_ignore_above_a_module_block_covers_the_module_resources(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bucket = 'resource "aws_s3_bucket" "{0}" {{\n  bucket = "{0}"\n}}\n'
    report = scan(tmp_path, monkeypatch, {
        "main.tf": '''\
#trivy:ignore:AVD-AWS-0088
module "logs" {
  source = "./modules/logs"
}

module "data" { #tfsec:ignore:aws-s3-enable-bucket-encryption
  source = "./modules/data"
}

module "other" {
  source = "./modules/other"
}
''',
        "modules/logs/main.tf": bucket.format("logs") + '''
module "archive" {
  source = "../archive"
}
''',
        "modules/archive/main.tf": bucket.format("archive"),
        "modules/data/main.tf": bucket.format("data"),
        "modules/other/main.tf": bucket.format("other"),
    })
    tfsec, trivy = "suppressed with tfsec syntax", "suppressed with trivy syntax"
    assert suppressed(report) == [
        ("GOV-AWS-001", "module.data.aws_s3_bucket.data", "tfsec", tfsec, None),
        ("GOV-AWS-001", "module.logs.aws_s3_bucket.logs", "trivy", trivy, None),
        ("GOV-AWS-001", "module.logs.module.archive.aws_s3_bucket.archive", "trivy", trivy,
         None),
    ]
    assert active(report, "module.other.aws_s3_bucket.other") == ALL
    assert notices(report) == []


def test_an_ignore_above_a_module_block_of_a_child_module_covers_that_call(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bucket = 'resource "aws_s3_bucket" "{0}" {{\n  bucket = "{0}"\n}}\n'
    report = scan(tmp_path, monkeypatch, {
        "main.tf": 'module "app" {\n  source = "./modules/app"\n}\n\n'
                   'module "logs" {\n  source = "./modules/logs"\n}\n',
        "modules/app/main.tf": bucket.format("own") + '''
#trivy:ignore:AVD-AWS-0088
module "logs" {
  source = "../logs"
}

module "data" {
  source = "../data"
}
''',
        "modules/logs/main.tf": bucket.format("logs"),
        "modules/data/main.tf": bucket.format("data"),
    })
    trivy = "suppressed with trivy syntax"
    assert suppressed(report) == [
        ("GOV-AWS-001", "module.app.module.logs.aws_s3_bucket.logs", "trivy", trivy, None)]
    # not the module's own resource, its other call, nor the root's call of the same name
    for address in ("module.app.aws_s3_bucket.own", "module.app.module.data.aws_s3_bucket.data",
                    "module.logs.aws_s3_bucket.logs"):
        assert active(report, address) == ALL
    assert notices(report) == []


def test_under_a_counted_call_the_ignore_is_held_with_a_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {
        "main.tf": 'module "app" {\n  count  = 2\n  source = "./modules/app"\n}\n',
        "modules/app/main.tf": '#trivy:ignore:AVD-AWS-0088\nmodule "logs" {\n'
                               '  source = "../logs"\n}\n',
        "modules/logs/main.tf": 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n',
    })
    assert suppressed(report) == []
    assert notices(report) == [("warning", "suppression-invalid", "modules/app/main.tf", 1)]
    held = [n for n in report.notices if n.code == "suppression-invalid"]
    assert "govern cannot tell which instances it is meant for" in (held[0].hint or "")
