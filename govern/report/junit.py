"""Findings as JUnit XML, for CI systems that show test reports: `--format junit`.

```
<testsuites name="govern" tests="4" failures="2" errors="1" skipped="1">
  <testsuite name="GOV-AWS-001" tests="3" failures="2" errors="0" skipped="0">
    <properties>
      <property name="title" value="S3 bucket without default encryption at rest" />
      <property name="severity" value="high" />
      ...
    </properties>
    <testcase classname="aws_s3_bucket.logs" name="GOV-AWS-001">
      <failure message="S3 bucket has no default server-side encryption" type="high">
main.tf:41-44 ...</failure>
    </testcase>
    <testcase classname="GOV-AWS-001" name="7 of 9 resources passed" />
  </testsuite>
  <testsuite name="govern: scan errors" ...>
    <testcase classname="broken.tf" name="parse-error"><error .../></testcase>
  </testsuite>
</testsuites>
```

- One `<testsuite>` per rule that ran (`ScanReport.rules`, plus the rule of any finding
  missing from it), sorted by rule id; its `name` is the rule id, its title, severity,
  category and help URI are `<property>` elements.
- One `<testcase>` per finding, in the order of `govern.report.order`: `classname` the
  resource address, `name` the rule id; a `fail` finding has `<failure message type>`
  (type = severity), an `unknown` one `<skipped message>` (an unknown value is not a
  failure), and so does a suppressed one (`<skipped message="suppressed: REASON">`, the
  body adding the suppression's source, place and expiry); the body says where
  (`file:line-line`, relative to the scan root), the resource, its kind and the attribute
  path.
- Then one passing `<testcase>` per rule for the resources that did not fail:
  `classname` the rule id, `name` `N of M resources passed` from `ScanReport.evaluated`
  (resources of the rule's kinds it was evaluated on, minus those with a finding). When
  the report has no count for the rule and it has no finding, the name is
  `no resource failed`. A rule evaluated on no resource has no passing testcase
  (`tests="0"` when it has no finding either).
- Error notices (files that could not be parsed) are `<error>` testcases of a last suite
  `govern: scan errors`, so a scan error never looks like a green build; warnings and notes
  are listed in that suite's `<system-out>`. The suite is written only when there are
  notices.
- Counts (`tests`, `failures`, `errors`, `skipped`) on every suite and on `<testsuites>`.
  No timestamps or times: the output is byte-stable. Text is escaped by ElementTree;
  characters XML 1.0 cannot hold (control characters) become `\\xNN`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from govern.model.finding import Finding, Notice, RuleMeta, ScanReport
from govern.report.order import ordered_findings, ordered_notices
from govern.report.paths import display_path
from govern.report.rules import RuleIndex

SCAN_SUITE = "govern: scan errors"

# characters not allowed in XML 1.0 (besides tab, newline, carriage return)
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _sub(parent: ET.Element, tag: str, **attrib: str) -> ET.Element:
    return ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrib.items()})


def _where(finding: Finding, root: str) -> str:
    loc = finding.location
    if loc is None:
        return "(no file)"
    path = display_path(loc.file, root)
    if loc.end_line > loc.start_line:
        return f"{path}:{loc.start_line}-{loc.end_line}"
    return f"{path}:{loc.start_line}"


def _body(finding: Finding, root: str) -> str:
    lines = [_where(finding, root)]
    if finding.resource_address:
        lines.append(f"resource: {finding.resource_address} ({finding.resource_kind})")
    if finding.path:
        lines.append(f"attribute: {finding.path}")
    lines.append(finding.message)
    suppression = finding.suppression
    if suppression is not None:
        where = f" at {display_path(suppression.location.file, root)}:" \
            f"{suppression.location.start_line}" if suppression.location else ""
        until = f", until {suppression.until}" if suppression.until else ""
        lines.append(f"suppressed ({suppression.source}{where}{until}): "
                     f"{suppression.justification}")
    return _clean("\n".join(lines))


def _finding_case(suite: ET.Element, finding: Finding, root: str) -> None:
    case = _sub(suite, "testcase", classname=finding.resource_address or "(no resource)",
                name=finding.rule_id)
    if finding.suppression is not None:
        element = _sub(case, "skipped",
                       message=f"suppressed: {finding.suppression.justification}")
    elif finding.status == "unknown":
        element = _sub(case, "skipped", message=f"could not be decided: {finding.message}")
    else:
        element = _sub(case, "failure", message=finding.message, type=finding.severity)
    element.text = _body(finding, root)


def _pass_name(rule_id: str, findings: list[Finding], report: ScanReport) -> str | None:
    if rule_id not in report.evaluated:
        return None if findings else "no resource failed"
    evaluated = report.evaluated[rule_id]
    passed = max(0, evaluated - len({f.resource_id for f in findings}))
    if passed == 0:
        return None
    noun = "resource" if evaluated == 1 else "resources"
    return f"{passed} of {evaluated} {noun} passed"


def _counts(element: ET.Element, tests: int, failures: int, errors: int, skipped: int) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", str(errors))
    element.set("skipped", str(skipped))


def _rule_suite(parent: ET.Element, rule: RuleMeta, findings: list[Finding],
                report: ScanReport) -> tuple[int, int, int]:
    suite = _sub(parent, "testsuite", name=rule.id)
    properties = _sub(suite, "properties")
    for name, value in (("title", rule.title), ("severity", rule.severity),
                        ("category", rule.category), ("help", rule.help_uri)):
        if value:
            _sub(properties, "property", name=name, value=value)
    for finding in findings:
        _finding_case(suite, finding, report.root)
    pass_name = _pass_name(rule.id, findings, report)
    if pass_name is not None:
        _sub(suite, "testcase", classname=rule.id, name=pass_name)
    tests = len(findings) + (pass_name is not None)
    failures = sum(f.status != "unknown" and f.suppression is None for f in findings)
    skipped = len(findings) - failures
    _counts(suite, tests, failures, 0, skipped)
    return tests, failures, skipped


def _notice_where(notice: Notice, root: str) -> str:
    if not notice.file:
        return ""
    path = display_path(notice.file, root)
    return f"{path}:{notice.line}" if notice.line else path


def _notice_text(notice: Notice, root: str) -> str:
    where = _notice_where(notice, root)
    text = notice.message + (f" ({notice.hint})" if notice.hint else "")
    return f"{where}: {text}" if where else text


def _scan_suite(parent: ET.Element, notices: list[Notice], root: str) -> int:
    suite = _sub(parent, "testsuite", name=SCAN_SUITE)
    errors = [n for n in notices if n.level == "error"]
    for notice in errors:
        path = display_path(notice.file, root) if notice.file else "(no file)"
        case = _sub(suite, "testcase", classname=path, name=notice.code or "error")
        error = _sub(case, "error", message=notice.message, type=notice.code or "error")
        error.text = _clean(_notice_text(notice, root))
    others = [n for n in notices if n.level != "error"]
    if others:
        out = _sub(suite, "system-out")
        out.text = _clean("\n".join(f"{n.level}: {_notice_text(n, root)}" for n in others))
    _counts(suite, len(errors), 0, len(errors), 0)
    return len(errors)


def document(report: ScanReport) -> ET.Element:
    """The `<testsuites>` element (for tests and embedding)."""
    index = RuleIndex.of(report)
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    rules: dict[str, RuleMeta] = {}
    for rule in report.rules:
        rules.setdefault(rule.id, rule)
    for finding in ordered_findings(report):
        by_rule[finding.rule_id].append(finding)
        rules.setdefault(finding.rule_id, index.for_finding(finding))
    top = ET.Element("testsuites", {"name": "govern"})
    tests = failures = errors = skipped = 0
    for rule_id in sorted(rules):
        t, f, s = _rule_suite(top, rules[rule_id], by_rule.get(rule_id, []), report)
        tests, failures, skipped = tests + t, failures + f, skipped + s
    notices = ordered_notices(report)
    if notices:
        errors = _scan_suite(top, notices, report.root)
        tests += errors
    _counts(top, tests, failures, errors, skipped)
    return top


def render(report: ScanReport) -> str:
    top = document(report)
    ET.indent(top)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(top, encoding="unicode") + "\n")
