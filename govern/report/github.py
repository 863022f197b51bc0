"""Findings as GitHub Actions workflow commands (annotations): `--format github`.

```
::error file=main.tf,line=7,title=govern%3A parse-error::Unexpected token (check the HCL syntax)
::error file=main.tf,line=3,endLine=9,title=GOV-AWS-010::aws_security_group.web: Security ...
::warning file=azure/storage.json,line=12,endLine=20,title=GOV-AZ-003::...
::notice file=main.tf,line=57,endLine=60,title=GOV-AWS-004::aws_s3_bucket.data: could not ...
```

- Levels: critical and high -> `error`, medium -> `warning`, low -> `notice`; a finding
  that could not be decided (`unknown`) -> `notice` whatever its severity. Notices of the
  scan: error -> `error` (a file that could not be parsed), warning -> `warning`, note ->
  `notice`, titled `govern: <code>`.
- Order: by level (errors, then warnings, then notices); within a level scan notices
  first, then findings by severity (critical first), then in the order of
  `govern.report.order`.
- `file` is relative to the scan root, which must be the repository root (the working
  directory of the step, `GITHUB_WORKSPACE`) for GitHub to place the annotation on the
  file. A file outside the root, a remote source or no location: no `file`, `line` or
  `endLine`; the location (if any) is added to the message. `endLine` only when the range
  spans several lines.
- Escaping as in `@actions/core` (`toCommandValue`/`escapeData`/`escapeProperty`): in the
  message `%` -> `%25`, CR -> `%0D`, LF -> `%0A`; in property values also `:` -> `%3A`
  and `,` -> `%2C`.
- At most `limit` lines per level (default 10: GitHub shows 10 annotations per level and
  step, and drops the rest); when there are more, the last of them says how many were
  left out and where they are (`::error title=govern::12 more error annotations left out
  ...: see the job summary ...`), so that line is shown too.
- Suppressed findings (an accepted risk covers them) are not annotated.
- No findings and no notices: empty output.
"""

from __future__ import annotations

from collections.abc import Iterable

from govern.model.finding import SEVERITY_RANK, Finding, Notice, ScanReport
from govern.report.order import ordered_findings, ordered_notices
from govern.report.paths import display_path, relative_to_root

DEFAULT_LIMIT = 10
LEVELS: tuple[str, ...] = ("error", "warning", "notice")
_FINDING_LEVELS: dict[str, str] = {"critical": "error", "high": "error", "medium": "warning",
                                   "low": "notice"}
_NOTICE_LEVELS: dict[str, str] = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    """A workflow-command message, escaped as `@actions/core` does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow-command property value, escaped as `@actions/core` does."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: str | int | None) -> str:
    """`::level key=value,...::message`; properties that are None are left out."""
    props = ",".join(f"{key}={escape_property(str(value))}"
                     for key, value in properties.items() if value is not None)
    return f"::{level}{' ' + props if props else ''}::{escape_data(message)}"


def finding_level(finding: Finding) -> str:
    return "notice" if finding.status == "unknown" else _FINDING_LEVELS[finding.severity]


def _finding_line(finding: Finding, root: str) -> str:
    text = finding.message
    if finding.status == "unknown":
        text = f"could not be decided: {text}"
    if finding.resource_address:
        text = f"{finding.resource_address}: {text}"
    text += f" ({finding.severity})"
    loc = finding.location
    rel = relative_to_root(loc.file, root) if loc else None
    if loc is None or rel is None:
        if loc is not None:
            text += f" [{display_path(loc.file, root)}:{loc.start_line}]"
        return command(finding_level(finding), text, title=finding.rule_id)
    start = loc.start_line if loc.start_line > 0 else None
    end = loc.end_line if start is not None and loc.end_line > loc.start_line else None
    return command(finding_level(finding), text, file=rel, line=start, endLine=end,
                   title=finding.rule_id)


def _notice_line(notice: Notice, root: str) -> str:
    text = notice.message + (f" ({notice.hint})" if notice.hint else "")
    title = f"govern: {notice.code}" if notice.code else "govern"
    level = _NOTICE_LEVELS.get(notice.level, "notice")
    rel = relative_to_root(notice.file, root) if notice.file else None
    if notice.file and rel is None:
        where = display_path(notice.file, root)
        text += f" [{where}:{notice.line}]" if notice.line else f" [{where}]"
    line = notice.line if rel is not None and notice.line and notice.line > 0 else None
    return command(level, text, file=rel, line=line, title=title)


def _lines(report: ScanReport) -> Iterable[tuple[str, str]]:
    """(level, command line) for every notice and finding, in output order."""
    findings = sorted((f for f in ordered_findings(report) if f.suppression is None),
                      key=lambda f: -SEVERITY_RANK.get(f.severity, 0))  # stable
    for level in LEVELS:
        for notice in ordered_notices(report):
            if _NOTICE_LEVELS.get(notice.level, "notice") == level:
                yield level, _notice_line(notice, report.root)
        for finding in findings:
            if finding_level(finding) == level:
                yield level, _finding_line(finding, report.root)


def render(report: ScanReport, *, limit: int = DEFAULT_LIMIT) -> str:
    """The annotations, at most `limit` lines per level (the last one saying how many were
    left out, when some were), each on its own line."""
    by_level: dict[str, list[str]] = {level: [] for level in LEVELS}
    for level, line in _lines(report):
        by_level[level].append(line)
    out: list[str] = []
    for level in LEVELS:
        lines = by_level[level]
        if len(lines) <= limit:
            out.extend(lines)
            continue
        keep = max(limit - 1, 0)
        out.extend(lines[:keep])
        left = len(lines) - keep
        noun = "annotation" if left == 1 else "annotations"
        out.append(command(level, f"{left} more {level} {noun} left out (GitHub shows "
                                  f"{limit} per level and step): see the job summary, or "
                                  f"the text or SARIF report, for all of them",
                           title="govern"))
    return "".join(line + "\n" for line in out)
