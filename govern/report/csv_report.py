"""Findings as CSV, for spreadsheets and data tools: `--format csv`.

RFC 4180: a header row, then one row per finding in the order of `govern.report.order`;
fields quoted when they hold a comma, a quote or a line break (a quote doubled), rows
ended by CRLF, UTF-8. Columns:

`rule_id, severity, status, category, file, start_line, end_line, resource, resource_kind,
message, suppressed_by, suppression_reason, checkov, trivy, fingerprint`

`status` is `fail` or `unknown`; `file` is relative to the scan root (empty for a live
resource); `suppressed_by` names the source of an accepted risk (`govern`, `checkov`,
`waiver`, `baseline`, ...) and is empty otherwise; `checkov` and `trivy` list the
equivalent check ids, separated by spaces.

A cell that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a
tab or a carriage return: resource names and messages come from the scanned files) is
written with a leading `'`, as OWASP advises against CSV injection.
"""

from __future__ import annotations

import csv
import io

from govern.model.finding import Finding, ScanReport
from govern.report.order import ordered_findings
from govern.report.paths import display_path

COLUMNS = ("rule_id", "severity", "status", "category", "file", "start_line", "end_line",
           "resource", "resource_kind", "message", "suppressed_by", "suppression_reason",
           "checkov", "trivy", "fingerprint")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _row(finding: Finding, root: str) -> list[str]:
    loc = finding.location
    suppression = finding.suppression
    return [
        finding.rule_id, finding.severity, finding.status, finding.category,
        display_path(loc.file, root) if loc else "",
        str(loc.start_line) if loc else "", str(loc.end_line) if loc else "",
        finding.resource_address, finding.resource_kind, finding.message,
        suppression.source if suppression else "",
        suppression.justification if suppression else "",
        " ".join(finding.equivalents.get("checkov", ())),
        " ".join(finding.equivalents.get("trivy", ())),
        finding.fingerprint,
    ]


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA) else cell


def render(report: ScanReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for finding in ordered_findings(report):
        writer.writerow([_safe(cell) for cell in _row(finding, report.root)])
    return out.getvalue()
