"""The compliance section of reports, as data (JSON) and as summary lines (text).

```
"compliance": [
  {"framework": "cis-aws-3.0",
   "name": "CIS Amazon Web Services Foundations Benchmark", "version": "3.0.0",
   "url": "https://...",
   "summary": {"fail": 1, "unknown": 0, "pass": 2, "not-applicable": 1, "not-covered": 55},
   "incomplete": [],
   "controls": [
     {"id": "1.15", "title": "...", "status": "pass", "rules": ["GOV-AWS-016"],
      "resources": 2, "failed": 0, "unknown": 0},
     {"id": "1.5", "title": "...", "status": "not-covered", "rules": [],
      "resources": 0, "failed": 0, "unknown": 0, "beyond_code": "The root user's MFA ..."}
   ]}
]
```

`beyond_code` (only on a `not-covered` control no configuration can show): why no rule
can cover it. A `not-covered` control without it is one a rule could check but none does.

`incomplete`: what the scan could not read (each notice as text), for which `pass` and
`not-applicable` became `unknown` (govern/compliance/assess.py). Controls are in the
framework's catalogue order; `resources` counts evaluations (a
resource checked by two mapped rules counts twice).
"""

from __future__ import annotations

from typing import Any

from govern.model.finding import (
    CONTROL_STATUSES,
    ComplianceReport,
    ControlResult,
    ScanReport,
)


def compliance_document(report: ScanReport) -> list[dict[str, Any]]:
    return [_framework(c) for c in report.compliance]


def _framework(result: ComplianceReport) -> dict[str, Any]:
    return {
        "framework": result.framework,
        "name": result.name,
        "version": result.version,
        "url": result.url,
        "summary": dict(result.counts()),
        "incomplete": list(result.incomplete),
        "controls": [_control(c) for c in result.controls],
    }


def _control(c: ControlResult) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.id, "title": c.title, "status": c.status,
                           "rules": list(c.rules), "resources": c.resources,
                           "failed": c.failed, "unknown": c.unknown}
    if c.beyond_code:
        out["beyond_code"] = c.beyond_code
    return out


def counts_text(result: ComplianceReport) -> str:
    """`1 fail, 0 unknown, 2 pass, 1 not applicable, 55 not covered`."""
    counts = result.counts()
    return ", ".join(f"{counts[s]} {s.replace('-', ' ')}" for s in CONTROL_STATUSES)


def summary_lines(report: ScanReport) -> list[str]:
    """Per framework: `Compliance cis-aws-3.0 (CIS ... v3.0.0): 1 fail, ...`, then, when
    some are not covered, which of them no configuration can show and which a rule could
    check but none does (`  not covered, no configuration can show them: 1.5, 1.6` /
    `  not covered, no rule checks them yet: 1.13`)."""
    lines = []
    for c in report.compliance:
        lines.append(f"Compliance {c.framework} ({c.title}): {counts_text(c)} "
                     f"(of {len(c.controls)} controls){incomplete_text(c)}")
        beyond = [x.id for x in c.controls if x.status == "not-covered" and x.beyond_code]
        left = [x.id for x in c.controls if x.status == "not-covered" and not x.beyond_code]
        if beyond:
            lines.append(f"  not covered, no configuration can show them: {', '.join(beyond)}")
        if left:
            lines.append(f"  not covered, no rule checks them yet: {', '.join(left)}")
    return lines


def incomplete_text(result: ComplianceReport) -> str:
    """`; incomplete: 2 inputs could not be read (see the notices)`, or ""."""
    count = len(result.incomplete)
    if not count:
        return ""
    return (f"; incomplete: {count} input{'s' if count > 1 else ''} could not be read "
            "(see the notices)")
