"""Human output for a terminal or a CI log.

```
main.tf
   3  critical  GOV-AWS-010  aws_security_group.web: Security group allows SSH from anywhere
  41  high      GOV-AWS-001  aws_s3_bucket.logs: S3 bucket has no default server-side encryption

Could not be decided — 1
main.tf
  57  medium    GOV-AWS-004  aws_s3_bucket.data: S3 bucket versioning is not enabled

Notices — 1
  error    broken.tf:7: Unexpected token (check the HCL syntax)

2 findings (1 critical, 1 high), 1 unknown, 1 file could not be parsed; 9 resources in …
```

With `--baseline`, a line before the summary says how many findings the baseline held
back and how many of its entries are fixed, then one line per fixed entry:

```
Baseline .govern-baseline.json: 3 findings in the baseline, 1 fixed
  fixed  GOV-AWS-001  aws_s3_bucket.old (main.tf)
```

The last line is the summary: `...; 9 resources in 3 files, 0.21 s`; with `--compliance`,
one line per framework follows it (`Compliance cis-aws-3.0 (...): 1 fail, 0 unknown, ...`).

Findings are grouped by file (sorted; findings without a file last, under `(no file)`),
columns aligned across the whole output. Findings whose status is `unknown` are listed in
their own section: an unknown value is not a failure. Findings an accepted risk covers are
listed after them, in a section `Suppressed — N`, each followed by the suppression
(source, where it is written, reason, until), and counted apart in the summary
(`, 2 suppressed`); they are not failures. ANSI colour only when asked for; control
characters coming from the scanned files are escaped either way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from govern.model.baseline import BaselineSummary
from govern.model.finding import SEVERITIES, Finding, Notice, ScanReport, Suppression
from govern.report.compliance import summary_lines as compliance_summary_lines
from govern.report.order import ordered_findings, ordered_notices
from govern.report.paths import display_path
from govern.report.summary import Summary, summarize

NO_FILE = "(no file)"

_RESET = "\x1b[0m"
_STYLES: dict[str, str] = {
    "critical": "\x1b[1;31m",
    "high": "\x1b[31m",
    "medium": "\x1b[33m",
    "low": "\x1b[36m",
    "error": "\x1b[1;31m",
    "warning": "\x1b[33m",
    "note": "\x1b[2m",
    "heading": "\x1b[1m",
}


class _Painter:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, style: str, text: str, width: int = 0) -> str:
        """`text` in `style`, padded to `width` outside the colour codes."""
        padding = " " * (width - len(text))
        code = _STYLES.get(style)
        if not self.color or code is None:
            return text + padding
        return f"{code}{text}{_RESET}{padding}"


def clean(text: str) -> str:
    """One printable line: whitespace controls become spaces, other control characters
    (including ESC, so a template cannot drive the terminal) become `\\xNN` escapes."""
    out: list[str] = []
    for char in text:
        if char in "\t\r\n":
            out.append(" ")
        elif unicodedata.category(char) == "Cc":
            out.append(f"\\x{ord(char):02x}")
        else:
            out.append(char)
    return "".join(out)


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


class _Columns:
    """Widths of the line, severity and rule-id columns over every finding shown."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.line = max((len(_line(f)) for f in findings), default=1)
        self.severity = max((len(f.severity) for f in findings), default=1)
        self.rule = max((len(clean(f.rule_id)) for f in findings), default=1)


def _line(finding: Finding) -> str:
    return str(finding.location.start_line) if finding.location else "-"


def _file(finding: Finding, root: str) -> str:
    return clean(display_path(finding.location.file, root)) if finding.location else NO_FILE


def _finding_line(finding: Finding, cols: _Columns, paint: _Painter, root: str) -> str:
    severity = paint(finding.severity, finding.severity, cols.severity)
    subject = clean(finding.message)
    if finding.resource_address:
        address = clean(finding.resource_address)
        if finding.context and finding.resource_address.startswith("module."):
            # the same module may be instantiated by several root modules: say which
            address = f"{address} (root {clean(finding.context)})"
        subject = f"{address}: {subject}"
    line = (f"  {_line(finding).rjust(cols.line)}  {severity}  "
            f"{clean(finding.rule_id).ljust(cols.rule)}  {subject}")
    if finding.suppression is not None:
        line += "\n" + " " * (cols.line + 4) + _suppression_text(finding.suppression, root)
    return line


def _suppression_text(suppression: Suppression, root: str) -> str:
    """`suppressed (govern, main.tf:1): REASON; until 2026-12-31`"""
    where = suppression.source
    if suppression.location is not None:
        at = suppression.location
        where += f", {clean(display_path(at.file, root))}:{at.start_line}"
    text = f"suppressed ({where}): {clean(suppression.justification)}"
    if suppression.until:
        text += f"; until {suppression.until}"
    return text


def _by_file(findings: Sequence[Finding], root: str, cols: _Columns,
             paint: _Painter) -> list[str]:
    blocks: list[str] = []
    current: str | None = None
    lines: list[str] = []
    for finding in findings:
        name = _file(finding, root)
        if name != current:
            if lines:
                blocks.append("\n".join(lines))
            current, lines = name, [paint("heading", name)]
        lines.append(_finding_line(finding, cols, paint, root))
    if lines:
        blocks.append("\n".join(lines))
    return blocks


def _notice_line(notice: Notice, root: str, paint: _Painter) -> str:
    where = ""
    if notice.file:
        path = clean(display_path(notice.file, root))
        where = f"{path}:{notice.line}: " if notice.line else f"{path}: "
    text = f"{where}{clean(notice.message)}"
    if notice.hint:
        text += f" ({clean(notice.hint)})"
    return f"  {paint(notice.level, notice.level, 7)}  {text}"


def summary_line(summary: Summary) -> str:
    """`12 findings (2 critical, 5 high), 3 unknown, 1 file could not be parsed;
    40 resources in 12 files, 0.21 s`"""
    head = _plural(summary.failed_total, "finding")
    parts = [f"{summary.failed[s]} {s}" for s in SEVERITIES if summary.failed[s]]
    if parts:
        head += f" ({', '.join(parts)})"
    if summary.unknown_total:
        head += f", {summary.unknown_total} unknown"
    if summary.suppressed:
        head += f", {summary.suppressed} suppressed"
    if summary.unparsed_files:
        head += f", {_plural(summary.unparsed_files, 'file')} could not be parsed"
    stats = (f"{_plural(summary.resources, 'resource')} in {_plural(summary.files, 'file')}, "
             f"{summary.seconds:.2f} s")
    return f"{head}; {stats}"


def baseline_lines(baseline: BaselineSummary) -> list[str]:
    """`Baseline .govern-baseline.json: 3 findings in the baseline, 1 fixed`, then one line
    per fixed entry (`  fixed  GOV-AWS-001  aws_s3_bucket.old (main.tf)`)."""
    head = (f"Baseline {clean(baseline.file)}: "
            f"{_plural(baseline.matched, 'finding')} in the baseline, "
            f"{len(baseline.fixed)} fixed")
    lines = [head]
    for entry in baseline.fixed:
        where = f" ({clean(entry.file)})" if entry.file else ""
        lines.append(f"  fixed  {clean(entry.rule_id)}  {clean(entry.address)}{where}")
    return lines


def render(report: ScanReport, *, color: bool = False) -> str:
    paint = _Painter(color)
    findings = ordered_findings(report)
    failed = [f for f in findings if f.status != "unknown" and f.suppression is None]
    unknown = [f for f in findings if f.status == "unknown" and f.suppression is None]
    suppressed = [f for f in findings if f.suppression is not None]
    cols = _Columns(findings)

    blocks: list[str] = []
    if not failed and not unknown:
        blocks.append("No findings.")
    blocks.extend(_by_file(failed, report.root, cols, paint))
    if unknown:
        heading = paint("heading", f"Could not be decided — {len(unknown)}")
        first, *rest = _by_file(unknown, report.root, cols, paint)
        blocks.append(f"{heading}\n{first}")
        blocks.extend(rest)
    if suppressed:
        heading = paint("heading", f"Suppressed — {len(suppressed)}")
        first, *rest = _by_file(suppressed, report.root, cols, paint)
        blocks.append(f"{heading}\n{first}")
        blocks.extend(rest)
    notices = ordered_notices(report)
    if notices:
        lines = [paint("heading", f"Notices — {len(notices)}")]
        lines.extend(_notice_line(n, report.root, paint) for n in notices)
        blocks.append("\n".join(lines))
    if report.baseline is not None:
        blocks.append("\n".join(baseline_lines(report.baseline)))
    blocks.append(summary_line(summarize(report)))
    if report.compliance:
        blocks.append("\n".join(compliance_summary_lines(report)))
    return "\n\n".join(blocks) + "\n"
