"""`govern rules list/show` output and the generated rule pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govern.engine.catalogue import rule_doc_markdown, rule_to_text, rules_to_json, rules_to_text
from govern.engine.rule import RuleSet
from govern.engine.rule_loader import load_rules
from tests.engine.helpers import RULE, rule_text, write_rule

FULL = RULE + """\
parameters:
  allowed: [aws:kms]
references: [https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html]
compliance:
  cis-aws-3.0: ["2.1.4"]
"""
FULL = FULL.replace("equivalents:", "  cloudformation:\n    bad: |\n      Resources: {}\n"
                                    "    good: '{\"Resources\": {}}'\nequivalents:")
FULL = FULL.replace("  kics: []\n", "  kics: []\n  partial:\n"
                                   "    AVD-AWS-0088: Trivy accepts only SSE-KMS here.\n")


@pytest.fixture
def rules(tmp_path: Path) -> RuleSet:
    write_rule(tmp_path, FULL)
    write_rule(tmp_path, rule_text(
        id="GOV-AZURE-001", slug="storage-account-allows-http",
        title="Storage account accepts plain HTTP", kinds="[azure.storage.account]",
        category="public-exposure", severity="medium",
        check="check:\n  attr: https_only\n  op: is_true\n"))
    return load_rules([str(tmp_path)])


def test_rules_to_json(rules: RuleSet, tmp_path: Path) -> None:
    data = rules_to_json(rules)
    assert [d["id"] for d in data] == ["GOV-AWS-001", "GOV-AZURE-001"]
    assert data[0] == {
        "id": "GOV-AWS-001",
        "slug": "s3-bucket-without-encryption",
        "title": "S3 bucket without default encryption at rest",
        "severity": "high",
        "category": "encryption",
        "kinds": ["aws.s3.bucket"],
        "formats": ["aws-live", "cloudformation", "terraform", "tfplan"],
        "precision": "high",
        "status": "stable",
        "aliases": [],
        "equivalents": {"checkov": ["CKV_AWS_19"], "trivy": ["AVD-AWS-0088"], "kics": []},
        "partial_equivalents": {"AVD-AWS-0088": "Trivy accepts only SSE-KMS here."},
        "parameters": {"allowed": ["aws:kms"]},
        "compliance": {"cis-aws-3.0": ["2.1.4"]},
        "help_uri": "https://github.com/govern-dev/govern/blob/main/docs/rules/GOV-AWS-001.md",
        "file": str(tmp_path / "s3-bucket-without-encryption.yaml"),
    }
    assert data[1]["formats"] == ["arm", "terraform", "tfplan"]
    assert data[1]["partial_equivalents"] == {}
    json.dumps(data)


def test_rules_to_text(rules: RuleSet) -> None:
    assert rules_to_text(rules) == (
        "ID             SEVERITY  CATEGORY         TITLE\n"
        "GOV-AWS-001    high      encryption       S3 bucket without default encryption at "
        "rest\n"
        "GOV-AZURE-001  medium    public-exposure  Storage account accepts plain HTTP\n")


def test_rule_to_text(rules: RuleSet, tmp_path: Path) -> None:
    assert rule_to_text(rules.rules[0]) == f"""\
GOV-AWS-001  S3 bucket without default encryption at rest

slug                    s3-bucket-without-encryption
severity                high
category                encryption
precision               high
kinds                   aws.s3.bucket
formats                 aws-live, cloudformation, terraform, tfplan
message                 S3 bucket has no default server-side encryption
status                  stable
parameter allowed       ["aws:kms"]
checkov                 CKV_AWS_19 (exact)
trivy                   AVD-AWS-0088 (partial)
kics                    -
partial AVD-AWS-0088    Trivy accepts only SSE-KMS here.
compliance cis-aws-3.0  2.1.4
reference               https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html
help                    https://github.com/govern-dev/govern/blob/main/docs/rules/GOV-AWS-001.md
file                    {tmp_path / "s3-bucket-without-encryption.yaml"}

Why is this bad?
    Unencrypted objects can be read by anyone who gets the disks or a copy.

Remediation
    Enable default encryption with SSE-S3 or SSE-KMS.

Example (Terraform, bad)
    resource "aws_s3_bucket" "bad" {{}}

Example (Terraform, good)
    resource "aws_s3_bucket" "good" {{}}

Example (CloudFormation, bad)
    Resources: {{}}

Example (CloudFormation, good)
    {{"Resources": {{}}}}
"""


def test_rule_doc_markdown(rules: RuleSet) -> None:
    assert rule_doc_markdown(rules.rules[0]) == """\
# GOV-AWS-001: S3 bucket without default encryption at rest

<!-- Generated from the rule file s3-bucket-without-encryption.yaml; do not edit. -->

| | |
|---|---|
| Severity | high |
| Category | encryption |
| Precision | high |
| Kinds | `aws.s3.bucket` |
| Formats | Terraform, Terraform plan JSON, CloudFormation, live AWS accounts |
| Slug | `s3-bucket-without-encryption` |
| Checkov | `CKV_AWS_19` (exact) |
| Trivy | `AVD-AWS-0088` (partial) |
| KICS | none |
| Parameter `allowed` | `["aws:kms"]` |

## Compliance

| Framework | Control | Title |
|---|---|---|
| CIS Amazon Web Services Foundations Benchmark v3.0.0 (`cis-aws-3.0`) | 2.1.4 | Ensure that S3 \
Buckets are configured with 'Block public access (bucket settings)' |

## What it does

Checks `aws.s3.bucket` resources (Terraform, Terraform plan JSON, CloudFormation, live AWS \
accounts) and reports: S3 bucket has no default server-side encryption.

## Why is this bad?

Unencrypted objects can be read by anyone who gets the disks or a copy.

## Example

Terraform:

```hcl
resource "aws_s3_bucket" "bad" {}
```

CloudFormation:

```yaml
Resources: {}
```

## Use instead

Terraform:

```hcl
resource "aws_s3_bucket" "good" {}
```

CloudFormation:

```json
{"Resources": {}}
```

## Remediation

Enable default encryption with SSE-S3 or SSE-KMS.

## References

- <https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html>
- Equivalent checks: Checkov `CKV_AWS_19` (exact); Trivy `AVD-AWS-0088` (partial); KICS none
  - Trivy `AVD-AWS-0088` is partial: Trivy accepts only SSE-KMS here.
"""
