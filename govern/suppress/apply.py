"""Mark the findings accepted risks cover; report expired, unused and invalid suppressions.

Coverage (a finding must also be of one of the rule's ids, or the rule covers every rule:
`inline.ALL_RULES`):

- inline (`file` and `line` set), by `scope`:
  - "line": same file, and the finding's location contains the line (the offending line,
    or a line of the offending block) or its resource starts on it (a suppression above the
    resource covers every finding of its ids on that resource) (govern's own comments);
  - "inside": the finding's resource block has the line strictly inside it (Checkov in
    Terraform: anywhere between the block's first and last line);
  - "module-any": the finding's resource is in (an instance of) the call NAME
    (`address_pattern` `module.NAME`) made in the module holding the suppression's file,
    root or child: its address goes through `module.NAME` where the calls before it lead to
    that file's directory (`calls.CallDirs`), nested calls included (a Checkov skip inside
    a `module` block, a tfsec/Trivy ignore above one). Not when one of the calls before it
    has an instance key (count or for_each): Checkov 3.3.30 then applies the skip to the
    first instance only (and which instances the other tools mean is not known), so govern
    applies it to none and reports it (`warning`, `suppression-invalid`, once per
    suppression, naming those calls), instead of the unused note;
  - "resource": the finding's resource starts on the line (Checkov in CloudFormation/ARM);
  - "span": the finding's location (else its resource) starts between `line` and
    `end_line` (KICS `ignore-line` / `ignore-block`);
  - "block": as "span", or the finding's resource starts on `line` (tfsec and Trivy: what
    starts on the line below the comment, or on the comment's own line, and what it holds);
  - "file": the finding's location or resource is in the file (KICS file commands);
- waiver (`address_pattern` and/or `path_pattern`): fnmatch on the resource address and on
  the finding's file relative to `root` (both must match when both are given).

A suppression with `until` before `today` covers nothing and is reported (`warning`,
`suppression-expired`); one that covers no finding is reported (`note`,
`suppression-unused`; not for KICS suppressions nor ones naming every rule, which may be
meant for the other tool only). The first rule (in the given order) covering a finding is
the one recorded. Invalid inline suppressions (no reason, ...) are `warning`s
(`suppression-invalid`); a date that is not a calendar date is an `error`
(`suppression-bad-date`, a configuration error: exit 2). Notices are sorted; findings
keep their order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from fnmatch import fnmatchcase

from govern.model.finding import Finding, Notice, RuleMeta, Suppression
from govern.report.paths import relative_to_root
from govern.suppress.calls import CallDirs, call_steps
from govern.suppress.inline import ALL_RULES, InvalidSuppression
from govern.suppress.model import SuppressionRule


def _norm(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))


def covers(rule: SuppressionRule, finding: Finding, root: str,
           calls: CallDirs | None = None) -> bool:
    """Whether `rule` covers `finding` (`calls`: module directories already resolved, for
    "module-any" rules; one is made when not given)."""
    return _coverage(rule, finding, root, calls or CallDirs()) is True


def _coverage(rule: SuppressionRule, finding: Finding, root: str, calls: CallDirs
              ) -> bool | str:
    """True when `rule` covers `finding`; for a "module-any" rule that would cover it but
    for a call with count or for_each above the module holding the rule, the instance of
    that module it goes through (`module.a["x"]`)."""
    if ALL_RULES not in rule.rule_ids and finding.rule_id not in rule.rule_ids:
        return False
    if rule.file is not None and rule.line is not None:
        if rule.scope == "module-any":
            return _in_any_module_call(rule, finding, root, calls)
        return _covers_inline(rule, rule.line, finding)
    if rule.address_pattern is None and rule.path_pattern is None:
        return False
    if rule.address_pattern is not None and not fnmatchcase(finding.resource_address,
                                                           rule.address_pattern):
        return False
    if rule.path_pattern is not None:
        file = finding.location.file if finding.location else ""
        rel = relative_to_root(file, root) if file else None
        if rel is None or not fnmatchcase(rel, rule.path_pattern):
            return False
    return True


_HELD_HINT = {"checkov": "Checkov applies it to the first instance only"}


def _in_any_module_call(rule: SuppressionRule, finding: Finding, root: str,
                        calls: CallDirs) -> bool | str:
    """The finding is on a resource of (an instance of) the module call
    `rule.address_pattern` made in the module that holds `rule.file`, root or child (a
    str: it is, but through an instance of a call with count or for_each above it)."""
    name = (rule.address_pattern or "").removeprefix("module.")
    if not name or not finding.context or not rule.file:
        return False
    steps = call_steps(finding.resource_address)
    index = calls.find(os.path.join(root, finding.context), steps,
                       os.path.dirname(_norm(rule.file)), name)
    if index is None:
        return False
    if any(key for _, key in steps[:index]):
        return ".".join(f"module.{step}{key}" for step, key in steps[:index])
    return True


def _covers_inline(rule: SuppressionRule, line: int, finding: Finding) -> bool:
    target = _norm(rule.file or "")
    loc, res = finding.location, finding.resource_range
    loc = loc if loc is not None and _norm(loc.file) == target else None
    res = res if res is not None and _norm(res.file) == target else None
    if rule.scope == "file":
        return loc is not None or res is not None
    if rule.scope == "inside":
        return res is not None and res.start_line < line < res.end_line
    if rule.scope == "resource":
        return res is not None and res.start_line == line
    if rule.scope in ("block", "span"):
        where = loc if finding.location is not None else res
        end = rule.end_line if rule.end_line is not None else line
        if where is not None and line <= where.start_line <= end:
            return True
        return rule.scope == "block" and res is not None and res.start_line == line
    if loc is not None and loc.start_line <= line <= loc.end_line:
        return True
    return res is not None and res.start_line == line


def _suppression(rule: SuppressionRule) -> Suppression:
    return Suppression(kind=rule.kind, source=rule.source, justification=rule.reason,
                       location=rule.written_at,
                       until=rule.until.isoformat() if rule.until else None)


def _where(rule: SuppressionRule) -> tuple[str | None, int | None]:
    if rule.written_at is not None:
        return rule.written_at.file, rule.written_at.start_line
    return rule.file, rule.line


def _describe(rule: SuppressionRule) -> str:
    ids = ", ".join(sorted(rule.rule_ids)) if ALL_RULES not in rule.rule_ids else "every rule"
    what = f"{rule.source} suppression of {ids}"
    if rule.address_pattern or rule.path_pattern:
        what += " for " + " ".join(p for p in (rule.address_pattern, rule.path_pattern) if p)
    if rule.owner:
        what += f" (owner {rule.owner})"
    return what


def under_current_ids(rules: Iterable[SuppressionRule], metas: Iterable[RuleMeta]
                      ) -> list[SuppressionRule]:
    """`rules` with each former rule id (a rule's `aliases`) replaced by the id the rule now
    has, so that a suppression or waiver written before a rule was renamed still covers its
    findings."""
    current = {alias: meta.id for meta in metas for alias in meta.aliases}
    if not current:
        return list(rules)
    return [replace(rule, rule_ids=frozenset(current.get(i, i) for i in rule.rule_ids))
            if current.keys() & rule.rule_ids else rule for rule in rules]


def apply_suppressions(findings: Sequence[Finding], rules: Sequence[SuppressionRule],
                       today: date, root: str,
                       invalid: Iterable[InvalidSuppression] = ()
                       ) -> tuple[list[Finding], list[Notice]]:
    """`findings` with `suppression` set on those an active rule covers, and the notices
    about expired, unused and invalid suppressions."""
    notices: list[Notice] = []
    for bad in invalid:
        if bad.bad_date:  # a configuration error: exit 2 (gate.CONFIG_ERROR_CODES)
            notices.append(Notice("error", bad.message, bad.file, bad.line,
                                  "write a calendar date, YYYY-MM-DD",
                                  code="suppression-bad-date"))
            continue
        notices.append(Notice("warning", bad.message, bad.file, bad.line,
                              "it does not suppress anything", code="suppression-invalid"))
    active: list[SuppressionRule] = []
    for rule in rules:
        if rule.until is not None and rule.until < today:
            file, line = _where(rule)
            notices.append(Notice(
                "warning", f"{_describe(rule)} expired on {rule.until.isoformat()}", file, line,
                "the findings it covered are reported again; fix them or extend `until`",
                code="suppression-expired"))
        else:
            active.append(rule)
    used: set[int] = set()
    held: dict[int, set[str]] = {}  # "module-any" rules not applied under counted calls
    out: list[Finding] = []
    calls = CallDirs()
    for finding in findings:
        if finding.suppression is None:
            for index, rule in enumerate(active):
                verdict = _coverage(rule, finding, root, calls)
                if verdict is True:
                    used.add(index)
                    finding = replace(finding, suppression=_suppression(rule))
                    break
                if verdict:
                    held.setdefault(index, set()).add(str(verdict))
        out.append(finding)
    for index, paths in held.items():
        rule = active[index]
        file, line = _where(rule)
        shown = sorted(paths)
        notices.append(Notice(
            "warning", f"{_describe(rule)} is not applied under "
            f"{', '.join(shown[:3])}{', ...' if len(shown) > 3 else ''}: a module call above "
            "the module holding it has count or for_each", file, line,
            _HELD_HINT.get(rule.source, "govern cannot tell which instances it is meant "
                           "for") + "; write it in the module's resources, or a waiver "
            "for those addresses",
            code="suppression-invalid"))
    for index, rule in enumerate(active):
        if index in used or index in held or ALL_RULES in rule.rule_ids \
                or rule.source == "kics":
            continue
        file, line = _where(rule)
        notices.append(Notice("note", f"{_describe(rule)} matches no finding", file, line,
                              "remove it, or check the rule id and where it is written",
                              code="suppression-unused"))
    notices.sort(key=lambda n: (n.file or "", n.line or 0, n.code, n.message))
    return out, notices
