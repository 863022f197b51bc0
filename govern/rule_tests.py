"""Testing rules for real: `govern rules test PATH...` and the repository's own rule tests.

For every rule found in PATH: its `examples` are scanned (the bad one must fail the rule,
the good one must not report it at all), and so is each of its fixture directories, whose
inline expectations (`govern.engine.expectations`) must hold exactly.

Fixture directories of a rule with slug SLUG, per format (`terraform`, `cloudformation`,
`arm`, `tfplan`):
- `SLUG.fixtures/<format>/` beside the rule file (a self-contained custom rule folder);
- `fixtures/rules/SLUG/<format>/` in the nearest directory above the rule file that has a
  `fixtures/rules/` directory (for `rules/` in a repository: `fixtures/rules/` beside it).

A sub-resource whose parent is declared outside the scanned code (a security group rule
on a data source's group) is judged on a stand-in for that parent: an expectation written
on the sub-resource covers the stand-in's findings.

Scans load the built-in rules plus PATH, so ids must not clash; they run only the rules
that the examples are of or the expectations name, named by their ids (so a tagging rule
runs with its own default list of required tags, which a plain scan does not use). Lives
next to `govern.scan` (it scans); the engine stays free of parsers.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from govern.config import Config
from govern.engine.expectations import FORMATS, Expectation, read_expectations
from govern.engine.rule import Rule, RuleSet
from govern.engine.rule_loader import FIXTURE_DIR_SUFFIX
from govern.errors import ConfigError, SourceError
from govern.model.finding import Finding
from govern.scan import ScanOptions, ScanResult, run_scan

EXAMPLE_FILES = {"terraform": "main.tf", "cloudformation": "template.yaml",
                 "arm": "azuredeploy.json", "tfplan": "plan.json"}


@dataclass(frozen=True)
class Failure:
    """One expectation that did not hold: `file:line: what`."""

    file: str
    line: int
    message: str

    def render(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class RuleTestResult:
    """What testing one rule found."""

    rule_id: str
    slug: str
    file: str
    examples: int  # examples scanned (a bad and a good one count as two)
    fixtures: int  # fixture directories scanned
    failures: tuple[Failure, ...]

    @property
    def passed(self) -> bool:
        return not self.failures


def display_path(path: str) -> str:
    """`path` relative to the working directory when it is inside it."""
    absolute = os.path.abspath(path)
    cwd = os.getcwd()
    if os.path.commonpath([absolute, cwd]) == cwd:
        return os.path.relpath(absolute, cwd)
    return absolute


def rules_under_test(ruleset: RuleSet, paths: Sequence[str]) -> list[Rule]:
    """The rules of `ruleset` whose files are `paths` or inside them, sorted by id."""
    roots = [os.path.realpath(p) for p in paths]
    chosen = []
    for rule in ruleset.rules:
        real = os.path.realpath(rule.meta.source_file)
        if any(real == root or os.path.commonpath([real, root]) == root for root in roots):
            chosen.append(rule)
    return chosen


def fixture_dirs(rule_file: str, slug: str) -> list[tuple[str, Path]]:
    """(format, directory) of every fixture directory of the rule, in format order."""
    here = Path(rule_file).parent
    bases = [here / f"{slug}{FIXTURE_DIR_SUFFIX}"]
    for ancestor in [here, *here.resolve().parents]:
        if (ancestor / "fixtures" / "rules").is_dir():
            bases.append(ancestor / "fixtures" / "rules" / slug)
            break
    return [(fmt, base / fmt) for base in bases for fmt in FORMATS if (base / fmt).is_dir()]


def scan_directory(directory: Path, rule_paths: Sequence[str] = (),
                   rule_ids: Iterable[str] = ()) -> ScanResult:
    """A real scan of `directory` with the built-in rules plus `rule_paths`, running the
    rules `rule_ids` (named by their ids: a tagging rule runs with its own list of required
    tags, a deprecated rule runs too); every rule when none is given."""
    return run_scan(ScanOptions(paths=(str(directory),), extra_rule_paths=tuple(rule_paths),
                                keep_graph=True,
                                config=Config(enabled_rules=frozenset(rule_ids))))


def _statuses(result: ScanResult, rule_id: str, matches: Callable[[str], bool]) -> set[str]:
    return {f.status for f in result.report.findings
            if f.rule_id == rule_id and any(matches(a) for a in _addresses(result, f))}


def _addresses(result: ScanResult, finding: Finding) -> list[str]:
    """The addresses an expectation may name for a finding: the resource's, and for a
    parent declared outside the scanned code (`Resource.external`), those of the
    sub-resources judged on it (the only ones a fixture can annotate)."""
    resource = result.graph.get(finding.resource_id)
    if resource is None or not resource.external:
        return [finding.resource_address]
    return [finding.resource_address, *resource.native]


def _scan_errors(result: ScanResult, file: str, line: int, what: str,
                 at_notice: bool = False) -> list[Failure]:
    """A failure per scan error: where the error is (`at_notice`, for fixtures) or at
    `file:line` (for examples, whose files are temporary)."""
    failures = []
    for notice in result.report.notices:
        if notice.level != "error":
            continue
        text = notice.message + (f" ({notice.hint})" if notice.hint else "")
        if at_notice and notice.file:
            failures.append(Failure(display_path(notice.file), notice.line or 0,
                                    f"{what} cannot be scanned: {text}"))
        else:
            failures.append(Failure(file, line, f"{what} cannot be scanned: {text}"))
    return failures


def check_example(rule: Rule, fmt: str, which: str, workdir: Path,
                  rule_paths: Sequence[str] = (), line: int = 0) -> list[Failure]:
    """Scan the rule's `which` (bad or good) example of format `fmt`, written into the
    empty directory `workdir`: a bad example must fail the rule, a good one must not report
    it. Failures point at the rule file (`line`: where the example is written)."""
    (workdir / EXAMPLE_FILES[fmt]).write_text(rule.examples[fmt][which], encoding="utf-8")
    result = scan_directory(workdir, rule_paths, [rule.meta.id])
    file = display_path(rule.meta.source_file)
    what = f"the {which} {fmt} example"
    errors = _scan_errors(result, file, line, what)
    if errors:
        return errors
    statuses = _statuses(result, rule.meta.id, lambda _: True)
    if which == "bad" and "fail" not in statuses:
        return [Failure(file, line, f"expected {what} to fail {rule.meta.id}, got "
                                        f"{', '.join(sorted(statuses)) or 'pass'}")]
    if which == "good" and statuses:
        return [Failure(file, line, f"expected {what} to pass {rule.meta.id}, got "
                                        f"{', '.join(sorted(statuses))}")]
    return []


_EXPECTED = {"ruleid": "fail", "ok": "pass", "unknown": "unknown"}


def check_fixture(directory: Path, fmt: str, rule_paths: Sequence[str] = (),
                  known_rules: Iterable[str] | None = None) -> list[Failure]:
    """Scan one fixture directory and compare with its inline expectations: nothing
    expected missing, nothing unexpected reported for the rules the expectations name."""
    shown = display_path(str(directory))
    try:
        expectations = _with_arm_aliases(read_expectations(directory, fmt))
    except SourceError as exc:
        return [Failure(display_path(exc.file), exc.line or 0,
                            exc.message + (f" ({exc.hint})" if exc.hint else ""))]
    if not expectations:
        return [Failure(shown, 0, "no inline expectations (annotate resources with "
                                      "ruleid: ID, ok: ID or unknown: ID)")]
    known = set(known_rules) if known_rules is not None else None
    tested = {e.rule_id for e in expectations}
    try:
        result = scan_directory(directory, rule_paths,
                                tested if known is None else tested & known)
    except ConfigError as exc:  # an expectation names no loaded rule
        return [Failure(shown, 0, str(exc))]
    failures = _scan_errors(result, shown, 0, "fixture", at_notice=True)
    for exp in expectations:
        where = display_path(exp.file)
        if known is not None and exp.rule_id not in known:
            failures.append(Failure(where, exp.line, f"unknown rule id {exp.rule_id}"))
            continue
        failures.extend(_check_expectation(exp, result, where))
    for finding in result.report.findings:
        if finding.rule_id not in tested or any(
                e.kind != "ok" and e.rule_id == finding.rule_id
                and any(e.matches(a) for a in _addresses(result, finding))
                for e in expectations):
            continue
        loc = finding.location
        failures.append(Failure(
            display_path(loc.file) if loc else shown, loc.start_line if loc else 0,
            f"expected no annotation-free finding, got {finding.status} for "
            f"{finding.rule_id} on {finding.resource_address} (annotate it or fix the rule)"))
    return failures


def _with_arm_aliases(expectations: list[Expectation]) -> list[Expectation]:
    """ARM expectations name resources by their names as written, findings by their
    evaluated names: each ARM expectation gets as `aliases` the addresses of the resources
    declared where it is written (the innermost declaration holding its line whose
    `comments` name the rule, every copy instance of it)."""
    from govern.parsers.arm import parse_arm

    files = sorted({e.file for e in expectations if e.suffix_match})
    if not files:
        return expectations
    natives = parse_arm(files).resources
    resolved = []
    for exp in expectations:
        holding = [n for n in natives if n.range.file == exp.file
                   and n.range.start_line <= exp.line <= n.range.end_line
                   and exp.rule_id in str(n.attributes.get("comments", ""))]
        if exp.suffix_match and holding:
            innermost = max(n.range.start_line for n in holding)
            exp = replace(exp, aliases=frozenset(
                n.address for n in holding if n.range.start_line == innermost))
        resolved.append(exp)
    return resolved


def _check_expectation(exp: Expectation, result: ScanResult, where: str
                       ) -> list[Failure]:
    statuses = _statuses(result, exp.rule_id, exp.matches)
    if exp.kind == "ruleid":
        holds = "fail" in statuses
    elif exp.kind == "ok":
        holds = not statuses
    else:
        holds = statuses == {"unknown"}
    if holds:
        return []
    if not any(exp.matches(address) for resource in result.graph
               for address in [resource.address, *(resource.native if resource.external
                                                   else ())]):
        got = "no resource with that address"
    else:
        got = ", ".join(sorted(statuses)) or "pass"
    return [Failure(where, exp.line, f"expected {_EXPECTED[exp.kind]} ({exp.kind}: "
                                         f"{exp.rule_id}) on {exp.address}, got {got}")]


def _example_lines(rule_file: str) -> dict[tuple[str, str], int]:
    """The line of each `examples.<format>.<bad|good>` in the rule file (0 when unknown)."""
    from govern.engine.yaml_loader import load_yaml

    try:
        with open(rule_file, encoding="utf-8") as handle:
            doc = load_yaml(handle.read(), rule_file)
    except (OSError, SourceError):
        return {}
    examples = doc.value.get("examples", {}) if isinstance(doc.value, dict) else {}
    return {(fmt, which): doc.line(("examples", fmt, which))
            for fmt, pair in examples.items() for which in pair}


def check_rule(rule: Rule, rule_paths: Sequence[str] = (),
              known_rules: Iterable[str] | None = None) -> RuleTestResult:
    """Scan the rule's examples (every format it has) and its fixture directories."""
    failures: list[Failure] = []
    lines = _example_lines(rule.meta.source_file)
    examples = 0
    for fmt in FORMATS:
        for which in ("bad", "good"):
            if fmt not in rule.examples or which not in rule.examples[fmt]:
                continue
            examples += 1
            with tempfile.TemporaryDirectory(prefix="govern-example-") as temp:
                failures += check_example(rule, fmt, which, Path(temp), rule_paths,
                                          lines.get((fmt, which), 0))
    known = list(known_rules) if known_rules is not None else None
    dirs = fixture_dirs(rule.meta.source_file, rule.meta.slug)
    for fmt, directory in dirs:
        failures += check_fixture(directory, fmt, rule_paths, known)
    return RuleTestResult(rule.meta.id, rule.meta.slug, display_path(rule.meta.source_file),
                          examples, len(dirs), tuple(failures))


def run_rule_tests(paths: Sequence[str]) -> list[RuleTestResult]:
    """Test every rule in `paths` (loaded with the built-in rules). Raises `RuleError` when
    a rule file is invalid, `UsageError` when a path does not exist."""
    from govern.engine.rule_loader import default_rules_dir, load_rules
    from govern.errors import UsageError

    for path in paths:
        if not os.path.exists(path):
            raise UsageError(f"{path}: no such rule file or directory")
    ruleset = load_rules([default_rules_dir(), *paths])
    known = ruleset.ids()
    return [check_rule(rule, paths, known) for rule in rules_under_test(ruleset, paths)]


def results_to_text(results: Sequence[RuleTestResult]) -> str:
    """`PASS ID slug (N examples, M fixture directories)` or `FAIL ...` with each failure
    indented below, then a summary line (ends with a newline)."""
    out = []
    for result in results:
        verdict = "PASS" if result.passed else "FAIL"
        out.append(f"{verdict} {result.rule_id} {result.slug} ({result.examples} examples, "
                   f"{result.fixtures} fixture directories)")
        out += [f"  {failure.render()}" for failure in result.failures]
    failed = sum(1 for r in results if not r.passed)
    noun = "rule" if len(results) == 1 else "rules"
    out.append(f"{len(results)} {noun} tested: {len(results) - failed} passed, {failed} failed")
    return "\n".join(out) + "\n"


def results_to_json(results: Sequence[RuleTestResult]) -> dict[str, Any]:
    return {
        "rules": [{"id": r.rule_id, "slug": r.slug, "file": r.file,
                   "status": "pass" if r.passed else "fail", "examples": r.examples,
                   "fixtures": r.fixtures,
                   "failures": [{"file": f.file, "line": f.line, "message": f.message}
                                for f in r.failures]} for r in results],
        "summary": {"rules": len(results), "passed": sum(1 for r in results if r.passed),
                    "failed": sum(1 for r in results if not r.passed)},
    }
