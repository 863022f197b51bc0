"""A scan seen through a framework: the status of every control.

For a control C of framework F, let R be the rules that ran in the scan and map to C
(their `compliance:` lists C under F's key). Then, in this order:

- `not-covered`: R is empty (no rule that ran maps to C);
- `fail`: a rule in R has a finding with status fail;
- `unknown`: else, a rule in R has a finding with status unknown;
- `not-applicable`: else, no rule in R was evaluated on any resource (nothing of their
  kinds was scanned);
- `pass`: else (the rules in R were evaluated on at least one resource, and passed on all).

A scan that could not read everything cannot vouch for what it missed: where a `pass` or
`not-applicable` could be wrong, the control is `unknown` instead. That is every such
control when the scan has an error notice (a file that could not be read: its kinds are not
known) or a live answer it could not read, and the controls of rules on the kinds a failed
live listing names otherwise (`--allow-partial`). The report lists what was missed
(`incomplete`).

Only the ScanReport is needed (findings, rule metadata, per-rule evaluation counts), so
the result can be computed by whoever holds the report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from govern.compliance.catalogues import Framework, load_framework
from govern.gate import is_scan_error
from govern.model.finding import (
    ComplianceReport,
    ControlResult,
    ControlStatus,
    Notice,
    ScanReport,
)


def assess(report: ScanReport, framework: Framework) -> ComplianceReport:
    """Every control of `framework`, in catalogue order, with its status in `report`."""
    mapped: dict[str, list[str]] = {}
    for rule in sorted(report.rules, key=lambda r: r.id):
        for control_id in rule.compliance.get(framework.key, ()):
            mapped.setdefault(control_id, []).append(rule.id)
    missed = [n for n in report.notices if _lost_input(n)]
    everything = any(not n.kinds for n in missed)
    unknown_kinds = {kind for n in missed for kind in n.kinds}
    kinds_of = {rule.id: set(rule.kinds) for rule in report.rules}
    failed = Counter(f.rule_id for f in report.findings if f.status == "fail")
    unknown = Counter(f.rule_id for f in report.findings if f.status == "unknown")
    controls = []
    for control in framework.controls:
        rules = tuple(dict.fromkeys(mapped.get(control.id, ())))
        resources = sum(report.evaluated.get(r, 0) for r in rules)
        fails = sum(failed[r] for r in rules)
        unknowns = sum(unknown[r] for r in rules)
        status = _status(rules, resources, fails, unknowns)
        if status in ("pass", "not-applicable") and (everything or any(
                kinds_of.get(r, set()) & unknown_kinds for r in rules)):
            status = "unknown"
        controls.append(ControlResult(
            id=control.id, title=control.title, status=status, rules=rules,
            resources=resources, failed=fails, unknown=unknowns,
            beyond_code=control.beyond_code if status == "not-covered" else ""))
    return ComplianceReport(framework=framework.key, name=framework.name,
                            version=framework.version, url=framework.url,
                            title=framework.title, controls=tuple(controls),
                            incomplete=tuple(n.render() for n in missed))


def _lost_input(notice: Notice) -> bool:
    """Whether `notice` says some input was not read: a scan error, or a live listing or
    answer that failed (reported as warnings under --allow-partial)."""
    return is_scan_error(notice) or notice.code in _LOST_LIVE


_LOST_LIVE = ("aws-listing-failed", "aws-malformed-answer")


def _status(rules: tuple[str, ...], resources: int, failed: int, unknown: int
            ) -> ControlStatus:
    if not rules:
        return "not-covered"
    if failed:
        return "fail"
    if unknown:
        return "unknown"
    if not resources:
        return "not-applicable"
    return "pass"


def with_compliance(report: ScanReport, keys: Iterable[str]) -> ScanReport:
    """`report` with a compliance report for each framework key (resolved keys, no
    duplicates), in the order given."""
    keys = list(dict.fromkeys(keys))
    if not keys:
        return report
    return replace(report, compliance=tuple(assess(report, load_framework(k)) for k in keys))
