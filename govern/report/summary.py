"""Counts shared by the text and JSON reporters."""

from __future__ import annotations

from dataclasses import dataclass

from govern.gate import is_scan_error
from govern.model.finding import SEVERITIES, ScanReport, Severity


@dataclass(frozen=True)
class Summary:
    """What one scan amounts to. `failed` and `unknown` map every severity to a count."""

    failed: dict[Severity, int]
    unknown: dict[Severity, int]
    notices: dict[str, int]  # error / warning / note
    unparsed_files: int  # distinct files named by error notices (+ error notices without one)
    files: int
    resources: int
    seconds: float
    suppressed: int = 0  # findings an accepted risk covers (not in `failed` or `unknown`)

    @property
    def failed_total(self) -> int:
        return sum(self.failed.values())

    @property
    def unknown_total(self) -> int:
        return sum(self.unknown.values())


def summarize(report: ScanReport) -> Summary:
    failed: dict[Severity, int] = dict.fromkeys(SEVERITIES, 0)
    unknown: dict[Severity, int] = dict.fromkeys(SEVERITIES, 0)
    suppressed = 0
    for finding in report.findings:
        if finding.suppression is not None:
            suppressed += 1
            continue
        counts = unknown if finding.status == "unknown" else failed
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    notices = {"error": 0, "warning": 0, "note": 0}
    unparsed: set[str] = set()
    anonymous_errors = 0
    for notice in report.notices:
        notices[notice.level] = notices.get(notice.level, 0) + 1
        if is_scan_error(notice):
            if notice.file:
                unparsed.add(notice.file)
            else:
                anonymous_errors += 1
    return Summary(
        failed=failed, unknown=unknown, notices=notices,
        unparsed_files=len(unparsed) + anonymous_errors,
        files=report.stats.files, resources=report.stats.resources,
        seconds=report.stats.seconds, suppressed=suppressed,
    )
