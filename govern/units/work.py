"""One unit of work, end to end inside whatever process runs it: read it, judge it with
the unit rules, and return what the merge needs in a form that pickles (findings,
notices, files, counts, and the resources the scan-wide rules read)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from govern.config import Config
from govern.engine.evaluate import RulesByKind, bind_rule, by_kind, evaluate_bound
from govern.engine.rule import Rule
from govern.model.finding import Finding, Notice
from govern.model.graph import ResourceGraph
from govern.units.garbage import after_unit
from govern.units.plan import Unit
from govern.units.reading import Reading, read_unit
from govern.units.scanwide import Shared, shared_part, split_rules
from govern.units.timeout import UnitTimeout, within

if TYPE_CHECKING:
    from govern.parsers.terraform.module_loader import SharedModules


@dataclass(frozen=True)
class ScanJob:
    """What every unit of one scan shares. `key` names the scan in a process's cache of
    prepared rules (a worker serving several scans keeps them apart)."""

    key: str
    reading: Reading
    rule_paths: tuple[str, ...]
    config: Config
    base_dir: str  # reports' root: fingerprints and contexts are relative to it
    keep_graph: bool = False  # units send their resources too (`UnitResult.graph`)
    cwd: str = ""  # the working directory the paths are relative to
    version: str = ""  # govern's version (a worker of another version refuses the job)
    unit_timeout: float | None = None  # `--unit-timeout`: seconds a unit may take


@dataclass(frozen=True)
class Prepared:
    """The job's rules as a unit uses them: bound to their parameters, split."""

    local: RulesByKind
    wide: RulesByKind
    shared_kinds: frozenset[str]
    rule_ids: tuple[str, ...]  # every active rule, in order


@dataclass
class UnitResult:
    """What units give the merge (several units' results add up into one)."""

    findings: list[Finding] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    files: set[str] = field(default_factory=set)
    resources: int = 0
    evaluated: dict[str, int] = field(default_factory=dict)
    shared: list[Shared] = field(default_factory=list)
    units: int = 0
    graph: ResourceGraph | None = None  # with `ScanJob.keep_graph`
    timings: list[tuple[str, float]] = field(default_factory=list)  # unit, seconds

    def add(self, other: UnitResult) -> None:
        self.findings.extend(other.findings)
        self.notices.extend(other.notices)
        self.files |= other.files
        self.resources += other.resources
        for rule_id, count in other.evaluated.items():
            self.evaluated[rule_id] = self.evaluated.get(rule_id, 0) + count
        self.shared.extend(other.shared)
        self.units += other.units
        self.timings.extend(other.timings)
        if other.graph is not None:
            if self.graph is None:
                self.graph = ResourceGraph()
            self.graph.merge(other.graph)


_PREPARED: dict[str, Prepared] = {}
_MODULES: dict[str, SharedModules | None] = {}  # job key -> Terraform modules read here


def share_modules(job: ScanJob, modules: SharedModules | None) -> None:
    """Let the units of `job` run in this process (or forked from it) take `modules`
    (read while planning) instead of reading them again."""
    _MODULES.clear()  # one scan at a time per process
    _MODULES[job.key] = modules


def release(job: ScanJob) -> None:
    """Forget what this process kept for `job` (its rules and modules)."""
    _PREPARED.pop(job.key, None)
    _MODULES.pop(job.key, None)


def prepare(job: ScanJob, active: Iterable[Rule] | None = None,
            parameters: Mapping[str, Mapping[str, Any]] | None = None) -> Prepared:
    """The job's prepared rules, made once per process: from `active` and `parameters`
    when the caller has them (the process that planned the scan), else loaded from the
    job's rule paths and configuration as `run_scan` selects them."""
    prepared = _PREPARED.get(job.key)
    if prepared is not None:
        return prepared
    if active is None or parameters is None:
        from govern.config.apply import rule_parameters, select_rules, with_current_ids
        from govern.engine.rule_loader import load_rules

        rules = load_rules(list(job.rule_paths))
        selected = select_rules(with_current_ids(job.config, rules), rules)
        active, parameters = selected, rule_parameters(job.config, selected)
    active = tuple(active)
    local, wide, kinds = split_rules(active)
    no_overrides: dict[str, Any] = {}
    prepared = Prepared(
        by_kind([(r, bind_rule(r, parameters.get(r.meta.id, no_overrides))) for r in local]),
        by_kind([(r, bind_rule(r, parameters.get(r.meta.id, no_overrides))) for r in wide]),
        kinds, tuple(r.meta.id for r in active))
    _PREPARED.clear()  # one scan at a time per process
    _PREPARED[job.key] = prepared
    return prepared


def run_units(units: Iterable[Unit], job: ScanJob, prepared: Prepared | None = None
              ) -> UnitResult:
    """Read and judge `units` one after the other; their results added up."""
    prepared = prepared or prepare(job)
    total = UnitResult()
    for unit in units:
        started = time.perf_counter()
        total.add(run_unit(unit, job, prepared))
        total.timings.append((describe(unit), time.perf_counter() - started))
        after_unit()
    return total


def run_unit(unit: Unit, job: ScanJob, prepared: Prepared) -> UnitResult:
    """One unit's result. A bug in govern met while reading it loses that unit only: an
    error notice says so (a scan error: exit 3), never a silent pass."""
    if job.key not in _MODULES:  # a process that did not plan: each unit reads its own
        share_modules(job, None)
    modules = _MODULES[job.key]

    def work() -> UnitResult:
        read = read_unit(unit, job.reading, modules=modules)
        result = judge(read.graph, job, prepared, read.notices)
        result.files = read.files
        return result

    try:
        return within(job.unit_timeout, work)
    except UnitTimeout as exc:
        return UnitResult(notices=[Notice(
            "error", f"{describe(unit)}: {exc} (--unit-timeout); its resources were not "
            "judged", unit.paths[0], None, "give it more time with --unit-timeout, or "
            "exclude it (exclude: in .govern.yaml)", code="unit-timeout")], units=1)
    except Exception as exc:  # a bug in govern, met on this unit
        return UnitResult(notices=[unit_failed(unit, exc)], units=1)


def judge(graph: ResourceGraph, job: ScanJob, prepared: Prepared,
          notices: list[Notice] | None = None) -> UnitResult:
    """The unit rules' findings on `graph` (a unit's resources, or the live ones), with
    `notices` and what the scan-wide rules will need of it."""
    notices = [] if notices is None else notices
    findings, evaluated = evaluate_bound(graph, prepared.local, job.base_dir, notices)
    shared = shared_part(graph, prepared.shared_kinds)
    return UnitResult(findings, notices, set(), len(graph), evaluated,
                      [shared] if shared.resources else [], 1,
                      graph if job.keep_graph else None)


def unit_failed(unit: Unit, exc: BaseException, why: str = "internal error in govern"
                ) -> Notice:
    """The error notice for a unit that could not be read: it is not judged."""
    from govern.error_handler import debug_enabled

    if debug_enabled():
        import traceback  # only for --debug

        traceback.print_exception(exc, file=sys.stderr)
    what = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
    where = unit.paths[0]
    return Notice("error", f"{describe(unit)}: {why} ({what}); its resources were not "
                  "judged", where, None, "please report it with the output of --debug",
                  code="internal-error")


def describe(unit: Unit) -> str:
    if unit.kind == "terraform":
        return f"root module {unit.paths[0]}"
    return unit.paths[0] if len(unit.paths) == 1 else f"{unit.paths[0]} and " \
        f"{len(unit.paths) - 1} other files"
