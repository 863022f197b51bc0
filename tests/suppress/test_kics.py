"""KICS's `kics-scan` commands: `ignore-line` / `ignore-block` right above what they skip,
and `ignore` / `disable=` / `enable=` in the comment lines at the top of a file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from govern.engine.rule_loader import default_rules_dir, load_rules
from govern.model.finding import RuleMeta
from govern.suppress.apply import apply_suppressions
from govern.suppress.inline import collect

from .helpers import TODAY, active, notices, scan, suppressed

# what every bucket of these tests fails besides: no access logging, no customer managed
# key, no policy denying plain HTTP
# no access logging, no customer managed key, no policy denying plain HTTP, no versioning,
# no MFA delete
S3_DEFAULTS = ["GOV-AWS-155", "GOV-AWS-156", "GOV-AWS-162", "GOV-AWS-189",
               "GOV-AWS-265"]


ALL = ["GOV-AWS-001", "GOV-AWS-004", "GOV-AWS-015", *S3_DEFAULTS]
KICS_ENCRYPTION = "00000000-0000-4000-8000-000000000001"  # test ids (the catalogue maps none)
KICS_PUBLIC_ACCESS = "00000000-0000-4000-8000-000000000002"

MAIN_TF = '''\
# kics-scan ignore-block
resource "aws_s3_bucket" "block" {
  bucket = "block"
}

# kics-scan ignore-line
resource "aws_s3_bucket" "line" {
  bucket = "line"
}

resource "aws_security_group" "attribute" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    # kics-scan ignore-line
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "nested_block" {
  # kics-scan ignore-block
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
'''

NOT_READ_TF = '''\
resource "aws_security_group" "line_above_the_block" {
  # kics-scan ignore-line
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
    cidr_blocks = ["0.0.0.0/0"] # kics-scan ignore-line
  }
}

resource "aws_s3_bucket" "inside" {
  # kics-scan ignore-block
  bucket = "inside"
}

# kics-scan ignore-block
# a plain comment: the block is not right below
resource "aws_s3_bucket" "not_adjacent" {
  bucket = "not_adjacent"
}

# kics-scan ignore
'''


def test_terraform_line_and_block(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {"main.tf": MAIN_TF, "other.tf": NOT_READ_TF})
    assert suppressed(report) == [
        ("GOV-AWS-001", "aws_s3_bucket.block", "kics",
         "suppressed with kics syntax (ignore-block)", None),
        ("GOV-AWS-001", "aws_s3_bucket.line", "kics",
         "suppressed with kics syntax (ignore-line)", None),
        ("GOV-AWS-004", "aws_s3_bucket.block", "kics",
         "suppressed with kics syntax (ignore-block)", None),
        ("GOV-AWS-004", "aws_s3_bucket.line", "kics",
         "suppressed with kics syntax (ignore-line)", None),
        ("GOV-AWS-005", "aws_security_group.attribute", "kics",
         "suppressed with kics syntax (ignore-line)", None),
        ("GOV-AWS-005", "aws_security_group.nested_block", "kics",
         "suppressed with kics syntax (ignore-block)", None),
        ("GOV-AWS-015", "aws_s3_bucket.block", "kics",
         "suppressed with kics syntax (ignore-block)", None),
        ("GOV-AWS-015", "aws_s3_bucket.line", "kics",
         "suppressed with kics syntax (ignore-line)", None),
        ("GOV-AWS-155", "aws_s3_bucket.block", "kics",
         "suppressed with kics syntax (ignore-block)", None),
        ("GOV-AWS-155", "aws_s3_bucket.line", "kics",
         "suppressed with kics syntax (ignore-line)", None),
        ("GOV-AWS-156", "aws_s3_bucket.block", "kics",
         "suppressed with kics syntax (ignore-block)", None),
        ("GOV-AWS-156", "aws_s3_bucket.line", "kics",
         "suppressed with kics syntax (ignore-line)", None),
        ("GOV-AWS-162", "aws_s3_bucket.block", "kics",
         "suppressed with kics syntax (ignore-block)", None),
        ("GOV-AWS-162", "aws_s3_bucket.line", "kics",
         "suppressed with kics syntax (ignore-line)", None),
        ("GOV-AWS-189", "aws_s3_bucket.block", "kics",
         "suppressed with kics syntax (ignore-block)", None),
        ("GOV-AWS-189", "aws_s3_bucket.line", "kics",
         "suppressed with kics syntax (ignore-line)", None),
        ("GOV-AWS-265", "aws_s3_bucket.block", "kics",
         "suppressed with kics syntax (ignore-block)", None),
        ("GOV-AWS-265", "aws_s3_bucket.line", "kics",
         "suppressed with kics syntax (ignore-line)", None),
    ]
    assert active(report, "aws_security_group.line_above_the_block") == [
        "GOV-AWS-005", "GOV-AWS-015"]
    assert active(report, "aws_security_group.end_of_line") == ["GOV-AWS-005", "GOV-AWS-015"]
    assert active(report, "aws_s3_bucket.inside") == ALL
    assert active(report, "aws_s3_bucket.not_adjacent") == ALL
    # KICS suppressions are never reported as unused; one at the end of a line is reported
    assert notices(report) == [("warning", "suppression-invalid", "other.tf", 16)]
    assert [n.message for n in report.notices] == [
        "kics-scan ignore-line at the end of a line of code: write it alone on the line "
        "right above what it skips"]


def test_terraform_whole_file_ignore_at_the_top_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {
        "ignored.tf": '''\

# the header may hold other comments and blank lines

#kics-scan ignore
resource "aws_s3_bucket" "ignored" {
  bucket = "ignored"
}
''',
        "slashes.tf": '''\
// kics-scan ignore
resource "aws_s3_bucket" "slashes" {
  bucket = "slashes"
}
''',
        "late.tf": '''\
resource "aws_s3_bucket" "late" {
  bucket = "late"
}
# kics-scan ignore
'''})
    reason = "suppressed with kics syntax (kics-scan ignore)"
    assert suppressed(report) == [
        (rule, "aws_s3_bucket.ignored", "kics", reason, None) for rule in ALL]
    assert active(report, "aws_s3_bucket.slashes") == ALL  # KICS reads `#` there
    assert active(report, "aws_s3_bucket.late") == ALL


def _metas_with_kics_ids() -> list[RuleMeta]:
    kics = {"GOV-AWS-001": (KICS_ENCRYPTION,), "GOV-AWS-004": (KICS_PUBLIC_ACCESS,)}
    return [replace(meta, equivalents={**meta.equivalents, "kics": kics.get(meta.id, ())})
            for meta in load_rules([default_rules_dir()]).metas()]


def test_disable_and_enable_map_query_ids_through_equivalents(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {
        "disable.tf": f'''\
# kics-scan disable={KICS_ENCRYPTION.upper()},ffffffff-0000-4000-8000-00000000000f
resource "aws_s3_bucket" "disabled" {{
  bucket = "disabled"
}}
''',
        "enable.tf": f'''\
# kics-scan enable={KICS_ENCRYPTION}
resource "aws_s3_bucket" "enabled" {{
  bucket = "enabled"
}}
''',
        "template.yaml": f'''\
# kics-scan disable={KICS_PUBLIC_ACCESS}
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Disabled:
    Type: AWS::S3::Bucket
''',
    }
    report = scan(tmp_path, monkeypatch, files)
    assert suppressed(report) == []  # the catalogue maps no KICS id
    collected = collect([str(tmp_path / name) for name in files], _metas_with_kics_ids())
    findings, notes = apply_suppressions(report.findings, collected.rules, TODAY,
                                         str(tmp_path))
    assert notes == []
    assert sorted((f.rule_id, f.resource_address, s.justification) for f in findings
                  if (s := f.suppression) is not None) == [
        ("GOV-AWS-001", "aws_s3_bucket.disabled",
         f"suppressed with kics syntax (kics-scan disable={KICS_ENCRYPTION.upper()},"
         f"ffffffff-0000-4000-8000-00000000000f)"),
        ("GOV-AWS-004", "Disabled",
         f"suppressed with kics syntax (kics-scan disable={KICS_PUBLIC_ACCESS})"),
        ("GOV-AWS-004", "aws_s3_bucket.enabled",
         f"suppressed with kics syntax (kics-scan enable={KICS_ENCRYPTION})"),
    ]  # GOV-AWS-015 has no KICS equivalent: `enable=` cannot name it


TEMPLATE_YAML = '''\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  # kics-scan ignore-block
  Block:
    Type: AWS::S3::Bucket
  Line:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          # kics-scan ignore-line
          CidrIp: 0.0.0.0/0
  Trailing: # kics-scan ignore-block
    Type: AWS::S3::Bucket
'''


def test_cloudformation_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {
        "template.yaml": TEMPLATE_YAML,
        "ignored.yaml": '''\
# kics-scan ignore
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Ignored:
    Type: AWS::S3::Bucket
'''})
    block = "suppressed with kics syntax (ignore-block)"
    assert suppressed(report) == [
        ("GOV-AWS-001", "Block", "kics", block, None),
        ("GOV-AWS-001", "Ignored", "kics", "suppressed with kics syntax (kics-scan ignore)",
         None),
        ("GOV-AWS-004", "Block", "kics", block, None),
        ("GOV-AWS-004", "Ignored", "kics", "suppressed with kics syntax (kics-scan ignore)",
         None),
        ("GOV-AWS-005", "Line", "kics", "suppressed with kics syntax (ignore-line)", None),
        ("GOV-AWS-015", "Block", "kics", block, None),
        ("GOV-AWS-015", "Ignored", "kics", "suppressed with kics syntax (kics-scan ignore)",
         None),
        ("GOV-AWS-155", "Block", "kics", block, None),
        ("GOV-AWS-155", "Ignored", "kics", "suppressed with kics syntax (kics-scan ignore)",
         None),
        ("GOV-AWS-156", "Block", "kics", block, None),
        ("GOV-AWS-156", "Ignored", "kics", "suppressed with kics syntax (kics-scan ignore)",
         None),
        ("GOV-AWS-162", "Block", "kics", block, None),
        ("GOV-AWS-162", "Ignored", "kics", "suppressed with kics syntax (kics-scan ignore)",
         None),        ("GOV-AWS-189", "Block", "kics", block, None),
        ("GOV-AWS-189", "Ignored", "kics", "suppressed with kics syntax (kics-scan ignore)",
         None),
        ("GOV-AWS-265", "Block", "kics", block, None),
        ("GOV-AWS-265", "Ignored", "kics", "suppressed with kics syntax (kics-scan ignore)",
         None),
    ]
    # the group keeps AWS's default allow-all egress rule (GOV-AWS-100), not suppressed
    assert active(report, "Line") == ["GOV-AWS-015", "GOV-AWS-100"]
    assert active(report, "Trailing") == ALL
    assert notices(report) == [("warning", "suppression-invalid", "template.yaml", 16)]
