"""Checkov's suppressions, where Checkov reads them (Checkov 3.3: a skip comment anywhere
strictly inside a Terraform block; from the logical-id line to the last line of a
CloudFormation resource; `Metadata.checkov.skip`; ARM `metadata.checkov` strings)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from govern.suppress.calls import call_steps

from .helpers import active, notices, scan, suppressed

# what every bucket of these tests fails besides: no access logging, no customer managed
# key, no policy denying plain HTTP
# no access logging, no customer managed key, no policy denying plain HTTP, no versioning,
# no MFA delete
S3_DEFAULTS = ["GOV-AWS-155", "GOV-AWS-156", "GOV-AWS-162", "GOV-AWS-189",
               "GOV-AWS-265"]


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
    assert active(report, "aws_s3_bucket.inside") == ["GOV-AWS-004", "GOV-AWS-015", *S3_DEFAULTS]
    assert active(report, "aws_s3_bucket.several") == ["GOV-AWS-015", *S3_DEFAULTS]
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
    assert active(report, "Above") == ["GOV-AWS-001", "GOV-AWS-004", "GOV-AWS-015", *S3_DEFAULTS]
    assert active(report, "Several") == ["GOV-AWS-001", "GOV-AWS-004", "GOV-AWS-015", *S3_DEFAULTS]
    assert active(report, "AfterLast") == [
        "GOV-AWS-001", "GOV-AWS-004", "GOV-AWS-015", *S3_DEFAULTS]
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
    assert active(report, "Data") == ["GOV-AWS-004", "GOV-AWS-015", *S3_DEFAULTS]
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


def _bucket(name: str) -> str:
    return f'resource "aws_s3_bucket" "{name}" {{\n  bucket = "{name}"\n}}\n'


# Module a (called twice from the root, as module.a and module.b) skips two checks in its
# call to ./logs (nested call ./archive below it) and, in its call to ./data, a check no
# bucket fires. The root also calls ./logs itself, as module.logs, without a skip.
# Checkov 3.3.30 on these files (`checkov -d . -c CKV_AWS_19,CKV2_AWS_6,CKV_AWS_24`):
# SKIPPED for module.{a,b}.module.logs.aws_s3_bucket.logs and
# module.{a,b}.module.logs.module.archive.aws_s3_bucket.archive (both checks), FAILED
# (CKV2_AWS_6) for the other buckets: aws_s3_bucket.root, module.{a,b}.aws_s3_bucket.a,
# module.{a,b}.module.data.aws_s3_bucket.data, module.logs.aws_s3_bucket.logs,
# module.logs.module.archive.aws_s3_bucket.archive.
CHILD_MODULE_SKIP = {
    "main.tf": '''\
module "a" {
  source = "./modules/a"
}

module "b" {
  source = "./modules/a"
}

module "logs" {
  source = "./modules/logs"
}
''' + _bucket("root"),
    "modules/a/main.tf": _bucket("a") + '''
module "logs" {
  source = "../logs"
  #checkov:skip=CKV_AWS_19,CKV2_AWS_6:log buckets, handled by the log pipeline
}

module "data" {
  source = "../data"
  #checkov:skip=CKV_AWS_24:no security group in this module
}
''',
    "modules/logs/main.tf": _bucket("logs") + '''
module "archive" {
  source = "../archive"
}
''',
    "modules/archive/main.tf": _bucket("archive"),
    "modules/data/main.tf": _bucket("data"),
}


def test_terraform_skip_inside_a_child_module_block_covers_that_call(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, CHILD_MODULE_SKIP)
    reason = "log buckets, handled by the log pipeline"
    covered = [f"module.{parent}.module.logs{nested}.aws_s3_bucket.{name}"
               for parent in ("a", "b")
               for nested, name in (("", "logs"), (".module.archive", "archive"))]
    assert suppressed(report) == sorted(
        (rule, address, "checkov", reason, None)
        for rule in ("GOV-AWS-001", "GOV-AWS-004") for address in covered)
    for address in covered:
        assert active(report, address) == ["GOV-AWS-015", *S3_DEFAULTS]
    # the root's own call to the same module, the parent module's own resource, a sibling
    # call and the root's resource are not covered
    for address in ("module.logs.aws_s3_bucket.logs",
                    "module.logs.module.archive.aws_s3_bucket.archive",
                    "module.a.aws_s3_bucket.a", "module.b.aws_s3_bucket.a",
                    "module.a.module.data.aws_s3_bucket.data",
                    "module.b.module.data.aws_s3_bucket.data", "aws_s3_bucket.root"):
        assert active(report, address) == [
            "GOV-AWS-001", "GOV-AWS-004", "GOV-AWS-015", *S3_DEFAULTS]
    # a skip for a check that never fires there is unused (once, for both instances)
    assert notices(report) == [
        ("note", "suppression-unused", os.path.normpath("modules/a/main.tf"), 12)]


# Module net, called once plainly (module.net) and once with for_each (module.env), skips
# a check in its call to ./logs (count = 2). Checkov 3.3.30 on these files (`checkov -d .
# -c CKV2_AWS_6`): SKIPPED for module.net.module.logs[0] and [1] and for
# module.env["dev"].module.logs[0] and [1] (the first instance of module.env only), FAILED
# for module.env["prod"].module.logs[0] and [1].
COUNTED_PARENT_SKIP = {
    "main.tf": '''\
module "net" {
  source = "./modules/net"
}

module "env" {
  for_each = toset(["prod", "dev"])
  source   = "./modules/net"
}
''',
    "modules/net/main.tf": '''\
module "logs" {
  count  = 2
  source = "../logs"
  #checkov:skip=CKV2_AWS_6:log buckets, handled by the log pipeline
}
''',
    "modules/logs/main.tf": _bucket("logs"),
}


def test_terraform_child_module_skip_under_a_counted_call_is_not_applied(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = scan(tmp_path, monkeypatch, COUNTED_PARENT_SKIP)
    reason = "log buckets, handled by the log pipeline"
    # the call's own count is no obstacle: both instances are covered
    assert suppressed(report) == [
        ("GOV-AWS-004", f"module.net.module.logs[{index}].aws_s3_bucket.logs", "checkov",
         reason, None) for index in (0, 1)]
    # under module.env (for_each) Checkov skips the first instance only: govern skips none
    for key in ("dev", "prod"):
        for index in (0, 1):
            assert "GOV-AWS-004" in active(
                report, f'module.env["{key}"].module.logs[{index}].aws_s3_bucket.logs')
    assert notices(report) == [
        ("warning", "suppression-invalid", os.path.normpath("modules/net/main.tf"), 4)]
    [notice] = [n for n in report.notices if n.code == "suppression-invalid"]
    assert notice.message == (
        'checkov suppression of GOV-AWS-004 for module.logs is not applied under '
        'module.env["dev"], module.env["prod"]: a module call '
        'above the module holding it has count or for_each')


def test_terraform_child_module_skip_on_a_downloaded_module(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Calls with a registry source are followed through `.terraform/modules/modules.json`,
    keyed by the call names (as the evaluator does)."""
    report = scan(tmp_path, monkeypatch, {
        "main.tf": '''\
module "net" {
  source = "acme/net/aws"
}

module "other" {
  source = "acme/net/aws"
}
''',
        ".terraform/modules/modules.json": json.dumps({"Modules": [
            {"Key": "", "Source": "", "Dir": "."},
            {"Key": "net", "Source": "registry.terraform.io/acme/net/aws",
             "Dir": ".terraform/modules/net"},
            {"Key": "net.logs", "Source": "registry.terraform.io/acme/logs/aws",
             "Dir": ".terraform/modules/logs"},
            {"Key": "other", "Source": "registry.terraform.io/acme/net/aws",
             "Dir": "vendor/net"},
            {"Key": "other.logs", "Source": "registry.terraform.io/acme/logs/aws",
             "Dir": ".terraform/modules/logs"},
        ]}),
        ".terraform/modules/net/main.tf": '''\
module "logs" {
  source = "acme/logs/aws"
  #checkov:skip=CKV_AWS_19:log buckets are encrypted by the pipeline
}
''',
        "vendor/net/main.tf": 'module "logs" {\n  source = "acme/logs/aws"\n}\n',
        ".terraform/modules/logs/main.tf": _bucket("logs"),
    })
    assert suppressed(report) == [
        ("GOV-AWS-001", "module.net.module.logs.aws_s3_bucket.logs", "checkov",
         "log buckets are encrypted by the pipeline", None)]
    assert "GOV-AWS-001" in active(report, "module.other.module.logs.aws_s3_bucket.logs")
    assert notices(report) == []


@pytest.mark.parametrize(("address", "steps"), [
    ("aws_s3_bucket.b", []),
    ("module.a.aws_s3_bucket.b", [("a", "")]),
    ('module.a["x.module.c."].module.b[3].data.aws_iam_policy_document.d',
     [("a", '["x.module.c."]'), ("b", "[3]")]),
    ('module.a["q\\"].module.z."].module.b.aws_s3_bucket.b',
     [("a", '["q\\"].module.z."]'), ("b", "")]),
])
def test_call_steps_of_an_address(address: str, steps: list[tuple[str, str]]) -> None:
    assert call_steps(address) == steps
