"""Running rules on a resource graph: one finding per failing (or undecidable) rule and
resource, in a deterministic order."""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

from govern.engine.conditions import Condition, EvalContext
from govern.engine.hints import suggest
from govern.engine.rule import Rule, RuleSet
from govern.engine.verdict import Verdict, dotted
from govern.errors import ConfigError
from govern.model.finding import Finding, Notice
from govern.model.graph import ResourceGraph
from govern.model.resource import Resource

_NO_PARAMETERS: Mapping[str, Mapping[str, Any]] = MappingProxyType({})


def fingerprint(rule_id: str, resource: Resource, path: str, base_dir: str | None = None
                ) -> str:
    """A finding's identity, stable when lines shift: sha256 (first 32 hex digits) of the
    rule's first id (`RuleMeta.first_id`, so that renaming a rule keeps it), source format,
    the resource's context and file (relative to `base_dir` when given, so the fingerprint
    does not depend on where govern was started), its address and the dotted canonical
    path of the offending value. Line numbers are deliberately left out."""
    file = resource.range.file if resource.range is not None else ""
    text = "\x1f".join((rule_id, resource.source_format, relative(resource.context, base_dir),
                        relative(file, base_dir), resource.address, path))
    # surrogatepass: a file name that is not UTF-8 (surrogate escapes) has a fingerprint too
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def relative(path: str, base_dir: str | None) -> str:
    """`path` relative to `base_dir` with forward slashes; unchanged without a base, for
    non-file contexts (ARNs, accounts), or when it is outside `base_dir`."""
    if not path or base_dir is None or "://" in path or path.startswith("arn:"):
        return path
    return _relative(path, base_dir, "" if os.path.isabs(path) else os.getcwd())


@functools.lru_cache(maxsize=16384)
def _relative(path: str, base_dir: str, cwd: str) -> str:
    """`relative` once per file (every finding and fingerprint asks; `cwd` is part of the
    key because a relative `path` is read from it)."""
    absolute = os.path.normpath(os.path.join(cwd, path)) if cwd else os.path.normpath(path)
    if os.path.commonpath([absolute, base_dir]) != base_dir:
        return path.replace(os.sep, "/")
    return os.path.relpath(absolute, base_dir).replace(os.sep, "/")


def bind_rule(rule: Rule, overrides: Mapping[str, Any]) -> Condition:
    """The rule's check with its parameters (defaults, then `overrides`) filled in. Raises
    ConfigError for an unknown parameter or a value of the wrong shape."""
    for name, value in overrides.items():
        if name not in rule.parameters:
            declared = ", ".join(sorted(rule.parameters)) or "none"
            raise ConfigError(f"rule {rule.meta.id} has no parameter '{name}' "
                              f"({suggest(name, rule.parameters) or f'parameters: {declared}'})")
        default = rule.parameters[name]
        if isinstance(default, list) != isinstance(value, list) or (
                isinstance(default, dict) != isinstance(value, dict)):
            shape = "a list" if isinstance(default, list) else (
                "a mapping" if isinstance(default, dict) else "a single value")
            raise ConfigError(f"parameter '{name}' of rule {rule.meta.id} must be {shape} "
                              f"(its default is {default!r})")
    try:
        return rule.check.bind({**rule.parameters, **overrides})
    except ValueError as exc:
        raise ConfigError(f"parameters of rule {rule.meta.id}: {exc}") from None


def evaluate(graph: ResourceGraph, rules: RuleSet,
             parameters: Mapping[str, Mapping[str, Any]] = _NO_PARAMETERS,
             base_dir: str | None = None) -> list[Finding]:
    """Evaluate every rule on every resource of its kinds. `parameters` overrides rule
    parameters per rule id (ids of rules not in `rules` are ignored). Returns findings for
    `fail` and `unknown` verdicts (fingerprints and contexts relative to `base_dir`, an
    absolute directory, when given), sorted by `Finding.sort_key` (then resource id)."""
    return evaluate_counted(graph, rules, parameters, base_dir)[0]


def evaluate_counted(graph: ResourceGraph, rules: RuleSet,
                     parameters: Mapping[str, Mapping[str, Any]] = _NO_PARAMETERS,
                     base_dir: str | None = None, notices: list[Notice] | None = None
                     ) -> tuple[list[Finding], dict[str, int]]:
    """`evaluate`, plus how many resources each rule was evaluated on (rule id -> count,
    every rule in `rules`, 0 when no resource of its kinds was scanned).

    A bug in a check (an exception on one resource) does not end the scan: that rule is
    `unknown` on that resource, and an error notice at the resource's line (appended to
    `notices`, when given) says so; the other rules and resources are evaluated."""
    bound = [(rule, bind_rule(rule, parameters.get(rule.meta.id, {}))) for rule in rules]
    findings, counts = evaluate_bound(graph, by_kind(bound), base_dir, notices)
    findings.sort(key=finding_order)
    return findings, {rule.meta.id: counts.get(rule.meta.id, 0) for rule in rules}


_intern = sys.intern
BoundRule = tuple[Rule, Condition]
RulesByKind = Mapping[str, Sequence[BoundRule]]


def by_kind(rules: Sequence[BoundRule]) -> dict[str, list[BoundRule]]:
    """Kind -> the rules judging resources of that kind (in the order of `rules`)."""
    table: dict[str, list[BoundRule]] = {}
    for rule, check in rules:
        for kind in dict.fromkeys(rule.meta.kinds):
            table.setdefault(kind, []).append((rule, check))
    return table


def finding_order(finding: Finding) -> tuple[tuple[str, int, str, str, str], str, str]:
    """The order of findings in a report: `Finding.sort_key`, then resource id and status
    (total: one verdict per rule and resource)."""
    return (finding.sort_key(), finding.resource_id, finding.status)


def evaluate_bound(graph: ResourceGraph, rules: RulesByKind, base_dir: str | None,
                   notices: list[Notice] | None = None
                   ) -> tuple[list[Finding], dict[str, int]]:
    """`evaluate_counted` with the rules already bound to their parameters (`by_kind`):
    the findings not sorted, and counts only for the rules evaluated at least once."""
    findings: list[Finding] = []
    evaluated: dict[str, int] = {}
    for kind in graph.kinds():
        resources = graph.of_kind(kind)
        for rule, check in rules.get(kind, ()):
            meta = rule.meta
            evaluated[meta.id] = evaluated.get(meta.id, 0) + len(resources)
            for resource in resources:
                verdict = _guarded(check, graph, resource, meta.id, notices)
                if verdict.status == "pass":
                    continue
                # interned: a large scan holds many findings with the same path and
                # message, one string each (they pickle once per batch of units)
                path = _intern(dotted(verdict.path))
                message = _intern(f"{rule.message} ({verdict.detail})") if verdict.detail \
                    else rule.message
                findings.append(Finding(
                    rule_id=meta.id, severity=meta.severity, category=meta.category,
                    status=verdict.status, message=message, resource_id=resource.id,
                    resource_kind=resource.kind, resource_address=resource.address,
                    source_format=resource.source_format,
                    location=resource.location(verdict.path),
                    fingerprint=fingerprint(meta.first_id, resource, path, base_dir), path=path,
                    equivalents=meta.equivalents,
                    context=relative(resource.context, base_dir),
                    resource_range=resource.range))
    return findings, evaluated


def _guarded(check: Any, graph: ResourceGraph, resource: Resource, rule_id: str,
             notices: list[Notice] | None) -> Verdict:
    try:
        verdict: Verdict = check.evaluate(EvalContext(graph, resource), ())
        return verdict
    except Exception as exc:  # a bug in govern, met on this resource
        from govern.error_handler import debug_enabled

        if debug_enabled():
            import traceback  # only for --debug

            traceback.print_exc(file=sys.stderr)
        what = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        if notices is not None:
            where = resource.range
            notices.append(Notice(
                "error", f"{resource.address}: internal error in govern while evaluating "
                f"{rule_id} ({what}); that rule is unknown on this resource",
                where.file if where else None, where.start_line if where else None,
                "please report it with the output of --debug", code="internal-error"))
        return Verdict("unknown", (), f"internal error in govern: {what}")
