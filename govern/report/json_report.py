"""Machine-readable output for scripts: `--format json`. Version 1 of this document:

```
{
  "version": 1,                                  # of this JSON layout; bumped on breaking change
  "tool": {"name": "govern", "version": "0.1.0"},
  "summary": {
    "total": 17,                                 # findings of any status, suppressed too
    "by_status": {"fail": 12, "unknown": 3},     # not suppressed
    "by_severity": {"critical": 2, "high": 5, "medium": 4, "low": 1},   # status fail only
    "unknown_by_severity": {"critical": 0, "high": 1, "medium": 2, "low": 0},
    "suppressed": 2,                             # findings an accepted risk covers
    "notices": {"error": 1, "warning": 0, "note": 2},
    "unparsed_files": 1,                         # files named by error notices
    "files": 12, "resources": 40, "rules": 31, "seconds": 0.21
  },
  "findings": [
    {"rule_id": "GOV-AWS-001", "title": "S3 bucket without default encryption at rest",
     "severity": "high", "category": "encryption", "status": "fail",   # or "unknown"
     "message": "S3 bucket has no default server-side encryption",
     "resource": {"id": "...", "kind": "aws.s3.bucket", "address": "aws_s3_bucket.logs",
                  "format": "terraform", "context": "infra/prod"},   # context: the root
                                                 # module / template the resource is in
     "location": {"file": "main.tf", "start_line": 41, "end_line": 44},   # or null
     "path": "encryption",                       # offending attribute path, "" = the resource
     "fingerprint": "...",
     "equivalents": {"checkov": ["CKV_AWS_19"], "trivy": ["AVD-AWS-0088"], "kics": []},
     "suppression": null}                        # or {"kind": "inSource"|"external",
                                                 # "source": "govern"|"checkov"|"tfsec"|
                                                 # "trivy"|"kics"|"waiver"|"baseline",
                                                 # "justification", "until" (or null),
                                                 # "location" (as above, or null)}
  ],
  "notices": [
    {"level": "error", "code": "parse-error", "message": "...", "file": "broken.tf",
     "line": 7, "hint": "..."}                   # file, line, hint: null when unknown
  ],
  "rules": ["GOV-AWS-001", ...],                 # ids of every rule that ran, sorted
  "baseline": {"file": ".govern-baseline.json",  # only with --baseline
               "matched": 3,                     # findings left out: in the baseline
               "fixed": [{"fingerprint": "...", "rule_id": "GOV-AWS-001",   # entries no
                          "address": "aws_s3_bucket.old", "file": "main.tf",  # finding has
                          "message": "..."}]},                                # any more
  "compliance": [...]                            # only with --compliance: see
                                                 # govern.report.compliance
}
```

Every key is always present (null when there is no value), except `compliance`, present
only when a compliance report was asked for, and `baseline`, only with `--baseline`.
`title` is null when the rule is missing from the report. `location.file` is relative to
the scan root when the file is inside it, else the path as given (see
`govern.report.paths`). Findings and notices are in the order of `govern.report.order`;
object keys are in the order above; the `equivalents` keys are checkov, trivy, kics, then
any other tool by name. Output is ASCII (`ensure_ascii`), indented by 2, with a trailing
newline, and byte-stable.
"""

from __future__ import annotations

from collections.abc import Iterator
from json.encoder import encode_basestring_ascii as _string
from typing import Any

from govern.json_text import Streamed, indented
from govern.json_text import chunks as json_chunks
from govern.model.finding import Finding, Notice, ScanReport
from govern.report.compliance import compliance_document
from govern.report.order import ordered_findings, ordered_notices
from govern.report.paths import display_path
from govern.report.rules import RuleIndex, equivalents
from govern.report.safe_text import safe_items, safe_layout
from govern.report.summary import summarize
from govern.report.tool import TOOL_NAME, tool_version

JSON_VERSION = 1


def _finding(finding: Finding, rules: RuleIndex, root: str,
             equivalents_of: dict[int, tuple[Any, dict[str, list[str]]]]) -> dict[str, Any]:
    rule = rules.get(finding.rule_id)
    loc = finding.location
    location = None if loc is None else {
        "file": display_path(loc.file, root),
        "start_line": loc.start_line,
        "end_line": loc.end_line,
    }
    equiv = finding.equivalents or (rule.equivalents if rule else {})
    # the findings of a rule share its mapping: listed once (the mapping is kept with
    # its listing, so that its id is not reused while the document is built)
    known = equivalents_of.get(id(equiv))
    if known is None:
        known = equivalents_of[id(equiv)] = (equiv, equivalents(equiv))
    listed = known[1]
    return {
        "rule_id": finding.rule_id,
        "title": rule.title if rule else None,
        "severity": finding.severity,
        "category": finding.category,
        "status": finding.status,
        "message": finding.message,
        "resource": {
            "id": finding.resource_id,
            "kind": finding.resource_kind,
            "address": finding.resource_address,
            "format": finding.source_format,
            "context": finding.context,
        },
        "location": location,
        "path": finding.path,
        "fingerprint": finding.fingerprint,
        "equivalents": listed,
        "suppression": _suppression(finding, root),
    }


def _finding_text(finding: Finding, rules: RuleIndex, root: str,
                  equivalents_of: dict[int, tuple[Any, dict[str, list[str]]]],
                  newline: str) -> str:
    """`json_text.indented(_finding(...), newline)`, written straight from the finding
    (a test keeps the two equal; a value of another type than the fields declare goes
    the long way)."""
    try:
        return _finding_lines(finding, rules, root, equivalents_of, newline)
    except (TypeError, KeyError, AttributeError):
        return indented(_finding(finding, rules, root, equivalents_of), newline)


def _finding_lines(finding: Finding, rules: RuleIndex, root: str,
                   equivalents_of: dict[int, tuple[Any, dict[str, list[str]]]],
                   newline: str) -> str:
    q = _string
    n1 = newline + "  "
    n2 = n1 + "  "
    rule = rules.get(finding.rule_id)
    title = "null" if rule is None else q(rule.title)
    loc = finding.location
    location = "null" if loc is None else (
        f'{{{n2}"file": {q(display_path(loc.file, root))},{n2}"start_line": '
        f'{int.__repr__(loc.start_line)},{n2}"end_line": {int.__repr__(loc.end_line)}{n1}}}')
    equiv = finding.equivalents or (rule.equivalents if rule else {})
    known = equivalents_of.get(id(equiv))
    if known is None:
        known = equivalents_of[id(equiv)] = (equiv, equivalents(equiv))
    listed = indented(known[1], n1)
    suppression = _suppression(finding, root)
    return (f'{{{n1}"rule_id": {q(finding.rule_id)},{n1}"title": {title},{n1}"severity": '
            f'{q(finding.severity)},{n1}"category": {q(finding.category)},{n1}"status": '
            f'{q(finding.status)},{n1}"message": {q(finding.message)},{n1}"resource": {{'
            f'{n2}"id": {q(finding.resource_id)},{n2}"kind": {q(finding.resource_kind)},'
            f'{n2}"address": {q(finding.resource_address)},{n2}"format": '
            f'{q(finding.source_format)},{n2}"context": {q(finding.context)}{n1}}},{n1}'
            f'"location": {location},{n1}"path": {q(finding.path)},{n1}"fingerprint": '
            f'{q(finding.fingerprint)},{n1}"equivalents": {listed},{n1}"suppression": '
            f'{"null" if suppression is None else indented(suppression, n1)}{newline}}}')


def _suppression(finding: Finding, root: str) -> dict[str, Any] | None:
    suppression = finding.suppression
    if suppression is None:
        return None
    at = suppression.location
    return {
        "kind": suppression.kind,
        "source": suppression.source,
        "justification": suppression.justification,
        "until": suppression.until,
        "location": None if at is None else {
            "file": display_path(at.file, root), "start_line": at.start_line,
            "end_line": at.end_line},
    }


def _notice(notice: Notice, root: str) -> dict[str, Any]:
    return {
        "level": notice.level,
        "code": notice.code,
        "message": notice.message,
        "file": display_path(notice.file, root) if notice.file else None,
        "line": notice.line,
        "hint": notice.hint,
    }


def document(report: ScanReport) -> dict[str, Any]:
    """The JSON document as Python data (for embedding, or for tests). The findings of
    one rule share one `equivalents` object: copy it before changing it."""
    doc = _skeleton(report)
    findings: Streamed = doc["findings"]
    doc["findings"] = [findings.write(f, "") for f in findings.items]
    return doc


def _skeleton(report: ScanReport, *, text: bool = False) -> dict[str, Any]:
    """The JSON document with its findings `Streamed`: each written as text
    (`safe_items`) with `text`, else made as data."""
    rules = RuleIndex.of(report)
    summary = summarize(report)
    equivalents_of: dict[int, tuple[Any, dict[str, list[str]]]] = {}

    def build(finding: Finding, root: str) -> dict[str, Any]:
        return _finding(finding, rules, root, equivalents_of)

    def write(finding: Finding, root: str, newline: str) -> str:
        return _finding_text(finding, rules, root, equivalents_of, newline)

    doc: dict[str, Any] = {
        "version": JSON_VERSION,
        "tool": {"name": TOOL_NAME, "version": tool_version(report)},
        "summary": {
            "total": summary.failed_total + summary.unknown_total + summary.suppressed,
            "by_status": {"fail": summary.failed_total, "unknown": summary.unknown_total},
            "by_severity": dict(summary.failed),
            "unknown_by_severity": dict(summary.unknown),
            "suppressed": summary.suppressed,
            "notices": dict(summary.notices),
            "unparsed_files": summary.unparsed_files,
            "files": summary.files,
            "resources": summary.resources,
            "rules": len(rules.ids()),
            "seconds": round(summary.seconds, 3),
        },
        "findings": Streamed(ordered_findings(report),
                             safe_items(write, report.root) if text
                             else lambda f, _: build(f, report.root)),
        "notices": [_notice(n, report.root) for n in ordered_notices(report)],
        "rules": rules.ids(),
    }
    if report.baseline is not None:
        doc["baseline"] = {"file": report.baseline.file, "matched": report.baseline.matched,
                           "fixed": [e.to_json() for e in report.baseline.fixed]}
    if report.compliance:
        doc["compliance"] = compliance_document(report)
    return doc


def chunks(report: ScanReport) -> Iterator[str]:
    """The document's text, a few findings at a time (joined: `render`)."""
    yield from json_chunks(safe_layout(lambda r: _skeleton(r, text=True), report))
    yield "\n"


def render(report: ScanReport) -> str:
    return "".join(chunks(report))
