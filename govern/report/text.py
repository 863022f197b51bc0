"""Human output for a terminal or a CI log.

By default each finding is a short block: `path:line` (a link to the file on terminals
that show OSC 8 hyperlinks, when `links`), severity, rule and resource; the message; the
lines it points at (at most four, `snippets`); the rule's documentation:

```
main.tf:3  critical  GOV-AWS-010  aws_security_group.web
  Security group allows SSH from anywhere (port 22 from 0.0.0.0/0)
  3 │ resource "aws_security_group" "web" {
  4 │   ingress {
    │ … 9 more lines
  https://github.com/govern-dev/govern/blob/main/docs/rules/GOV-AWS-010.md
```

With a `width` (a terminal's), every line is wrapped between words to it, never inside a
word (one longer than the width stands alone), and code lines are cut with `…`. After the
summary, with the gate's settings, a last line says what blocks and why the exit code is
what it is (`Exit 1: 2 findings block: status fail, severity low or above (--fail-on
low).`).

`compact` gives one line per finding, grouped by file:

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

import os
import re
import textwrap
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path

from govern.gate import exit_code, is_blocking, is_scan_error
from govern.model.baseline import BaselineSummary
from govern.model.finding import SEVERITIES, Finding, Notice, ScanReport, Suppression
from govern.report.compliance import summary_lines as compliance_summary_lines
from govern.report.order import ordered_findings, ordered_notices
from govern.report.paths import display_path
from govern.report.snippets import SnippetReader
from govern.report.summary import Summary, summarize

NO_FILE = "(no file)"
_MIN_WIDTH = 20
_BAR = "│"

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
        subject = f"{_address(finding)}: {subject}"
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


class _Detail:
    """The detailed view of findings (see the module's docstring); reads each file once."""

    def __init__(self, report: ScanReport, paint: _Painter, width: int | None,
                 links: bool) -> None:
        self.root = report.root
        self.help: Mapping[str, str] = {m.id: m.help_uri for m in report.rules}
        self.paint = paint
        self.width = max(width, _MIN_WIDTH) if width else None
        self.links = links
        self.snippets = SnippetReader()

    def __call__(self, findings: Sequence[Finding]) -> list[str]:
        return [self.block(f) for f in findings]

    def block(self, finding: Finding) -> str:
        where = _file(finding, self.root)
        if finding.location is not None:
            where = f"{where}:{finding.location.start_line}"
        head = f"{where}  {finding.severity}  {clean(finding.rule_id)}"
        address = _address(finding)
        if address:
            head += f"  {address}"
        lines = self.wrapped(head, "", "    ")
        plain = f"{where}  {finding.severity}  "
        if lines[0].startswith(plain):  # style the location and the severity in place
            shown = where
            if self.links and finding.location is not None:
                target = Path(os.path.abspath(finding.location.file)).as_uri()
                shown = f"\x1b]8;;{target}\x1b\\{where}\x1b]8;;\x1b\\"
            lines[0] = (f"{shown}  {self.paint(finding.severity, finding.severity)}  "
                        + lines[0][len(plain):])
        lines += self.wrapped(clean(finding.message), "  ", "  ")
        lines += self.snippet(finding)
        if finding.suppression is not None:
            lines += self.wrapped(_suppression_text(finding.suppression, self.root), "  ",
                                  "    ")
        uri = self.help.get(finding.rule_id)
        if uri:
            lines += self.wrapped(clean(uri), "  ", "  ")
        return "\n".join(lines)

    def snippet(self, finding: Finding) -> list[str]:
        found = self.snippets.snippet(finding.location) if finding.location else None
        if found is None:
            return []
        digits = len(str(found.first + len(found.lines) - 1))
        out = []
        for offset, code in enumerate(found.lines):
            text = clean(code.expandtabs(4)).rstrip()
            out.append(self.cut(f"  {str(found.first + offset).rjust(digits)} {_BAR} {text}"
                                .rstrip()))
        if found.more:
            out.append(f"  {' ' * digits} {_BAR} … {_plural(found.more, 'more line')}")
        return out

    def cut(self, line: str) -> str:
        if self.width is None or len(line) <= self.width:
            return line
        return line[:self.width - 1] + "…"

    def wrapped(self, text: str, first: str, rest: str) -> list[str]:
        if self.width is None:
            return [first + text]
        return textwrap.wrap(text, self.width, initial_indent=first, subsequent_indent=rest,
                             break_long_words=False, break_on_hyphens=False) or [first]


def _address(finding: Finding) -> str:
    address = clean(finding.resource_address)
    if finding.context and finding.resource_address.startswith("module."):
        # the same module may be instantiated by several root modules: say which
        address = f"{address} (root {clean(finding.context)})"
    return address


def gate_line(report: ScanReport, fail_on: str, fail_on_unknown: bool = False) -> str:
    """Why the exit code is what it is: `Exit 1: 3 findings block: ...`."""
    code = exit_code(report, fail_on, fail_on_unknown)
    if code == 3:
        errors = sum(1 for n in report.notices if is_scan_error(n))
        return (f"Exit 3: {_plural(errors, 'scan error')} (see the notices above); findings "
                f"do not change that.")
    if code == 2:
        return "Exit 2: a configuration error in a scanned file (see the notices above)."
    blocking = sum(1 for f in report.findings if is_blocking(f, fail_on, fail_on_unknown))
    unknown = sum(1 for f in report.findings
                  if f.status == "unknown" and f.suppression is None)
    what = ("status fail or unknown" if fail_on_unknown else "status fail")
    if code == 1:
        verb = "blocks" if blocking == 1 else "block"
        text = (f"Exit 1: {_plural(blocking, 'finding')} {verb}: {what}, severity {fail_on} "
                f"or above (--fail-on {fail_on}).")
        return text
    failed = sum(1 for f in report.findings if f.status == "fail" and f.suppression is None)
    if fail_on == "none":
        text = "Exit 0: --fail-on none: findings never block."
    elif failed:
        text = (f"Exit 0: no finding blocks: {_plural(failed, 'finding')} below "
                f"--fail-on {fail_on}.")
    else:
        text = "Exit 0: no finding blocks."
    if unknown and not fail_on_unknown and fail_on != "none":
        text = text[:-1] + (f"; {unknown} unknown {'does' if unknown == 1 else 'do'} not "
                            f"block without --fail-on-unknown.")
    return text


def render(report: ScanReport, *, color: bool = False, compact: bool = False,
           width: int | None = None, links: bool = False, fail_on: str | None = None,
           fail_on_unknown: bool = False) -> str:
    """The text report; `compact`: a line per finding; `width`: wrap to it (a terminal's);
    `links`: OSC 8 links to the files; `fail_on`: end with the gate's line."""
    paint = _Painter(color)
    findings = ordered_findings(report)
    failed = [f for f in findings if f.status != "unknown" and f.suppression is None]
    unknown = [f for f in findings if f.status == "unknown" and f.suppression is None]
    suppressed = [f for f in findings if f.suppression is not None]
    cols = _Columns(findings)

    detail = _Detail(report, paint, width, links)  # one per report: files read once

    def listed(chosen: Sequence[Finding]) -> list[str]:
        if compact:
            return _by_file(chosen, report.root, cols, paint)
        return detail(chosen)

    blocks: list[str] = []
    if not failed and not unknown:
        blocks.append("No findings.")
    blocks.extend(listed(failed))
    if unknown:
        heading = paint("heading", f"Could not be decided — {len(unknown)}")
        first, *rest = listed(unknown)
        blocks.append(f"{heading}\n{first}")
        blocks.extend(rest)
    if suppressed:
        heading = paint("heading", f"Suppressed — {len(suppressed)}")
        first, *rest = listed(suppressed)
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
    if fail_on is not None:
        blocks.append(gate_line(report, fail_on, fail_on_unknown))
    out = "\n\n".join(blocks) + "\n"
    return _fitted(out, max(width, _MIN_WIDTH)) if width else out


_SNIPPET_LINE = re.compile(r"^  [ 0-9]+ │ ")
# what a terminal does not show: colour (SGR) and OSC 8 hyperlink sequences
_INVISIBLE = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;;[^\x1b]*\x1b\\")


def _shown(text: str) -> int:
    return len(_INVISIBLE.sub("", text))


def _fitted(out: str, width: int) -> str:
    """Every line of `out` within `width` columns as shown (colour and links take none): a
    code line is cut with `…`, any other wrapped between words, its continuation indented
    two more than the line (a word longer than the width stands alone)."""
    lines: list[str] = []
    for line in out.split("\n"):
        if _shown(line) <= width:
            lines.append(line)
        elif _SNIPPET_LINE.match(line):
            lines.append(line[:width - 1] + "…")
        else:
            lines.extend(_wrap_words(line, width))
    return "\n".join(lines)


def _wrap_words(line: str, width: int) -> list[str]:
    indent = line[:len(line) - len(line.lstrip(" "))]
    out: list[str] = []
    current = ""
    for word in line.split():
        if not current:
            current = indent + word
        elif _shown(f"{current} {word}") > width:
            out.append(current)
            current = f"{indent}  {word}"
        else:
            current = f"{current} {word}"
    out.append(current)
    return out
