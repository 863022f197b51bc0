"""Checkov's suppressions, where Checkov reads them (Checkov 3.3: a skip comment anywhere
strictly inside a Terraform block; from the logical-id line to the last line of a
CloudFormation resource; `Metadata.checkov.skip`; ARM `metadata.checkov` strings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import active, notices, scan, suppressed

MAIN_TF = '''\
resource "aws_s3_bucket" "inside" {
  bucket = "inside"
  #checkov:skip=CKV_AWS_19:encrypted by the bucket policy
}

resource "aws_s3_bucket" "trailing" {
  bucket = "trailing" # checkov:skip=CKV_AWS_19:trailing on an attribute
}

resource "aws_s3_bucket" "several" {
  // checkov:skip=CKV_AWS_19,CKV2_AWS_6:two ids, one comment
  bucket = "several"
  /* bridgecrew:skip=CKV_AWS_999:a check govern has no equivalent of */
}

resource "aws_security_group" "web" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  # checkov:skip=CKV_AWS_24:bastion, allow-listed upstream
}
'''


def test_terraform_skip_anywhere_inside_the_block_covers_the_resource(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {"main.tf": MAIN_TF})
    assert suppressed(report) == [
        ("GOV-AWS-001", "aws_s3_bucket.inside", "checkov", "encrypted by the bucket policy",
         None),
        ("GOV-AWS-001", "aws_s3_bucket.several", "checkov", "two ids, one comment", None),
        ("GOV-AWS-001", "aws_s3_bucket.trailing", "checkov", "trailing on an attribute",
         None),
        ("GOV-AWS-004", "aws_s3_bucket.several", "checkov", "two ids, one comment", None),
        ("GOV-AWS-005", "aws_security_group.web", "checkov",
         "bastion, allow-listed upstream", None),
    ]
    assert active(report, "aws_s3_bucket.inside") == ["GOV-AWS-004", "GOV-AWS-015"]
    assert active(report, "aws_s3_bucket.several") == ["GOV-AWS-015"]
    assert notices(report) == []


def test_terraform_skip_outside_the_block_does_not_suppress(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {"main.tf": '''\
#checkov:skip=CKV_AWS_19:above the block
resource "aws_s3_bucket" "above" {
  bucket = "above"
}

resource "aws_s3_bucket" "first_line" { #checkov:skip=CKV_AWS_19:on the first line
  bucket = "first_line"
}

resource "aws_s3_bucket" "last_line" {
  bucket = "last_line"
} #checkov:skip=CKV_AWS_19:on the closing line

resource "aws_s3_bucket" "in_string" {
  bucket = "checkov:skip=CKV_AWS_19:in a string"
}

resource "aws_s3_bucket" "no_reason" {
  #checkov:skip=CKV_AWS_19
  bucket = "no_reason"
}
'''})
    assert suppressed(report) == []
    for name in ("above", "first_line", "last_line", "in_string", "no_reason"):
        assert "GOV-AWS-001" in active(report, f"aws_s3_bucket.{name}")
    assert sorted(notices(report), key=lambda n: n[3] or 0) == [
        ("warning", "suppression-invalid", "main.tf", 1),
        ("warning", "suppression-invalid", "main.tf", 6),
        ("note", "suppression-unused", "main.tf", 12),
        ("warning", "suppression-invalid", "main.tf", 19),
    ]
    messages = [n.message for n in report.notices if n.code == "suppression-invalid"]
    assert messages == [
        "checkov:skip=CKV_AWS_19 is above the block: Checkov reads a skip only inside the "
        "block, between its first and last line; move it inside",
        "checkov:skip=CKV_AWS_19 is on the block's first line: Checkov reads a skip only "
        "inside the block, between its first and last line; move it inside",
        "checkov:skip=CKV_AWS_19 has no reason (write checkov:skip=CKV_AWS_19:REASON)",
    ]


TEMPLATE_YAML = '''\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  OnIdLine: # checkov:skip=CKV_AWS_19:trailing on the logical-id line
    Type: AWS::S3::Bucket
  Inside:
    Type: AWS::S3::Bucket
    # checkov:skip=CKV2_AWS_6:inside the body
    Properties:
      BucketName: inside
  Trailing:
    Type: AWS::S3::Bucket # checkov:skip=CKV_AWS_19:trailing on the last line
  # checkov:skip=CKV_AWS_19:above the logical id
  Above:
    Type: AWS::S3::Bucket
  Several:
    # checkov:skip=CKV_AWS_19,CKV2_AWS_6:two ids
    Type: AWS::S3::Bucket
  AfterLast:
    Type: AWS::S3::Bucket
    # a comment line after the last line is outside the resource
    # checkov:skip=CKV_AWS_19:after the last line
  Meta:
    Type: AWS::S3::Bucket
    Metadata:
      checkov:
        skip:
          - id: CKV_AWS_19
            comment: encrypted by the log pipeline
      bridgecrew:
        skip:
          - id: CKV2_AWS_6
            comment: account-level block
          - id: CKV_AWS_19, CKV2_AWS_6
            comment: Checkov reads one id per entry
'''


def test_cloudformation_yaml_comments_and_metadata(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {"template.yaml": TEMPLATE_YAML})
    assert suppressed(report) == [
        ("GOV-AWS-001", "Meta", "checkov", "encrypted by the log pipeline", None),
        ("GOV-AWS-001", "OnIdLine", "checkov", "trailing on the logical-id line", None),
        ("GOV-AWS-001", "Trailing", "checkov", "trailing on the last line", None),
        ("GOV-AWS-004", "Inside", "checkov", "inside the body", None),
        ("GOV-AWS-004", "Meta", "checkov", "account-level block", None),
    ]
    assert active(report, "Above") == ["GOV-AWS-001", "GOV-AWS-004", "GOV-AWS-015"]
    assert active(report, "Several") == ["GOV-AWS-001", "GOV-AWS-004", "GOV-AWS-015"]
    assert active(report, "AfterLast") == ["GOV-AWS-001", "GOV-AWS-004", "GOV-AWS-015"]
    assert [(n.code, n.line, n.message) for n in report.notices
            if n.code.startswith("suppression-")] == [
        ("suppression-invalid", 12,
         "checkov:skip=CKV_AWS_19 is outside any resource: Checkov reads a skip only from "
         "the logical-id line to the resource's last line; move it there"),
        ("suppression-invalid", 16,
         "checkov:skip=CKV_AWS_19,CKV2_AWS_6 names several ids: in CloudFormation Checkov "
         "reads one id per comment; write one comment per id"),
        ("suppression-invalid", 21,
         "checkov:skip=CKV_AWS_19 is outside any resource: Checkov reads a skip only from "
         "the logical-id line to the resource's last line; move it there"),
    ]


def test_cloudformation_json_metadata(tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {"template.json": '''\
{
  "Resources": {
    "Data": {
      "Type": "AWS::S3::Bucket",
      "Metadata": {
        "checkov": {"skip": [{"id": "CKV_AWS_19", "comment": "scratch data"}]},
        "bridgecrew": {"skip": [{"id": "CKV2_AWS_6"}]}
      }
    }
  }
}
'''})
    assert suppressed(report) == [("GOV-AWS-001", "Data", "checkov", "scratch data", None)]
    assert active(report, "Data") == ["GOV-AWS-004", "GOV-AWS-015"]
    assert [(n.code, n.line, n.message) for n in report.notices] == [
        ("suppression-invalid", 7,
         "checkov suppression in metadata for CKV2_AWS_6 has no reason (add comment)")]


ARM = '''\
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2022-09-01",
      "name": "stlist", "location": "westeurope", "kind": "StorageV2",
      "sku": {"name": "Standard_LRS"},
      "metadata": {"checkov": ["checkov:skip=CKV_AZURE_3:legacy client needs HTTP"]},
      "properties": {"supportsHttpsTrafficOnly": false}
    },
    {
      "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2022-09-01",
      "name": "ststring", "location": "westeurope", "kind": "StorageV2",
      "sku": {"name": "Standard_LRS"},
      "metadata": {"checkov": "checkov:skip=CKV_AZURE_3:one string"},
      "properties": {"supportsHttpsTrafficOnly": false}
    },
    {
      "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2022-09-01",
      "name": "stcfnform", "location": "westeurope", "kind": "StorageV2",
      "sku": {"name": "Standard_LRS"},
      "metadata": {"checkov": {"skip": [{"id": "CKV_AZURE_3", "comment": "not ARM's form"}]}},
      "properties": {"supportsHttpsTrafficOnly": false}
    },
    {
      "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2022-09-01",
      "name": "stnoreason", "location": "westeurope", "kind": "StorageV2",
      "sku": {"name": "Standard_LRS"},
      "metadata": {"checkov": ["checkov:skip=CKV_AZURE_3"]},
      "properties": {"supportsHttpsTrafficOnly": false}
    }
  ]
}
'''


def test_arm_metadata_strings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {"storage.json": ARM})
    prefix = "Microsoft.Storage/storageAccounts/"
    assert suppressed(report) == [
        ("GOV-AZURE-001", prefix + "stlist", "checkov", "legacy client needs HTTP", None),
        ("GOV-AZURE-001", prefix + "ststring", "checkov", "one string", None),
    ]
    assert "GOV-AZURE-001" in active(report, prefix + "stcfnform")
    assert "GOV-AZURE-001" in active(report, prefix + "stnoreason")
    assert notices(report) == [("warning", "suppression-invalid", "storage.json", 30)]


def test_terraform_skip_inside_a_module_block_covers_the_module_resources(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bucket = 'resource "aws_s3_bucket" "{0}" {{\n  bucket = "{0}"\n}}\n'
    report = scan(tmp_path, monkeypatch, {
        "main.tf": '''\
module "logs" {
  source = "./modules/logs"
  #checkov:skip=CKV_AWS_19:log buckets are encrypted by the pipeline
}

module "data" {
  source = "./modules/data"
}
''' + bucket.format("root"),
        "modules/logs/main.tf": bucket.format("logs") + '''
module "archive" {
  source = "../archive"
}
''',
        "modules/archive/main.tf": bucket.format("archive"),
        "modules/data/main.tf": bucket.format("data"),
    })
    reason = "log buckets are encrypted by the pipeline"
    assert suppressed(report) == [
        ("GOV-AWS-001", "module.logs.aws_s3_bucket.logs", "checkov", reason, None),
        ("GOV-AWS-001", "module.logs.module.archive.aws_s3_bucket.archive", "checkov",
         reason, None),
    ]
    assert "GOV-AWS-001" in active(report, "module.data.aws_s3_bucket.data")
    assert "GOV-AWS-001" in active(report, "aws_s3_bucket.root")
    assert notices(report) == []
