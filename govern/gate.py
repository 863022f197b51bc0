"""The gate: from a scan report to an exit code.

0 no blocking findings; 1 blocking findings; 2 usage or configuration error (raised before
a report exists); 3 scan error. A scan error is never hidden by findings nor masked by
`--fail-on none`.
"""

from __future__ import annotations

from govern.model.finding import SEVERITY_RANK, Finding, ScanReport

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


def exit_code(report: ScanReport, fail_on: str, fail_on_unknown: bool = False) -> int:
    if any(n.level == "error" for n in report.notices):
        return EXIT_SCAN_ERROR
    if any(is_blocking(f, fail_on, fail_on_unknown) for f in report.findings):
        return EXIT_FINDINGS
    return EXIT_OK
