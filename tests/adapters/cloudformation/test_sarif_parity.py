"""The same bad S3 bucket written as Terraform, CloudFormation YAML and CloudFormation
JSON: the same rule ids, each at the right file and line in SARIF."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from govern.report.sarif import document
from govern.scan import ScanOptions, run_scan

TERRAFORM = """\
resource "aws_s3_bucket" "site" {
  bucket = "example-site"
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = "public-read"
}

resource "aws_db_instance" "orders" {
  engine              = "postgres"
  storage_encrypted   = true
  publicly_accessible = true
  tags                = { owner = "data", cost-center = "cc-1" }
}
"""
YAML = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: example-site
      AccessControl: PublicRead
  Orders:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: true
      PubliclyAccessible: true
      Tags: [{Key: owner, Value: data}, {Key: cost-center, Value: cc-1}]
"""
JSON_TEMPLATE = """\
{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Site": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "BucketName": "example-site",
        "AccessControl": "PublicRead"
      }
    },
    "Orders": {
      "Type": "AWS::RDS::DBInstance",
      "Properties": {
        "Engine": "postgres",
        "StorageEncrypted": true,
        "PubliclyAccessible": true,
        "Tags": [{"Key": "owner", "Value": "data"}, {"Key": "cost-center", "Value": "cc-1"}]
      }
    }
  }
}
"""
EXPECTED = {("GOV-AWS-001", "bucket"), ("GOV-AWS-002", "bucket"), ("GOV-AWS-004", "bucket"),
            ("GOV-AWS-015", "bucket"), ("GOV-AWS-008", "database")}


def test_same_bucket_same_findings_in_every_format(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "tf").mkdir()
    (tmp_path / "tf" / "main.tf").write_text(TERRAFORM)
    (tmp_path / "template.yaml").write_text(YAML)
    (tmp_path / "template.json").write_text(JSON_TEMPLATE)
    monkeypatch.chdir(tmp_path)
    report = run_scan(ScanOptions(paths=(".",))).report
    assert [n.render() for n in report.notices if n.level == "error"] == []
    sarif = document(report)
    found: dict[str, dict[tuple[str, str], tuple[int, int]]] = defaultdict(dict)
    for result in sarif["runs"][0]["results"]:
        location = result["locations"][0]["physicalLocation"]
        region = location["region"]
        name = result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
        what = "database" if name in ("Orders", "aws_db_instance.orders") else "bucket"
        found[location["artifactLocation"]["uri"]][(result["ruleId"], what)] = (
            region["startLine"], region.get("endLine", region["startLine"]))
    assert {uri: set(rules) for uri, rules in found.items()} == {
        uri: EXPECTED for uri in ("tf/main.tf", "template.yaml", "template.json")}
    # a failing value points at its line; a missing one at the resource
    assert found["tf/main.tf"][("GOV-AWS-008", "database")] == (13, 13)
    assert found["template.yaml"][("GOV-AWS-008", "database")] == (13, 13)
    assert found["template.json"][("GOV-AWS-008", "database")] == (16, 16)
    assert found["tf/main.tf"][("GOV-AWS-001", "bucket")] == (1, 3)
    assert found["template.yaml"][("GOV-AWS-001", "bucket")] == (3, 7)
    assert found["template.json"][("GOV-AWS-001", "bucket")] == (4, 10)
    names = {r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
             for r in sarif["runs"][0]["results"]}
    assert names == {"aws_s3_bucket.site", "aws_db_instance.orders", "Site", "Orders"}
