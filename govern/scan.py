"""One scan, end to end: discover -> parse -> adapt -> graph -> rules -> report.

This is the library entry point the CLI (and the GitHub Action, the pre-commit hook) call.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from govern import __version__
from govern.config import Config
from govern.discover import Discovery, discover
from govern.model.finding import Finding, Notice, RuleMeta, ScanReport, ScanStats
from govern.model.graph import ResourceGraph
from govern.skip_paths import PathFilter
from govern.timings import Timings, phase
from govern.units.execute import choose_jobs, merged, run_all
from govern.units.plan import Plan, plan_units
from govern.units.reading import NativeHook, Reading, read_unit
from govern.units.work import ScanJob, judge, prepare, release, share_modules

if TYPE_CHECKING:
    from govern.collect.aws.options import AwsOptions
    from govern.suppress.baseline import Baseline
    from govern.suppress.model import SuppressionRule
    from govern.units.progress import ScanProgress


@dataclass(frozen=True)
class ScanOptions:
    paths: tuple[str, ...] = (".",)
    var_files: tuple[str, ...] = ()
    variables: Mapping[str, str] = field(default_factory=dict)
    config: Config = field(default_factory=Config)
    extra_rule_paths: tuple[str, ...] = ()
    cfn_parameter_files: tuple[str, ...] = ()
    arm_parameter_files: tuple[str, ...] = ()
    compliance: tuple[str, ...] = ()  # framework keys (resolved) to report on
    today: date = field(default_factory=date.today)  # when suppressions expire (tests pin it)
    waivers: str | None = None  # the waivers file (`--waivers`), over the config's
    baseline: str | None = None  # report and gate only findings not in this baseline
    # report and gate only findings (and notices) in these files (`changes.key` form)
    changed_files: frozenset[str] | None = None
    aws: AwsOptions | None = None  # read this live account too (`--aws`)
    inventory: str | None = None  # a saved inventory to evaluate too (`--inventory`)
    save_inventory: str | None = None  # write the live resources read here
    keep_graph: bool = False  # give the scanned resources too (`ScanResult.graph`)
    progress: ScanProgress | None = None  # shown while the units run (the CLI's)
    unit_timeout: float | None = None  # seconds a unit may take (`--unit-timeout`)
    timings: Timings | None = None  # `--debug`: where the time went


@dataclass
class ScanResult:
    report: ScanReport
    # every resource scanned, with `ScanOptions.keep_graph` (else empty: units send the
    # merge their findings, not their graphs)
    graph: ResourceGraph = field(default_factory=ResourceGraph)


def report_root(paths: Sequence[str]) -> str:
    """The directory reports make paths relative to: the working directory when every
    target is inside it, else the deepest directory holding all targets."""
    cwd = os.path.abspath(os.getcwd())
    targets = [os.path.abspath(p) for p in paths]
    dirs = [t if os.path.isdir(t) else os.path.dirname(t) for t in targets]
    if all(os.path.commonpath([cwd, d]) == cwd for d in dirs):
        return cwd
    return os.path.commonpath(dirs)


def run_scan(options: ScanOptions) -> ScanResult:
    """Scan `options.paths`. Raises UsageError/ConfigError/RuleError before scanning;
    problems with inputs become notices in the report."""
    from govern.config.apply import (
        check_parameters,
        check_rule_ids,
        rule_parameters,
        select_rules,
        with_current_ids,
    )
    from govern.engine.rule_loader import default_rules_dir, load_rules

    started = time.perf_counter()
    config = options.config
    timings = options.timings
    rule_paths = [default_rules_dir(), *config.rule_paths, *options.extra_rule_paths]
    with phase(timings, "rules"):
        rules = load_rules(rule_paths)
        check_rule_ids(config, rules)
        config = with_current_ids(config, rules)
        active = select_rules(config, rules)
        parameters = rule_parameters(config, active)
        check_parameters(config, active, parameters)
        waiver_rules = _waiver_rules(options, rules.known_ids())
        baseline = _baseline(options)

    with phase(timings, "discover"):
        found = discover(options.paths, max_file_size=config.max_file_size,
                         skip=PathFilter(config.exclude))
    root = report_root(options.paths)
    with phase(timings, "plan"):
        plan = plan_units(found, config.max_file_size)
        job = ScanJob(os.urandom(12).hex(), reading(found, plan, options), tuple(rule_paths),
                      config, root, options.keep_graph, os.getcwd(), __version__,
                      options.unit_timeout)
        prepared = prepare(job, active, parameters)
        share_modules(job, plan.modules)
    progress = options.progress
    if progress is not None:
        progress.start(len(plan.units))
    with phase(timings, "units"):
        try:
            if config.scheduler:
                from govern.units.on_dask import run_on_dask

                total = run_on_dask(plan.units, job, prepared, config.scheduler,
                                    progress.advance if progress else None)
            else:
                total = run_all(plan.units, job, choose_jobs(plan.units, config.jobs),
                                progress.advance if progress else None)
        finally:
            if progress is not None:
                progress.close()
    live_notices: list[Notice] = []
    with phase(timings if options.aws or options.inventory else None, "live"):
        live = _live_graph(options, live_notices)
        total.add(judge(live, job, prepared, live_notices))
    with phase(timings, "merge"):
        total = merged(total, job, prepared)
    release(job)
    notices: list[Notice] = [*found.notices, *total.notices]
    findings, evaluated, files = total.findings, total.evaluated, total.files
    changed = options.changed_files
    if changed is not None:
        from govern.suppress.changes import keep_notice

        notices = [n for n in notices if keep_notice(n, changed)]

    # inline suppressions (govern/suppress/inline.py) + waivers, applied in this order
    with phase(timings, "suppress"):
        findings, suppression_notices = _suppress(findings, files, rules.metas(),
                                                  waiver_rules, options.today, root)
    notices.extend(suppression_notices)
    # on every finding above; what is reported narrows only now (changed files, baseline)
    if changed is not None:
        from govern.suppress.changes import in_changed

        findings = [f for f in findings if in_changed(f, changed)]
    baseline_summary = None
    if baseline is not None:
        from govern.suppress.baseline import match_baseline, summary_for

        matched = match_baseline(findings, baseline)
        findings = list(matched.findings)
        baseline_summary = summary_for(matched, baseline, root, options.paths, changed)
    elapsed = time.perf_counter() - started
    report = ScanReport(
        findings=tuple(findings),
        rules=tuple(r.meta for r in active.rules),
        notices=tuple(sorted(set(notices), key=_notice_key)),
        root=root,
        stats=ScanStats(files=len(files) or found.files_seen, resources=total.resources,
                        seconds=elapsed),
        tool_version=__version__,
        evaluated=evaluated,
        baseline=baseline_summary,
    )
    if options.compliance:
        from govern.compliance.assess import with_compliance

        report = with_compliance(report, options.compliance)
    return ScanResult(report=report, graph=total.graph or ResourceGraph())


@dataclass
class BuiltGraph:
    graph: ResourceGraph
    notices: list[Notice]
    files: set[str]


def build_graph(found: Discovery, options: ScanOptions, prepare: NativeHook | None = None
                ) -> BuiltGraph:
    """Parse and adapt what `found` holds into one graph (with the discovery's and the
    parsers'/adapters' notices and the files read), unit by unit in this process.
    `prepare`, when given, sees each format's native resources before they are adapted
    and returns the list to adapt (`govern admit` adds the live resources a plan's folded
    resources name)."""
    plan = plan_units(found, options.config.max_file_size)
    settings = reading(found, plan, options)
    notices: list[Notice] = list(found.notices)
    files: set[str] = set()
    graph = ResourceGraph()
    for unit in sorted(plan.units, key=lambda u: (u.kind, u.paths)):
        read = read_unit(unit, settings, prepare, plan.modules)
        notices.extend(read.notices)
        files |= read.files
        graph.merge(read.graph)
    return BuiltGraph(graph, notices, files)


def reading(found: Discovery, plan: Plan, options: ScanOptions) -> Reading:
    """How the units of this scan read their inputs."""
    return Reading(
        var_files=(*options.config.var_files, *options.var_files),
        variables=dict(options.variables), cfn_parameter_files=options.cfn_parameter_files,
        arm_parameter_files=options.arm_parameter_files, scan_paths=tuple(options.paths),
        max_file_size=options.config.max_file_size,
        terraform_skip=frozenset(found.terraform_skip), explicit=plan.explicit)


def _live_graph(options: ScanOptions, notices: list[Notice]) -> ResourceGraph:
    """The resources of `--inventory` and `--aws` (collected, and saved when asked)."""
    live = ResourceGraph()
    if options.inventory is not None:
        from govern.model.inventory import load_inventory

        live.merge(load_inventory(options.inventory))
    if options.aws is not None:
        import dataclasses

        from govern.collect.aws import collect_aws

        aws = options.aws
        if options.config.scheduler and aws.org_role:  # the accounts are read on the cluster
            aws = dataclasses.replace(aws, scheduler=options.config.scheduler)
        from govern.collect.progress import reporting

        try:
            with reporting(options.progress):
                collected, collect_notices = collect_aws(aws)
        finally:
            if options.progress is not None:
                options.progress.close()
        notices.extend(collect_notices)
        if options.save_inventory is not None:
            from govern.errors import UsageError
            from govern.model.inventory import dump_inventory

            try:
                with open(options.save_inventory, "w", encoding="utf-8") as handle:
                    handle.write(dump_inventory(collected, {"source": "aws-live"}))
            except OSError as exc:
                raise UsageError(f"cannot write {options.save_inventory}: "
                                 f"{exc.strerror}") from exc
        live.merge(collected)
    return live


def _suppress(findings: Sequence[Finding], files: Iterable[str], rules: Sequence[RuleMeta],
              waiver_rules: Sequence[SuppressionRule], today: date, root: str
              ) -> tuple[list[Finding], list[Notice]]:
    """Findings marked by the inline suppressions in `files` and by `waiver_rules`, and the
    notices about expired, unused and invalid suppressions."""
    from govern.suppress.apply import apply_suppressions, under_current_ids
    from govern.suppress.inline import collect

    inline = collect(files, rules)
    return apply_suppressions(findings, under_current_ids([*inline.rules, *waiver_rules], rules),
                              today, root, inline.invalid)


def _waiver_rules(options: ScanOptions, rule_ids: Sequence[str]
                  ) -> list[SuppressionRule]:
    """The waivers of `--waivers`, else of the config's `waivers` key (ConfigError)."""
    path = options.waivers or options.config.waivers
    if path is None:
        return []
    from govern.suppress.waivers import check_waiver_rules, load_waivers

    waivers = list(load_waivers(path))
    check_waiver_rules(waivers, rule_ids)
    return waivers


def _baseline(options: ScanOptions) -> Baseline | None:
    """The baseline of `--baseline`, else of the config's `baseline` key (UsageError)."""
    path = options.baseline or options.config.baseline
    if path is None:
        return None
    from govern.suppress.baseline import load_baseline

    return load_baseline(path)


def _notice_key(notice: Notice) -> tuple[int, str, int, str, str, str, tuple[str, ...]]:
    """Notices in report order (total: the same bytes however the scan was split)."""
    order = {"error": 0, "warning": 1, "note": 2}
    return (order[notice.level], notice.file or "", notice.line or 0, notice.message,
            notice.code, notice.hint or "", notice.kinds)

