"""SARIF 2.1.0, written by hand to the contract in DESIGN.md ("Stable contracts").

Not sarif-om / jschema_to_python: that serializer drops values equal to their defaults
(e.g. `level: "warning"`, `kind: "fail"`) and writes `state` for `status` in suppressions.
Plain dicts built in a fixed order and `json_text` (the bytes of `json.dumps(indent=2)`,
each result written as it is made) give byte-stable output; the tests validate it
against the official schema.

Choices worth knowing:

- One run. `tool.driver.rules` holds one descriptor per rule with at least one result,
  sorted by id; `result.ruleIndex` points into it.
- A rule descriptor's `properties.equivalents` lists other tools' ids (checkov, trivy,
  kics); `properties.partialEquivalents` (only when the rule has some) maps each partial
  one to how it differs from the rule. The ids not in it are exact equivalents.
  `properties.status` is there for a rule that is not stable (experimental, deprecated),
  and `deprecatedIds` lists a renamed rule's former ids.
- Levels: critical/high -> `error`, medium -> `warning`, low -> `note`.
- A finding with status `unknown` (the rule could not be decided) is a result with
  `kind: "review"` and `level: "none"`: SARIF §3.27.9 requires `level` to be `none` (or
  absent) whenever `kind` is not `fail`. `properties.status` says `unknown` as well.
- `artifactLocation.uri` is relative to `%SRCROOT%` (`run.originalUriBaseIds`, the root's
  `file:///` URI with a trailing slash) for files inside the root; files outside it get an
  absolute `file:///` URI and no `uriBaseId` (never `../`); remote sources (`git::...`)
  and findings without a location get no `physicalLocation`, only the logical location
  (the resource address). See `govern.report.paths`. An empty resource address or
  fingerprint is left out rather than written empty.
- A suppressed finding (an accepted risk) is still a result, with `suppressions`:
  `[{"kind": "inSource"|"external", "status": "accepted", "justification", "location"}]`
  (`location`: where the suppression is written, when known); code scanning shows it as
  dismissed. `properties.suppressionSource` names the syntax (govern, checkov, tfsec,
  trivy, kics, waiver, baseline), `properties.suppressedUntil` the expiry date.
- Every notice becomes an `invocations[0].toolExecutionNotifications` entry;
  `executionSuccessful` is false when any notice is an error (a file could not be parsed).
- `run.automationDetails.id` only with `--sarif-category ID` (else omitted). SARIF 2.1.0
  (§3.17, runAutomationDetails, property `id`) reads `id` as `<category>/<run id>`:
  everything up to the last `/` is the category, the rest identifies the run. GitHub code
  scanning uses that category to keep the alerts of separate analyses of one commit apart
  (`upload-sarif`'s `category` input writes the same field, as `category/`). So the id is
  written with a trailing `/`: `--sarif-category govern/terraform` gives
  `"govern/terraform/"`, the whole value is the category and no run id is claimed (without
  the slash GitHub would read the category as `govern` and the run id as `terraform`). A
  value that already ends with `/` is kept as it is.
- Output is ASCII, indented by 2, with a trailing newline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from json.encoder import encode_basestring_ascii as _string
from typing import Any

from govern.json_text import Streamed, indented
from govern.json_text import chunks as json_chunks
from govern.model.finding import (
    SECURITY_SEVERITY,
    Finding,
    Notice,
    RuleMeta,
    ScanReport,
    Suppression,
)
from govern.model.source import SourceRange
from govern.report.order import ordered_findings, ordered_notices
from govern.report.paths import SRCROOT, artifact_uri, root_uri
from govern.report.rules import RuleIndex, equivalents
from govern.report.safe_text import safe_items, safe_layout
from govern.report.tool import INFORMATION_URI, TOOL_NAME, tool_version

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "governFingerprint/v1"

LEVELS: dict[str, str] = {"critical": "error", "high": "error", "medium": "warning",
                          "low": "note"}

JSON = dict[str, Any]

# MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] (semver.org, simplified); a PEP 440 version that
# is not also semver (`0.2.0.dev3`) gets no semanticVersion
_SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
                     r"(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?")


def pascal_case(slug: str) -> str:
    """`s3-bucket-without-encryption` -> `S3BucketWithoutEncryption`."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^0-9A-Za-z]+", slug))


def _text(*candidates: str) -> str:
    """The first non-blank candidate, stripped (SARIF message strings must not be empty)."""
    for candidate in candidates:
        if candidate.strip():
            return candidate.strip()
    return ""


def _tags(rule: RuleMeta) -> list[str]:
    """The rule's tags, then its category and `security` (GitHub shows security-severity
    only for results tagged `security`); distinct, as SARIF requires."""
    tags: list[str] = []
    for tag in (*rule.tags, rule.category, "security"):
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def _descriptor(rule: RuleMeta) -> JSON:
    title = _text(rule.title, rule.id)
    descriptor: JSON = {
        "id": rule.id,
        "name": pascal_case(rule.slug or rule.id),
        "shortDescription": {"text": title},
        "fullDescription": {"text": _text(rule.description, title)},
        "help": {
            "text": _text(rule.remediation, rule.description, title),
            "markdown": _text(rule.help_markdown, rule.remediation, rule.description, title),
        },
    }
    if rule.help_uri:
        descriptor["helpUri"] = rule.help_uri
    descriptor["defaultConfiguration"] = {"level": LEVELS[rule.severity]}
    descriptor["properties"] = {
        "tags": _tags(rule),
        "security-severity": SECURITY_SEVERITY[rule.severity],
        "precision": rule.precision,
        "equivalents": equivalents(rule.equivalents),
    }
    if rule.partial_equivalents:  # peer id -> how it differs; the other ids are exact
        descriptor["properties"]["partialEquivalents"] = dict(rule.partial_equivalents)
    if rule.status != "stable":
        descriptor["properties"]["status"] = rule.status
    if rule.aliases:  # SARIF's own place for the ids a rule had before
        descriptor["deprecatedIds"] = list(rule.aliases)
    return descriptor


def _region(loc: SourceRange) -> JSON | None:
    if loc.start_line < 1:
        return None
    return {"startLine": loc.start_line, "endLine": max(loc.end_line, loc.start_line)}


def _artifact_location(file: str, root: str) -> JSON | None:
    uri = artifact_uri(file, root)
    if uri is None:
        return None
    location: JSON = {"uri": uri.uri}
    if uri.uri_base_id:
        location["uriBaseId"] = uri.uri_base_id
    return location


def _location(finding: Finding, root: str) -> JSON:
    location: JSON = {}
    loc = finding.location
    artifact = _artifact_location(loc.file, root) if loc else None
    if loc is not None and artifact is not None:
        physical: JSON = {"artifactLocation": artifact}
        region = _region(loc)
        if region is not None:
            physical["region"] = region
        location["physicalLocation"] = physical
    if finding.resource_address:
        location["logicalLocations"] = [
            {"fullyQualifiedName": finding.resource_address, "kind": "resource"}
        ]
    return location


def _result(finding: Finding, rule_index: int, root: str) -> JSON:
    unknown = finding.status == "unknown"
    result: JSON = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
    }
    if unknown:
        result["kind"] = "review"
    result["level"] = "none" if unknown else LEVELS[finding.severity]
    result["message"] = {"text": _text(finding.message, finding.rule_id)}
    result["locations"] = [_location(finding, root)]
    if finding.fingerprint:  # an empty one would merge unrelated alerts into one
        result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    properties: JSON = {
        "severity": finding.severity,
        "category": finding.category,
        "resourceKind": finding.resource_kind,
        "sourceFormat": finding.source_format,
        "status": finding.status,
    }
    if finding.path:
        properties["attributePath"] = finding.path
    if finding.suppression is not None:
        properties["suppressionSource"] = finding.suppression.source
        if finding.suppression.until:
            properties["suppressedUntil"] = finding.suppression.until
        result["suppressions"] = [_suppression(finding.suppression, root)]
    result["properties"] = properties
    return result


def _result_text(finding: Finding, rule_index: int, root: str, newline: str) -> str:
    """`json_text.indented(_result(finding, rule_index, root), newline)`, written straight
    from the finding: a large scan's results are most of the time a report takes (a test
    keeps the two equal; a value of another type than the fields declare goes the long
    way)."""
    try:
        return _result_lines(finding, rule_index, root, newline)
    except (TypeError, KeyError, AttributeError):
        return indented(_result(finding, rule_index, root), newline)


@lru_cache(maxsize=8)
def _depths(newline: str) -> tuple[str, str, str, str, str, str]:
    """The newline of each depth below `newline`."""
    n1 = newline + "  "
    return (n1, n1 + "  ", n1 + "    ", n1 + "      ", n1 + "        ", n1 + "          ")


def _result_lines(finding: Finding, rule_index: int, root: str, newline: str) -> str:
    n1, n2, n3, n4, n5, _ = _depths(newline)
    q = _string
    unknown = finding.status == "unknown"
    out = [f'{{{n1}"ruleId": {q(finding.rule_id)},{n1}"ruleIndex": {int.__repr__(rule_index)}']
    if unknown:
        out.append(f',{n1}"kind": "review"')
    out.append(f',{n1}"level": {q("none" if unknown else LEVELS[finding.severity])},{n1}'
               f'"message": {{{n2}"text": {q(_text(finding.message, finding.rule_id))}{n1}}},'
               f'{n1}"locations": [{n2}')
    loc = finding.location
    artifact = artifact_uri(loc.file, root) if loc is not None else None
    separator = "{"
    if loc is not None and artifact is not None:
        out.append(f'{{{n3}"physicalLocation": {{{n4}"artifactLocation": {{{n5}"uri": '
                   f'{q(artifact.uri)}')
        if artifact.uri_base_id:
            out.append(f',{n5}"uriBaseId": {q(artifact.uri_base_id)}')
        out.append(n4 + "}")
        if loc.start_line >= 1:
            out.append(f',{n4}"region": {{{n5}"startLine": {int.__repr__(loc.start_line)},'
                       f'{n5}"endLine": {int.__repr__(max(loc.end_line, loc.start_line))}'
                       f'{n4}}}')
        out.append(n3 + "}")
        separator = ","
    if finding.resource_address:
        out.append(f'{separator}{n3}"logicalLocations": [{n4}{{{n5}"fullyQualifiedName": '
                   f'{q(finding.resource_address)},{n5}"kind": "resource"{n4}}}{n3}]')
        separator = ","
    out.append(f"{n2}}}{n1}]" if separator == "," else f"{{}}{n1}]")
    if finding.fingerprint:
        out.append(f',{n1}"partialFingerprints": {{{n2}"{FINGERPRINT_KEY}": '
                   f'{q(finding.fingerprint)}{n1}}}')
    suppression = finding.suppression
    if suppression is not None:
        out.append(f',{n1}"suppressions": '
                   + indented([_suppression(suppression, root)], n1))
    out.append(f',{n1}"properties": {{{n2}"severity": {q(finding.severity)},{n2}'
               f'"category": {q(finding.category)},{n2}"resourceKind": '
               f'{q(finding.resource_kind)},{n2}"sourceFormat": {q(finding.source_format)},'
               f'{n2}"status": {q(finding.status)}')
    if finding.path:
        out.append(f',{n2}"attributePath": {q(finding.path)}')
    if suppression is not None:
        out.append(f',{n2}"suppressionSource": {q(suppression.source)}')
        if suppression.until:
            out.append(f',{n2}"suppressedUntil": {q(suppression.until)}')
    out.append(f"{n1}}}{newline}}}")
    return "".join(out)


def _suppression(suppression: Suppression, root: str) -> JSON:
    out: JSON = {"kind": suppression.kind, "status": "accepted"}
    if suppression.justification.strip():
        out["justification"] = suppression.justification.strip()
    at = suppression.location
    artifact = _artifact_location(at.file, root) if at is not None else None
    if at is not None and artifact is not None:
        physical: JSON = {"artifactLocation": artifact}
        region = _region(at)
        if region is not None:
            physical["region"] = region
        out["location"] = {"physicalLocation": physical}
    return out


def _notification(notice: Notice, root: str) -> JSON:
    text = notice.message + (f" ({notice.hint})" if notice.hint else "")
    notification: JSON = {"level": notice.level, "message": {"text": _text(text, notice.code)}}
    artifact = _artifact_location(notice.file, root) if notice.file else None
    if artifact is not None:
        physical: JSON = {"artifactLocation": artifact}
        if notice.line and notice.line > 0:
            physical["region"] = {"startLine": notice.line}
        notification["locations"] = [{"physicalLocation": physical}]
    if notice.code:
        notification["descriptor"] = {"id": notice.code}
    return notification


def _driver(version: str, rules: list[RuleMeta]) -> JSON:
    driver: JSON = {"name": TOOL_NAME, "version": version}
    if _SEMVER.fullmatch(version):
        driver["semanticVersion"] = version
    driver["informationUri"] = INFORMATION_URI
    driver["rules"] = [_descriptor(rule) for rule in rules]
    return driver


def automation_id(category: str) -> str:
    """The `automationDetails.id` for a category: the category, ending with `/`."""
    category = category.strip()
    return category if category.endswith("/") else category + "/"


def document(report: ScanReport, *, category: str | None = None) -> JSON:
    """The SARIF log as Python data (for embedding, or for tests); `category`: see
    the module docstring (`automationDetails.id`)."""
    doc = _skeleton(report, category)
    results: Streamed = doc["runs"][0]["results"]
    doc["runs"][0]["results"] = [results.write(f, "") for f in results.items]
    return doc


def _skeleton(report: ScanReport, category: str | None, *, text: bool = False) -> JSON:
    """The SARIF log with its results `Streamed`: each written as text (`safe_items`)
    with `text`, else made as data."""
    index = RuleIndex.of(report)
    findings = ordered_findings(report)
    first: dict[str, Finding] = {}
    for finding in findings:
        first.setdefault(finding.rule_id, finding)
    hit_rules = [index.for_finding(first[rule_id]) for rule_id in sorted(first)]
    position = {rule.id: i for i, rule in enumerate(hit_rules)}
    notices = ordered_notices(report)

    def build(finding: Finding, root: str) -> JSON:
        return _result(finding, position[finding.rule_id], root)

    def write(finding: Finding, root: str, newline: str) -> str:
        return _result_text(finding, position[finding.rule_id], root, newline)

    run: JSON = {
        "tool": {"driver": _driver(tool_version(report), hit_rules)},
        "invocations": [{
            "executionSuccessful": not any(n.level == "error" for n in notices),
            "toolExecutionNotifications": [_notification(n, report.root) for n in notices],
        }],
        "originalUriBaseIds": {SRCROOT: {"uri": root_uri(report.root)}},
        "results": Streamed(findings, safe_items(write, report.root) if text
                            else lambda f, _: build(f, report.root)),
    }
    if category:
        run["automationDetails"] = {"id": automation_id(category)}
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def chunks(report: ScanReport, *, category: str | None = None) -> Iterator[str]:
    """The SARIF log's text, a few results at a time (joined: `render`)."""
    yield from json_chunks(safe_layout(lambda r: _skeleton(r, category, text=True), report))
    yield "\n"


def render(report: ScanReport, *, category: str | None = None) -> str:
    return "".join(chunks(report, category=category))
