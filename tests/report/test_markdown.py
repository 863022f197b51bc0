"""The Markdown report of findings (`--format markdown`): exact output."""

from __future__ import annotations

from govern.report import render

from .factories import ROOT, empty_report, finding, sample_report

EXPECTED = (
    '# govern: 6 findings, 1 unknown\n'
    '\n'
    '6 findings (1 critical, 3 high, 1 medium, 1 low), 1 unknown, 1 file could no'
    't be parsed; 40 resources in 12 files.\n'
    '\n'
    '## Critical (1)\n'
    '\n'
    '| Rule | Resource | Location | Message |\n'
    '|---|---|---|---|\n'
    '| GOV-AWS-010 | `aws_security_group.web` | `main.tf:3` | Security group allo'
    'ws SSH from anywhere (port 22 from 0.0.0.0/0) |\n'
    '\n'
    '## High (3)\n'
    '\n'
    '| Rule | Resource | Location | Message |\n'
    '|---|---|---|---|\n'
    '| GOV-AWS-001 | `aws_s3_bucket.logs` | `main.tf:41` | S3 bucket has no defau'
    'lt server-side encryption |\n'
    '| GOV-AWS-001 | `module.net.aws_s3_bucket.x[0]` | `/opt/shared/modules/net/m'
    'ain.tf:2` | S3 bucket has no default server-side encryption |\n'
    '| GOV-AWS-001 | `arn:aws:s3:::live-bucket` | - | S3 bucket has no default se'
    'rver-side encryption |\n'
    '\n'
    '## Medium (1)\n'
    '\n'
    '| Rule | Resource | Location | Message |\n'
    '|---|---|---|---|\n'
    "| GOV-AZ-003 | `Microsoft.Storage/storageAccounts/[parameters('name')]` | `a"
    'zure/storage.json:12` | Storage account accepts HTTP |\n'
    '\n'
    '## Low (1)\n'
    '\n'
    '| Rule | Resource | Location | Message |\n'
    '|---|---|---|---|\n'
    '| GOV-AWS-020 | `MyBucket` | `cfn/template.yaml:5` | S3 bucket has no owner '
    'tag |\n'
    '\n'
    '## Could not be decided (1)\n'
    '\n'
    '| Rule | Severity | Resource | Location | Message |\n'
    '|---|---|---|---|---|\n'
    '| GOV-AWS-004 | medium | `aws_s3_bucket.data` | `main.tf:57` | S3 bucket ver'
    'sioning could not be decided (var.versioning is unknown) |\n'
    '\n'
    '## Notices (3)\n'
    '\n'
    "- error `broken.tf:7`: Unexpected token '}' (check the HCL syntax)\n"
    '- warning module source git::https://example.com/net.git could not be fetche'
    'd\n'
    '- note `big.json`: skipped: larger than 5 MB\n'
)


def test_markdown_report() -> None:
    assert render("markdown", sample_report()) == EXPECTED


def test_markdown_empty() -> None:
    assert render("markdown", empty_report()) == (
        "# govern: 0 findings\n\n0 findings; 1 resource in 3 files.\n")


def test_markdown_escapes_cells() -> None:
    bad = finding("GOV-AWS-001", "high", f"{ROOT}/main.tf", 2, address="a|b`c",
                  message="allows * via <script> | [x](y)")
    text = render("markdown", empty_report(findings=(bad,)))
    assert text.splitlines()[-1] == (
        "| GOV-AWS-001 | `a\\|b'c` | `main.tf:2` | allows \\* via \\<script\\> \\| "
        "\\[x\\](y) |")
