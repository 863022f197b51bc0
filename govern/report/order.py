"""The one order every reporter uses, so output never depends on the input's order.

Findings: files inside the scan root first, then files outside it (and remote sources),
then findings without a file; within each, by path as displayed, line range, rule id,
resource address, attribute path, then every remaining field as a tie-breaker.
Notices: errors, then warnings, then notes; then file in the same order, line, code,
message.
"""

from __future__ import annotations

from govern.model.finding import Finding, Notice, ScanReport
from govern.report.paths import display_path, relative_to_root

_LEVEL_ORDER = {"error": 0, "warning": 1, "note": 2}

FindingKey = tuple[int, str, int, int, str, str, str, str, str, str, str, str]
NoticeKey = tuple[int, int, str, int, str, str, str]


def file_key(file: str | None, root: str) -> tuple[int, str]:
    """(0, path) inside the root, (1, path) outside it or remote, (2, "") no file."""
    if not file:
        return (2, "")
    rel = relative_to_root(file, root)
    return (0, rel) if rel is not None else (1, display_path(file, root))


def finding_key(finding: Finding, root: str) -> FindingKey:
    loc = finding.location
    return (
        *file_key(loc.file if loc else None, root),
        loc.start_line if loc else 0,
        loc.end_line if loc else 0,
        finding.rule_id,
        finding.resource_address,
        finding.path,
        finding.status,
        finding.severity,
        finding.message,
        finding.resource_id,
        finding.fingerprint,
    )


def notice_key(notice: Notice, root: str) -> NoticeKey:
    return (
        _LEVEL_ORDER.get(notice.level, len(_LEVEL_ORDER)),
        *file_key(notice.file, root),
        notice.line or 0,
        notice.code,
        notice.message,
        notice.hint or "",
    )


def ordered_findings(report: ScanReport) -> list[Finding]:
    return sorted(report.findings, key=lambda f: finding_key(f, report.root))


def ordered_notices(report: ScanReport) -> list[Notice]:
    return sorted(report.notices, key=lambda n: notice_key(n, report.root))
