"""One scan, end to end: discover -> parse -> adapt -> graph -> rules -> report.

This is the library entry point the CLI (and the GitHub Action, the pre-commit hook) call.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from govern import __version__
from govern.adapters.result import AdaptResult
from govern.config import Config
from govern.discover import Discovery, discover
from govern.model.finding import Finding, Notice, RuleMeta, ScanReport, ScanStats
from govern.model.graph import ResourceGraph
from govern.parsers.classify import classify_file, template_marker
from govern.parsers.native import NativeResource, ParseResult

if TYPE_CHECKING:
    from govern.collect.aws.options import AwsOptions
    from govern.parsers.terraform.module_loader import ModuleDef
    from govern.suppress.baseline import Baseline
    from govern.suppress.model import SuppressionRule


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


@dataclass
class ScanResult:
    report: ScanReport
    graph: ResourceGraph


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
    from govern.engine.evaluate import evaluate_counted
    from govern.engine.rule_loader import default_rules_dir, load_rules

    started = time.perf_counter()
    config = options.config
    rule_paths = [default_rules_dir(), *config.rule_paths, *options.extra_rule_paths]
    rules = load_rules(rule_paths)
    check_rule_ids(config, rules)
    config = with_current_ids(config, rules)
    active = select_rules(config, rules)
    parameters = rule_parameters(config, active)
    check_parameters(config, active, parameters)
    waiver_rules = _waiver_rules(options, rules.known_ids())
    baseline = _baseline(options)

    found = discover(options.paths, max_file_size=config.max_file_size, exclude=config.exclude)
    built = build_graph(found, options)
    notices: list[Notice] = list(built.notices)
    files = built.files
    graph = built.graph
    graph.merge(_live_graph(options, notices))
    changed = options.changed_files
    if changed is not None:
        from govern.suppress.changes import keep_notice

        notices = [n for n in notices if keep_notice(n, changed)]

    root = report_root(options.paths)
    findings, evaluated = evaluate_counted(graph, active, parameters, base_dir=root,
                                           notices=notices)
    # inline suppressions (govern/suppress/inline.py) + waivers, applied in this order
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
        stats=ScanStats(files=len(files) or found.files_seen, resources=len(graph),
                        seconds=elapsed),
        tool_version=__version__,
        evaluated=evaluated,
        baseline=baseline_summary,
    )
    if options.compliance:
        from govern.compliance.assess import with_compliance

        report = with_compliance(report, options.compliance)
    return ScanResult(report=report, graph=graph)


@dataclass
class BuiltGraph:
    graph: ResourceGraph
    notices: list[Notice]
    files: set[str]


NativeHook = Callable[[list[NativeResource]], list[NativeResource]]


def build_graph(found: Discovery, options: ScanOptions, prepare: NativeHook | None = None
                ) -> BuiltGraph:
    """Parse and adapt what `found` holds into one graph (with the discovery's and the
    parsers'/adapters' notices and the files read). `prepare`, when given, sees each
    format's native resources before they are adapted and returns the list to adapt
    (`govern admit` adds the live resources a plan's folded resources name)."""
    notices: list[Notice] = list(found.notices)
    files: set[str] = set()
    graph = ResourceGraph()
    for parsed, adapt in _parse_all(found, options):
        notices.extend(parsed.notices)
        files.update(parsed.files)
        natives = parsed.resources if prepare is None else prepare(list(parsed.resources))
        if natives:
            adapted = adapt(natives)
            notices.extend(adapted.notices)
            graph.merge(ResourceGraph(adapted.resources, adapted.edges))
    return BuiltGraph(graph, notices, files)


def _live_graph(options: ScanOptions, notices: list[Notice]) -> ResourceGraph:
    """The resources of `--inventory` and `--aws` (collected, and saved when asked)."""
    live = ResourceGraph()
    if options.inventory is not None:
        from govern.model.inventory import load_inventory

        live.merge(load_inventory(options.inventory))
    if options.aws is not None:
        from govern.collect.aws import collect_aws

        collected, collect_notices = collect_aws(options.aws)
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


def _unrecognised(path: str, explicit: bool) -> Notice | None:
    """What to say about a document no parser takes (fail closed): an error when its bytes
    name a template's or a plan's kind outright (it is one, damaged or behind something
    govern does not read), a note when it was named on the command line, else nothing.
    Resource type strings alone (`Type: AWS::...`, `Microsoft.*` types) say nothing: Azure
    Policy files, Serverless Framework files and CloudFormation macro payloads hold them
    too, and a warning on each of them would drown the report."""
    try:
        with open(path, "rb") as fh:
            strong = template_marker(fh.read()) == "strong"
    except OSError as exc:
        return Notice("error", f"cannot read: {exc.strerror or exc}", path, None,
                      "check its permissions", code="unreadable")
    if strong:
        return Notice(
            "error", "holds a CloudFormation or ARM template's or a Terraform plan's "
            "markers but is none govern can read (text before the document, a damaged key "
            "or encoding); not scanned", path, None,
            "fix the file so that it is one, or exclude it (exclude: in .govern.yaml)",
            code="unrecognised-template")
    if explicit:
        return Notice(
            "note", "not a CloudFormation or ARM template nor a Terraform plan; skipped",
            path, None, "govern reads .tf files per directory and classifies other files "
            "by content", code="skipped-unsupported")
    return None


def _parse_all(found: Discovery, options: ScanOptions
               ) -> Iterator[tuple[ParseResult, Callable[[Sequence[NativeResource]],
                                                         AdaptResult]]]:
    """Each format's parse result with the adapter for it. A parser is imported only when
    there are files for it (start-up time)."""
    by_kind: dict[str, list[str]] = defaultdict(list)
    unrecognised: list[Notice] = []
    for path in found.documents:
        kind = classify_file(path)
        if kind is not None:
            by_kind[kind].append(path)
            continue
        notice = _unrecognised(path, path in found.explicit)
        if notice is not None:
            unrecognised.append(notice)
    if unrecognised:
        yield ParseResult(notices=unrecognised), _adapt_nothing
    if found.terraform_dirs or by_kind["tfplan"]:
        from govern.adapters.terraform import adapt_terraform
        from govern.parsers.terraform.project import scan_terraform

        planned: dict[str, str] = {}
        if by_kind["tfplan"]:
            from govern.parsers.tfplan import parse_tfplan

            plans = parse_tfplan(by_kind["tfplan"])
            rejected = {n.file for n in plans.notices if n.level == "error"}
            planned, unpaired = _pair_plans(
                [p for p in by_kind["tfplan"] if p not in rejected], found)
            plans.notices.extend(unpaired)
            yield plans, adapt_terraform
        if found.terraform_dirs:
            var_files = (*options.config.var_files, *options.var_files)
            yield (scan_terraform(found.terraform_dirs, var_files, options.variables,
                                  skip_files=found.terraform_skip, planned_roots=planned,
                                  scan_paths=options.paths,
                                  max_file_size=options.config.max_file_size),
                   adapt_terraform)
    if by_kind["cloudformation"]:
        from govern.adapters.cloudformation import adapt_cloudformation
        from govern.parsers.cloudformation import parse_cloudformation

        yield (parse_cloudformation(by_kind["cloudformation"], options.cfn_parameter_files),
               adapt_cloudformation)
    if by_kind["arm"]:
        from govern.adapters.arm import adapt_arm
        from govern.parsers.arm import parse_arm

        yield parse_arm(by_kind["arm"], options.arm_parameter_files), adapt_arm


def _pair_plans(plans: Sequence[str], found: Discovery) -> tuple[dict[str, str], list[Notice]]:
    """The root module directories to scan through the plan beside them (directory ->
    plan), and a note for each plan beside Terraform files that is not a plan of them (an
    empty plan, a plan of another configuration): then both are scanned."""
    dirs = {os.path.normpath(d) for d in found.terraform_dirs}
    beside = [(os.path.normpath(os.path.dirname(p) or "."), p) for p in plans]
    beside = [(d, p) for d, p in beside if d in dirs]
    if not beside:
        return {}, []
    from govern.parsers.terraform.module_loader import load_module
    from govern.parsers.tfplan.pairing import is_plan_of

    skip = {os.path.abspath(f) for f in found.terraform_skip}
    planned: dict[str, str] = {}
    notices: list[Notice] = []
    modules: dict[str, ModuleDef] = {}
    for directory, plan in beside:
        module = modules.get(directory) or modules.setdefault(
            directory, load_module(directory, skip))
        if directory not in planned and is_plan_of(plan, module.resources, module.calls):
            planned[directory] = plan
        else:
            notices.append(Notice(
                "note", f"not a plan of the Terraform configuration beside it ({directory}): "
                "both are scanned", plan, None, "a plan replaces the evaluation of its own "
                "configuration only: its configuration.root_module must declare the same "
                "resources and module calls", code="plan-not-paired"))
    return planned, notices


def _adapt_nothing(natives: Sequence[NativeResource]) -> AdaptResult:
    return AdaptResult()


def _notice_key(notice: Notice) -> tuple[int, str, int, str]:
    order = {"error": 0, "warning": 1, "note": 2}
    return (order[notice.level], notice.file or "", notice.line or 0, notice.message)

