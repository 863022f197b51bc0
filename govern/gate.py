"""The gate: from a scan report to an exit code.

0 no blocking findings; 1 blocking findings; 2 usage or configuration error (raised before
a report exists, or a configuration error written in a scanned file: `CONFIG_ERROR_CODES`);
3 scan error. A scan error is never hidden by findings nor masked by
`--fail-on none`.
"""

from __future__ import annotations

from govern.model.finding import SEVERITY_RANK, Finding, Notice, ScanReport

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_SCAN_ERROR = 3


def is_blocking(finding: Finding, fail_on: str, fail_on_unknown: bool = False) -> bool:
    if fail_on == "none" or finding.suppression is not None:
        return False
    if finding.status == "unknown" and not fail_on_unknown:
        return False
    return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[fail_on]


# error notices that are the user's configuration, written in a scanned file (an inline
# suppression whose date is not a calendar date): exit 2, unless a scan error (3) too
CONFIG_ERROR_CODES = frozenset({"suppression-bad-date"})


def is_scan_error(notice: Notice) -> bool:
    return notice.level == "error" and notice.code not in CONFIG_ERROR_CODES


def exit_code(report: ScanReport, fail_on: str, fail_on_unknown: bool = False) -> int:
    if any(is_scan_error(n) for n in report.notices):
        return EXIT_SCAN_ERROR
    if any(n.level == "error" for n in report.notices):
        return EXIT_USAGE
    if any(is_blocking(f, fail_on, fail_on_unknown) for f in report.findings):
        return EXIT_FINDINGS
    return EXIT_OK
