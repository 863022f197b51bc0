"""The compliance report in Markdown: per framework, a summary line and a table of every
control (id, title, status, the rules mapped to it, evaluations, failed, unknown).
Written with `--output compliance=FILE.md`, and appended to `--format markdown`.

```
## Compliance: CIS Amazon Web Services Foundations Benchmark v3.0.0

Framework `cis-aws-3.0`: 1 fail, 0 unknown, 2 pass, 1 not applicable, 55 not covered
(of 59 controls).

| Control | Title | Status | Rules | Resources | Failed | Unknown |
|---|---|---|---|---|---|---|
| 1.15 | Ensure IAM Users Receive Permissions Only Through Groups | pass | GOV-AWS-016 | 2 | 0 | 0 |
```

Status words: fail, unknown, pass, not applicable, not covered (see docs/compliance.md);
a control no configuration can show is "not covered (no configuration can show it)".
"""

from __future__ import annotations

from govern.model.finding import ComplianceReport, ScanReport
from govern.report.compliance import counts_text
from govern.report.markdown_text import md

_STATUS_TEXT = {"fail": "**fail**", "unknown": "unknown", "pass": "pass",
                "not-applicable": "not applicable", "not-covered": "not covered"}
_BEYOND_TEXT = "not covered (no configuration can show it)"


def framework_markdown(result: ComplianceReport) -> str:
    lines = [f"## Compliance: {md(result.title)}", "",
             f"Framework `{result.framework}`: {counts_text(result)} "
             f"(of {len(result.controls)} controls).", ""]
    if result.incomplete:
        lines += ["**Incomplete**: the scan could not read what follows, so no control it "
                  "may concern is shown as pass or not applicable:", ""]
        lines += [f"- {md(what)}" for what in result.incomplete]
        lines.append("")
    lines += ["| Control | Title | Status | Rules | Resources | Failed | Unknown |",
              "|---|---|---|---|---|---|---|"]
    for c in result.controls:
        rules = ", ".join(c.rules) or "-"
        status = _BEYOND_TEXT if c.beyond_code else _STATUS_TEXT[c.status]
        lines.append(f"| {md(c.id)} | {md(c.title)} | {status} | {rules} | "
                     f"{c.resources} | {c.failed} | {c.unknown} |")
    return "\n".join(lines) + "\n"


def render(report: ScanReport) -> str:
    """Every framework of the report, separated by a blank line ("" when none)."""
    return "\n".join(framework_markdown(c) for c in report.compliance)
