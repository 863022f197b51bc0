"""Findings in SonarQube's generic issue import format: `--format sonarqube`.

The format SonarQube Server 10.3 and later (and SonarQube Cloud) read from
`sonar.externalIssuesReportPaths` ("Importing third-party issues", generic formats):

```
{"rules": [{"id": "GOV-AWS-001", "name": "...", "description": "...",
            "engineId": "govern", "cleanCodeAttribute": "TRUSTWORTHY",
            "impacts": [{"softwareQuality": "SECURITY", "severity": "HIGH"}]}],
 "issues": [{"ruleId": "GOV-AWS-001",
             "primaryLocation": {"message": "...", "filePath": "main.tf",
                                 "textRange": {"startLine": 41, "endLine": 44}}}]}
```

- One rule per rule with an issue; `impacts`: resilience rules are `RELIABILITY`, tagging
  rules `MAINTAINABILITY`, the others `SECURITY`; severity critical and high `HIGH`,
  medium `MEDIUM`, low `LOW`. Every rule's clean-code attribute is `TRUSTWORTHY`.
- One issue per finding with a file under the scan root (`filePath` relative to it, as
  SonarQube resolves it from the project's base directory), in report order. A finding
  that could not be decided is an issue whose message starts with `Could not be
  decided:`; a suppressed finding is not an issue (it is accepted).
- SonarQube places issues on files of the project only: a finding on a live resource, or
  on a file outside the scan root, is not in this format (the other formats have it; run
  the scan from the project's base directory).

The shape is checked by `tests/report/test_sonarqube.py` against a JSON Schema transcribed
from SonarQube's documentation of the format (SonarSource publishes no schema file).
"""

from __future__ import annotations

import json
from typing import Any

from govern.model.finding import Finding, RuleMeta, ScanReport
from govern.report.order import ordered_findings
from govern.report.paths import relative_to_root

ENGINE = "govern"
_SEVERITY = {"critical": "HIGH", "high": "HIGH", "medium": "MEDIUM", "low": "LOW"}
_QUALITY = {"resilience": "RELIABILITY", "tagging": "MAINTAINABILITY"}


def _rule(meta: RuleMeta, severity: str) -> dict[str, Any]:
    return {
        "id": meta.id,
        "name": meta.title,
        "description": f"{meta.description.strip()}\n\n{meta.help_uri}".strip(),
        "engineId": ENGINE,
        "cleanCodeAttribute": "TRUSTWORTHY",
        "impacts": [{"softwareQuality": _QUALITY.get(meta.category, "SECURITY"),
                     "severity": severity}],
    }


def _fallback_meta(finding: Finding) -> RuleMeta:
    return RuleMeta(id=finding.rule_id, slug=finding.rule_id.lower(), title=finding.rule_id,
                    severity=finding.severity, category=finding.category, kinds=(),
                    formats=(), precision="high", description="", remediation="",
                    help_markdown="", help_uri="", tags=(), equivalents={})


def document(report: ScanReport) -> dict[str, Any]:
    metas = {meta.id: meta for meta in report.rules}
    rules: dict[str, dict[str, Any]] = {}
    issues: list[dict[str, Any]] = []
    for finding in ordered_findings(report):
        if finding.suppression is not None:
            continue
        loc = finding.location
        path = relative_to_root(loc.file, report.root) if loc else None
        if loc is None or path is None:
            continue  # SonarQube places issues on files of the project only
        unknown = finding.status == "unknown"
        if finding.rule_id not in rules:
            meta = metas.get(finding.rule_id) or _fallback_meta(finding)
            rules[finding.rule_id] = _rule(meta, _SEVERITY[meta.severity])
        message = finding.message
        if finding.resource_address:
            message = f"{finding.resource_address}: {message}"
        if unknown:
            message = f"Could not be decided: {message}"
        location: dict[str, Any] = {"message": message, "filePath": path}
        if loc.start_line >= 1:
            location["textRange"] = {"startLine": loc.start_line,
                                     "endLine": max(loc.end_line, loc.start_line)}
        issues.append({"ruleId": finding.rule_id, "primaryLocation": location})
    return {"rules": [rules[key] for key in sorted(rules)], "issues": issues}


def render(report: ScanReport) -> str:
    return json.dumps(document(report), indent=2, ensure_ascii=False) + "\n"
