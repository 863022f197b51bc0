"""Hand-built scan reports for the reporter tests (no parser, no engine)."""

from __future__ import annotations

from dataclasses import replace

from govern.model.finding import Finding, Notice, RuleMeta, ScanReport, ScanStats, Severity
from govern.model.source import SourceRange

ROOT = "/srv/repo"
OUTSIDE_FILE = "/opt/shared/modules/net/main.tf"


def rule(rule_id: str, slug: str, severity: Severity, category: str, title: str) -> RuleMeta:
    return RuleMeta(
        id=rule_id, slug=slug, title=title, severity=severity, category=category,
        kinds=("aws.s3.bucket",), formats=("terraform", "cloudformation"), precision="high",
        description=f"{title}: why it matters.", remediation=f"Fix {slug}.",
        help_markdown=f"**Fix** `{slug}`.", help_uri=f"https://govern.dev/rules/{rule_id}",
        tags=("aws", category), equivalents={"checkov": ("CKV_X",), "trivy": ("AVD-X",)},
    )


RULES: tuple[RuleMeta, ...] = (
    rule("GOV-AWS-001", "s3-bucket-without-encryption", "high", "encryption",
         "S3 bucket without default encryption at rest"),
    rule("GOV-AWS-004", "s3-bucket-without-versioning", "medium", "encryption",
         "S3 bucket without versioning"),
    rule("GOV-AWS-010", "security-group-open-ssh", "critical", "public-exposure",
         "Security group open to SSH from anywhere"),
    rule("GOV-AWS-020", "s3-bucket-without-owner-tag", "low", "tagging",
         "S3 bucket without owner tag"),
    rule("GOV-AZ-003", "storage-account-allows-http", "medium", "encryption",
         "Storage account allows plain HTTP"),
    rule("GOV-AWS-099", "never-hit", "low", "tagging", "A rule that ran and found nothing"),
)


def finding(rule_id: str, severity: Severity, file: str | None, start: int = 1,
            end: int | None = None, *, address: str = "aws_s3_bucket.logs",
            status: str = "fail", fmt: str = "terraform", message: str = "",
            category: str = "encryption", path: str = "") -> Finding:
    return Finding(
        rule_id=rule_id, severity=severity, category=category,
        status="unknown" if status == "unknown" else "fail",
        message=message or f"{rule_id} failed", resource_id=f"{fmt}:{address}",
        resource_kind="aws.s3.bucket", resource_address=address, source_format=fmt,
        location=None if file is None else SourceRange(file, start, end or start),
        fingerprint=f"fp-{rule_id}-{address}", path=path,
        equivalents={"checkov": ("CKV_X",), "trivy": ("AVD-X",)},
    )


F_CRITICAL = finding("GOV-AWS-010", "critical", f"{ROOT}/main.tf", 3, 9,
                     address="aws_security_group.web", category="public-exposure",
                     message="Security group allows SSH from anywhere (port 22 from 0.0.0.0/0)",
                     path="ingress.0.cidr_blocks")
F_HIGH = finding("GOV-AWS-001", "high", f"{ROOT}/main.tf", 41, 44,
                 message="S3 bucket has no default server-side encryption")
F_MEDIUM = finding("GOV-AZ-003", "medium", f"{ROOT}/azure/storage.json", 12, 20,
                   address="Microsoft.Storage/storageAccounts/[parameters('name')]", fmt="arm",
                   message="Storage account accepts HTTP")
F_LOW = finding("GOV-AWS-020", "low", f"{ROOT}/cfn/template.yaml", 5, 5, address="MyBucket",
                fmt="cloudformation", category="tagging", message="S3 bucket has no owner tag")
F_UNKNOWN = finding("GOV-AWS-004", "medium", f"{ROOT}/main.tf", 57, 60,
                    address="aws_s3_bucket.data", status="unknown",
                    message="S3 bucket versioning could not be decided (var.versioning is unknown)")
F_OUTSIDE = finding("GOV-AWS-001", "high", OUTSIDE_FILE, 2, 6,
                    address="module.net.aws_s3_bucket.x[0]",
                    message="S3 bucket has no default server-side encryption")
F_NO_LOCATION = finding("GOV-AWS-001", "high", None, address="arn:aws:s3:::live-bucket",
                        fmt="aws", message="S3 bucket has no default server-side encryption")

FINDINGS: tuple[Finding, ...] = (F_CRITICAL, F_HIGH, F_MEDIUM, F_LOW, F_UNKNOWN, F_OUTSIDE,
                                 F_NO_LOCATION)

N_ERROR = Notice(level="error", message="Unexpected token '}'", file=f"{ROOT}/broken.tf", line=7,
                 hint="check the HCL syntax", code="parse-error")
N_WARNING = Notice(level="warning", message="module source git::https://example.com/net.git "
                   "could not be fetched", code="unresolved-module")
N_NOTE = Notice(level="note", message="skipped: larger than 5 MB", file=f"{ROOT}/big.json",
                code="skipped-huge")
NOTICES: tuple[Notice, ...] = (N_NOTE, N_WARNING, N_ERROR)

STATS = ScanStats(files=12, resources=40, seconds=0.2149)


def sample_report(**changes: object) -> ScanReport:
    """Findings across files and severities, an unknown, one outside the root, one without
    a location, and an error (with line), a warning (no file) and a note (no line)."""
    report = ScanReport(findings=FINDINGS, rules=RULES, notices=NOTICES, root=ROOT,
                        stats=STATS, tool_version="0.1.0")
    return replace(report, **changes)  # type: ignore[arg-type]


def empty_report(**changes: object) -> ScanReport:
    report = ScanReport(findings=(), rules=RULES, notices=(), root=ROOT,
                        stats=ScanStats(files=3, resources=1, seconds=0.05),
                        tool_version="0.1.0")
    return replace(report, **changes)  # type: ignore[arg-type]
