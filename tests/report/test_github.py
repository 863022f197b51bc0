"""GitHub Actions annotations (`--format github`): exact lines, escaping, the cap."""

from __future__ import annotations

from govern.model.finding import Notice
from govern.report import github, render

from .factories import OUTSIDE_FILE, ROOT, empty_report, finding, sample_report

EXPECTED = [
    "::error file=broken.tf,line=7,title=govern%3A parse-error::Unexpected token '}' "
    "(check the HCL syntax)",
    "::error file=main.tf,line=3,endLine=9,title=GOV-AWS-010::aws_security_group.web: "
    "Security group allows SSH from anywhere (port 22 from 0.0.0.0/0) (critical)",
    "::error file=main.tf,line=41,endLine=44,title=GOV-AWS-001::aws_s3_bucket.logs: "
    "S3 bucket has no default server-side encryption (high)",
    "::error title=GOV-AWS-001::module.net.aws_s3_bucket.x[0]: S3 bucket has no default "
    "server-side encryption (high) [/opt/shared/modules/net/main.tf:2]",
    "::error title=GOV-AWS-001::arn:aws:s3:::live-bucket: S3 bucket has no default "
    "server-side encryption (high)",
    "::warning title=govern%3A unresolved-module::module source "
    "git::https://example.com/net.git could not be fetched",
    "::warning file=azure/storage.json,line=12,endLine=20,title=GOV-AZ-003::"
    "Microsoft.Storage/storageAccounts/[parameters('name')]: Storage account accepts HTTP "
    "(medium)",
    "::notice file=big.json,title=govern%3A skipped-huge::skipped: larger than 5 MB",
    "::notice file=main.tf,line=57,endLine=60,title=GOV-AWS-004::aws_s3_bucket.data: "
    "could not be decided: S3 bucket versioning could not be decided (var.versioning is "
    "unknown) (medium)",
    "::notice file=cfn/template.yaml,line=5,title=GOV-AWS-020::MyBucket: S3 bucket has no "
    "owner tag (low)",
]


def test_github_annotations() -> None:
    assert render("github", sample_report()) == "".join(f"{line}\n" for line in EXPECTED)


def test_nothing_to_annotate_is_empty() -> None:
    assert render("github", empty_report()) == ""


def test_escaping_of_data_and_properties() -> None:
    bad = finding("GOV-AWS-001", "high", f"{ROOT}/a:b,c%d.tf", 2, 2,
                  address="x", message="100% sure\r\nnext: line, with comma")
    assert render("github", empty_report(findings=(bad,))) == (
        "::error file=a%3Ab%2Cc%25d.tf,line=2,title=GOV-AWS-001::x: 100%25 sure%0D%0Anext: "
        "line, with comma (high)\n")


def test_escape_functions() -> None:
    assert github.escape_data("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad:e,f"
    assert github.escape_property("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad%3Ae%2Cf"
    assert github.command("notice", "m") == "::notice::m"
    assert github.command("error", "m", file="f", line=None, title="t") == (
        "::error file=f,title=t::m")


def test_cap_per_level_with_a_last_line_per_level() -> None:
    lows = tuple(finding("GOV-AWS-020", "low", f"{ROOT}/main.tf", n, address=f"b.n{n}")
                 for n in range(1, 6))
    highs = tuple(finding("GOV-AWS-001", "high", f"{ROOT}/main.tf", n, address=f"b.h{n}")
                  for n in range(10, 13))
    text = github.render(empty_report(findings=lows + highs), limit=2)
    assert text.splitlines() == [
        "::error file=main.tf,line=10,title=GOV-AWS-001::b.h10: GOV-AWS-001 failed (high)",
        "::error title=govern::2 more error annotations left out (GitHub shows 2 per level "
        "and step): see the job summary, or the text or SARIF report, for all of them",
        "::notice file=main.tf,line=1,title=GOV-AWS-020::b.n1: GOV-AWS-020 failed (low)",
        "::notice title=govern::4 more notice annotations left out (GitHub shows 2 per "
        "level and step): see the job summary, or the text or SARIF report, for all of them",
    ]
    # as many as the cap: all shown, no line about the rest
    assert len(github.render(empty_report(findings=highs), limit=3).splitlines()) == 3


def test_default_cap_is_what_github_shows_per_level_and_step() -> None:
    lows = tuple(finding("GOV-AWS-020", "low", f"{ROOT}/main.tf", n, address=f"b.n{n}")
                 for n in range(1, 61))
    lines = render("github", empty_report(findings=lows)).splitlines()
    assert github.DEFAULT_LIMIT == 10
    assert len(lines) == 10
    assert lines[-1].startswith("::notice title=govern::51 more notice annotations left out")


def test_scan_errors_come_first_and_critical_before_high() -> None:
    error = Notice(level="error", message="bad", file=f"{ROOT}/z.tf", line=3,
                   code="parse-error")
    outside = Notice(level="error", message="unreadable", file=OUTSIDE_FILE, code="read-error")
    high = finding("GOV-AWS-001", "high", f"{ROOT}/a.tf", 1, address="a")
    critical = finding("GOV-AWS-010", "critical", f"{ROOT}/z.tf", 9, address="z")
    text = render("github", empty_report(findings=(high, critical), notices=(outside, error)))
    assert text.splitlines() == [
        "::error file=z.tf,line=3,title=govern%3A parse-error::bad",
        "::error title=govern%3A read-error::unreadable [/opt/shared/modules/net/main.tf]",
        "::error file=z.tf,line=9,title=GOV-AWS-010::z: GOV-AWS-010 failed (critical)",
        "::error file=a.tf,line=1,title=GOV-AWS-001::a: GOV-AWS-001 failed (high)",
    ]
