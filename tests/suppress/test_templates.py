"""CloudFormation (YAML comments, YAML and JSON Metadata) and ARM metadata."""

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


TEMPLATE_YAML = '''\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  # govern:ignore GOV-AWS-001 reason="public website assets"
  Assets:
    Type: AWS::S3::Bucket
  Trailing:  # govern:ignore GOV-AWS-015 reason="tagged by the stack policy"
    Type: AWS::S3::Bucket
    Properties:
      BucketName: "a#b # not a comment: govern:ignore GOV-AWS-004 reason='x'"
  Logs:
    Type: AWS::S3::Bucket
    Metadata:
      govern:
        ignore:
          - id: GOV-AWS-004
            reason: "access logs, account-level block"
            until: 2026-05-01
      checkov:
        skip:
          - id: CKV_AWS_19
            comment: "encrypted by the log pipeline"
          - id: CKV2_AWS_6
'''

TEMPLATE_JSON = '''\
{
  "Resources": {
    "Data": {
      "Type": "AWS::S3::Bucket",
      "Metadata": {
        "govern": {
          "ignore": [
            {"id": "GOV-AWS-001, GOV-AWS-015", "reason": "scratch data", "until": "2027-01-01"},
            {"id": "GOV-AWS-004"}
          ]
        }
      }
    }
  }
}
'''

ARM = '''\
{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Storage/storageAccounts",
      "apiVersion": "2022-09-01",
      "name": "stlogs",
      "location": "westeurope",
      "kind": "StorageV2",
      "sku": {"name": "Standard_LRS"},
      "metadata": {
        "govern": {
          "ignore": [
            {"id": "GOV-AZURE-001", "reason": "legacy client needs HTTP"},
            {"id": "GOV-AZURE-999", "reason": "no such rule"}
          ]
        }
      },
      "properties": {"supportsHttpsTrafficOnly": false}
    }
  ]
}
'''


def test_cloudformation_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {"template.yaml": TEMPLATE_YAML})
    assert suppressed(report) == [
        ("GOV-AWS-001", "Assets", "govern", "public website assets", None),
        ("GOV-AWS-001", "Logs", "checkov", "encrypted by the log pipeline", None),
        ("GOV-AWS-015", "Trailing", "govern", "tagged by the stack policy", None),
    ]
    assert active(report, "Logs") == ["GOV-AWS-004", "GOV-AWS-015", *S3_DEFAULTS]  # expired
    assert active(report, "Trailing") == ["GOV-AWS-001", "GOV-AWS-004", *S3_DEFAULTS]
    assert notices(report) == [
        ("warning", "suppression-expired", "template.yaml", 15),
        ("warning", "suppression-invalid", "template.yaml", 22),
    ]


def test_cloudformation_json_metadata(tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {"template.json": TEMPLATE_JSON})
    assert suppressed(report) == [
        ("GOV-AWS-001", "Data", "govern", "scratch data", "2027-01-01"),
        ("GOV-AWS-015", "Data", "govern", "scratch data", "2027-01-01"),
    ]
    assert active(report, "Data") == ["GOV-AWS-004", *S3_DEFAULTS]
    assert [(n.code, n.line, n.message) for n in report.notices] == [
        ("suppression-invalid", 9,
         "govern suppression in metadata for GOV-AWS-004 has no reason (add reason)")]


def test_arm_metadata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, {"storage.json": ARM})
    address = "Microsoft.Storage/storageAccounts/stlogs"
    assert suppressed(report) == [
        ("GOV-AZURE-001", address, "govern", "legacy client needs HTTP", None)]
    assert "GOV-AZURE-001" not in active(report, address)
    assert notices(report) == [("note", "suppression-unused", "storage.json", 16)]
