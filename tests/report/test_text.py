from __future__ import annotations

import re
from typing import Any

from govern.model.finding import Notice, ScanReport, ScanStats
from govern.report import text
from govern.report.summary import summarize

from .factories import F_HIGH, ROOT, empty_report, finding, sample_report

SAMPLE = """\
azure/storage.json
  12  medium    GOV-AZ-003   Microsoft.Storage/storageAccounts/[parameters('name')]: Storage account accepts HTTP

cfn/template.yaml
   5  low       GOV-AWS-020  MyBucket: S3 bucket has no owner tag

main.tf
   3  critical  GOV-AWS-010  aws_security_group.web: Security group allows SSH from anywhere (port 22 from 0.0.0.0/0)
  41  high      GOV-AWS-001  aws_s3_bucket.logs: S3 bucket has no default server-side encryption

/opt/shared/modules/net/main.tf
   2  high      GOV-AWS-001  module.net.aws_s3_bucket.x[0]: S3 bucket has no default server-side encryption

(no file)
   -  high      GOV-AWS-001  arn:aws:s3:::live-bucket: S3 bucket has no default server-side encryption

Could not be decided — 1
main.tf
  57  medium    GOV-AWS-004  aws_s3_bucket.data: S3 bucket versioning could not be decided (var.versioning is unknown)

Notices — 3
  error    broken.tf:7: Unexpected token '}' (check the HCL syntax)
  warning  module source git::https://example.com/net.git could not be fetched
  note     big.json: skipped: larger than 5 MB

6 findings (1 critical, 3 high, 1 medium, 1 low), 1 unknown, 1 file could not be parsed; 40 resources in 12 files, 0.21 s
"""  # noqa: E501

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def compact(report: ScanReport, **options: Any) -> str:
    """The `--compact` view: a line per finding, grouped by file."""
    return text.render(report, compact=True, **options)


def test_sample_report_exact() -> None:
    assert compact(sample_report()) == SAMPLE


def test_order_of_the_input_does_not_matter() -> None:
    report = sample_report()
    shuffled = sample_report(findings=report.findings[::-1], notices=report.notices[::-1],
                             rules=report.rules[::-1])
    assert compact(shuffled) == SAMPLE


def test_no_findings() -> None:
    assert compact(empty_report()) == (
        "No findings.\n"
        "\n"
        "0 findings; 1 resource in 3 files, 0.05 s\n"
    )


def test_only_unknown_findings() -> None:
    report = empty_report(findings=(finding("GOV-AWS-004", "medium", f"{ROOT}/a.tf", 9,
                                            status="unknown", message="cannot tell"),),
                          stats=ScanStats(files=1, resources=2, seconds=1.0))
    assert compact(report) == (
        "Could not be decided — 1\n"
        "a.tf\n"
        "  9  medium  GOV-AWS-004  aws_s3_bucket.logs: cannot tell\n"
        "\n"
        "0 findings, 1 unknown; 2 resources in 1 file, 1.00 s\n"
    )


def test_errors_only_count_distinct_files() -> None:
    notices = (
        Notice("error", "bad token", file=f"{ROOT}/a.tf", line=3, code="parse-error"),
        Notice("error", "bad brace", file=f"{ROOT}/a.tf", line=9, code="parse-error"),
        Notice("error", "cannot read b.tf", file=f"{ROOT}/b.tf", code="unreadable"),
    )
    report = empty_report(findings=(F_HIGH,), notices=notices)
    assert compact(report) == (
        "main.tf\n"
        "  41  high  GOV-AWS-001  aws_s3_bucket.logs: S3 bucket has no default server-side"
        " encryption\n"
        "\n"
        "Notices — 3\n"
        "  error    a.tf:3: bad token\n"
        "  error    a.tf:9: bad brace\n"
        "  error    b.tf: cannot read b.tf\n"
        "\n"
        "1 finding (1 high), 2 files could not be parsed; 1 resource in 3 files, 0.05 s\n"
    )
    assert summarize(report).unparsed_files == 2


def test_colour_only_when_asked() -> None:
    plain = compact(sample_report())
    coloured = compact(sample_report(), color=True)
    assert "\x1b" not in plain
    assert "\x1b[1;31mcritical\x1b[0m  GOV-AWS-010" in coloured
    assert "\x1b[31mhigh\x1b[0m      GOV-AWS-001" in coloured
    assert "\x1b[33mmedium\x1b[0m    GOV-AZ-003" in coloured
    assert "\x1b[36mlow\x1b[0m       GOV-AWS-020" in coloured
    assert "\x1b[1;31merror\x1b[0m    broken.tf:7" in coloured
    assert "\x1b[1mmain.tf\x1b[0m\n" in coloured
    # colour codes never change the layout
    assert ANSI.sub("", coloured) == plain


def test_control_characters_from_inputs_are_escaped() -> None:
    evil = finding("GOV-AWS-001", "high", f"{ROOT}/x\x1b[2J.tf", 1,
                   address="aws_s3_bucket.a\x1b]0;pwned\x07", message="line one\nline two")
    rendered = compact(empty_report(findings=(evil,)), color=True)
    assert "\x1b[2J" not in rendered and "\x07" not in rendered
    assert "x\\x1b[2J.tf" in rendered
    assert "aws_s3_bucket.a\\x1b]0;pwned\\x07: line one line two" in rendered


def test_summary_line() -> None:
    assert text.summary_line(summarize(sample_report())) == (
        "6 findings (1 critical, 3 high, 1 medium, 1 low), 1 unknown, 1 file could not be "
        "parsed; 40 resources in 12 files, 0.21 s")


def test_module_resources_name_their_root_module() -> None:
    from dataclasses import replace

    in_module = replace(finding("GOV-AWS-012", "high", f"{ROOT}/main.tf", 5,
                                address="module.eks.aws_iam_role.this"),
                        context="examples/basic")
    in_root = replace(F_HIGH, context="examples/basic")
    out = compact(sample_report(findings=(in_module, in_root)))
    assert "  5  high  GOV-AWS-012  module.eks.aws_iam_role.this (root examples/basic): " in out
    assert "aws_s3_bucket.logs: S3 bucket has no default" in out
