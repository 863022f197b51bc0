"""The same bad S3 bucket written as Terraform, CloudFormation YAML and CloudFormation
JSON: the same rule ids, each at the right file and line in SARIF."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from govern.report.sarif import document
from govern.scan import ScanOptions, run_scan
from tests.tagging import TAGS_ASKED

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
            ("GOV-AWS-015", "bucket"), ("GOV-AWS-155", "bucket"), ("GOV-AWS-156", "bucket"),
            ("GOV-AWS-162", "bucket"), ("GOV-AWS-008", "database"),
            ("GOV-AWS-175", "database"), ("GOV-AWS-178", "database"),
            # no versioning, MFA delete, deletion protection or week of backups
            ("GOV-AWS-189", "bucket"), ("GOV-AWS-265", "bucket"),
            ("GOV-AWS-192", "database"), ("GOV-AWS-193", "database"),
            # one Availability Zone, tags not copied to snapshots
            ("GOV-AWS-225", "database"), ("GOV-AWS-227", "database")}


def test_same_bucket_same_findings_in_every_format(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "tf").mkdir()
    (tmp_path / "tf" / "main.tf").write_text(TERRAFORM)
    (tmp_path / "template.yaml").write_text(YAML)
    (tmp_path / "template.json").write_text(JSON_TEMPLATE)
    monkeypatch.chdir(tmp_path)
    report = run_scan(ScanOptions(paths=(".",), config=TAGS_ASKED)).report
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


def _change(address: str, type_: str, after: dict[str, object],
            unknown: dict[str, object]) -> dict[str, object]:
    return {"address": address, "mode": "managed", "type": type_,
            "name": address.split(".")[1], "provider_name":
            "registry.terraform.io/hashicorp/aws",
            "change": {"actions": ["create"], "before": None, "after": after,
                       "after_unknown": unknown, "before_sensitive": False,
                       "after_sensitive": {}}}


def _config(address: str, type_: str, expressions: dict[str, object]) -> dict[str, object]:
    return {"address": address, "mode": "managed", "type": type_,
            "name": address.split(".")[1], "provider_config_key": "aws",
            "expressions": expressions, "schema_version": 0}


PLAN = {
    "format_version": "1.2", "terraform_version": "1.11.4",
    "planned_values": {"root_module": {}},
    "resource_changes": [
        _change("aws_s3_bucket.site", "aws_s3_bucket", {"bucket": "example-site"},
                {"id": True, "arn": True}),
        _change("aws_s3_bucket_acl.site", "aws_s3_bucket_acl", {"acl": "public-read"},
                {"bucket": True, "id": True}),
        _change("aws_db_instance.orders", "aws_db_instance",
                {"engine": "postgres", "storage_encrypted": True,
                 "publicly_accessible": True,
                 "tags": {"owner": "data", "cost-center": "cc-1"}}, {"id": True}),
    ],
    "configuration": {"provider_config": {"aws": {"name": "aws", "full_name":
                                                  "registry.terraform.io/hashicorp/aws"}},
                      "root_module": {"resources": [
        _config("aws_s3_bucket.site", "aws_s3_bucket",
                {"bucket": {"constant_value": "example-site"}}),
        _config("aws_s3_bucket_acl.site", "aws_s3_bucket_acl",
                {"acl": {"constant_value": "public-read"},
                 "bucket": {"references": ["aws_s3_bucket.site.id", "aws_s3_bucket.site"]}}),
        _config("aws_db_instance.orders", "aws_db_instance",
                {"engine": {"constant_value": "postgres"},
                 "storage_encrypted": {"constant_value": True},
                 "publicly_accessible": {"constant_value": True},
                 "tags": {"constant_value": {"owner": "data", "cost-center": "cc-1"}}}),
    ]}},
}


def test_the_same_bucket_in_a_plan_gets_the_same_rule_ids(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    import json

    text = json.dumps(PLAN, indent=2) + "\n"
    (tmp_path / "plan.json").write_text(text)
    monkeypatch.chdir(tmp_path)
    report = run_scan(ScanOptions(paths=(".",), config=TAGS_ASKED)).report
    assert [n.render() for n in report.notices if n.level == "error"] == []
    sarif = document(report)
    found: dict[tuple[str, str], int] = {}
    for result in sarif["runs"][0]["results"]:
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "plan.json"
        name = result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
        what = "database" if name == "aws_db_instance.orders" else "bucket"
        found[(result["ruleId"], what)] = location["region"]["startLine"]
    assert set(found) == EXPECTED
    lines = text.splitlines()
    # the failing value's line in the plan: "publicly_accessible": true in the db's change
    entry = lines.index('      "address": "aws_db_instance.orders",')
    assert lines[found[("GOV-AWS-008", "database")] - 1].strip() == (
        '"publicly_accessible": true,')
    assert found[("GOV-AWS-008", "database")] > entry
