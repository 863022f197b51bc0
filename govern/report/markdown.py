"""Findings in Markdown, for a pull-request comment: `--format markdown`.

```
# govern: 2 findings, 1 unknown

2 findings (1 critical, 1 high), 1 unknown; 9 resources in 3 files.

## Critical (1)

| Rule | Resource | Location | Message |
|---|---|---|---|
| GOV-AWS-005 | `aws_security_group.web` | `main.tf:3` | Security group allows SSH ... |

## Could not be decided (1)

| Rule | Severity | Resource | Location | Message |
...

## Notices (1)

- error `broken.tf:7`: Unexpected token (check the HCL syntax)
```

Failing findings are grouped by severity (critical first), in the order of
`govern.report.order`; unknown findings have their own section, and so do suppressed
findings (with the reason and expiry; not failures); then notices, then the
compliance report when one was asked for. No timings, so the comment is byte-stable.
"""

from __future__ import annotations

from collections.abc import Sequence

from govern.model.finding import SEVERITIES, Finding, Notice, ScanReport
from govern.report import compliance_markdown
from govern.report.markdown_text import code, md
from govern.report.order import ordered_findings, ordered_notices
from govern.report.paths import display_path
from govern.report.summary import Summary, summarize


def _plural(count: int, word: str) -> str:
    return f"{count} {word if count == 1 else word + 's'}"


def _location(finding: Finding, root: str) -> str:
    loc = finding.location
    if loc is None:
        return "-"
    return code(f"{display_path(loc.file, root)}:{loc.start_line}")


def _row(finding: Finding, root: str, with_severity: bool) -> str:
    cells = [md(finding.rule_id)]
    if with_severity:
        cells.append(finding.severity)
    cells += [code(finding.resource_address) if finding.resource_address else "-",
              _location(finding, root), md(finding.message)]
    return "| " + " | ".join(cells) + " |"


def _table(findings: Sequence[Finding], root: str, with_severity: bool = False) -> str:
    head = ["Rule", *(["Severity"] if with_severity else []), "Resource", "Location",
            "Message"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += [_row(f, root, with_severity) for f in findings]
    return "\n".join(lines)


def _suppressed_table(findings: Sequence[Finding], root: str) -> str:
    lines = ["| Rule | Severity | Resource | Location | Reason | Until |",
             "|---|---|---|---|---|---|"]
    for finding in findings:
        suppression = finding.suppression
        reason = md(suppression.justification) if suppression else "-"
        until = suppression.until if suppression and suppression.until else "-"
        resource = code(finding.resource_address) if finding.resource_address else "-"
        lines.append(f"| {md(finding.rule_id)} | {finding.severity} | {resource} | "
                     f"{_location(finding, root)} | {reason} | {until} |")
    return "\n".join(lines)


def _notice(notice: Notice, root: str) -> str:
    where = ""
    if notice.file:
        path = display_path(notice.file, root)
        where = code(f"{path}:{notice.line}" if notice.line else path) + ": "
    text = md(notice.message) + (f" ({md(notice.hint)})" if notice.hint else "")
    return f"- {notice.level} {where}{text}"


def _headline(summary: Summary) -> str:
    parts = [f"{summary.failed[s]} {s}" for s in SEVERITIES if summary.failed[s]]
    head = _plural(summary.failed_total, "finding") + (f" ({', '.join(parts)})" if parts
                                                        else "")
    if summary.unknown_total:
        head += f", {summary.unknown_total} unknown"
    if summary.suppressed:
        head += f", {summary.suppressed} suppressed"
    if summary.unparsed_files:
        head += f", {_plural(summary.unparsed_files, 'file')} could not be parsed"
    return (f"{head}; {_plural(summary.resources, 'resource')} in "
            f"{_plural(summary.files, 'file')}.")


def render(report: ScanReport) -> str:
    summary = summarize(report)
    findings = ordered_findings(report)
    title = _plural(summary.failed_total, "finding")
    if summary.unknown_total:
        title += f", {summary.unknown_total} unknown"
    blocks = [f"# govern: {title}", _headline(summary)]
    for severity in SEVERITIES:
        group = [f for f in findings if f.status == "fail" and f.severity == severity
                 and f.suppression is None]
        if group:
            blocks.append(f"## {severity.capitalize()} ({len(group)})\n\n"
                          + _table(group, report.root))
    unknown = [f for f in findings if f.status == "unknown" and f.suppression is None]
    if unknown:
        blocks.append(f"## Could not be decided ({len(unknown)})\n\n"
                      + _table(unknown, report.root, with_severity=True))
    suppressed = [f for f in findings if f.suppression is not None]
    if suppressed:
        blocks.append(f"## Suppressed ({len(suppressed)})\n\n"
                      + _suppressed_table(suppressed, report.root))
    notices = ordered_notices(report)
    if notices:
        blocks.append(f"## Notices ({len(notices)})\n\n"
                      + "\n".join(_notice(n, report.root) for n in notices))
    text = "\n\n".join(blocks) + "\n"
    if report.compliance:
        text += "\n" + compliance_markdown.render(report)
    return text
