"""One scan, end to end: discover -> parse -> adapt -> graph -> rules -> report.

This is the library entry point the CLI (and the GitHub Action, the pre-commit hook) call.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from govern import __version__
from govern.adapters.result import AdaptResult
from govern.config import Config
from govern.discover import Discovery, discover
from govern.model.finding import Notice, ScanReport, ScanStats
from govern.model.graph import ResourceGraph
from govern.parsers.classify import classify_file
from govern.parsers.native import NativeResource, ParseResult


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
    )
    from govern.engine.evaluate import evaluate_counted
    from govern.engine.rule_loader import default_rules_dir, load_rules

    started = time.perf_counter()
    config = options.config
    rule_paths = [default_rules_dir(), *config.rule_paths, *options.extra_rule_paths]
    rules = load_rules(rule_paths)
    check_rule_ids(config, rules)
    active = select_rules(config, rules)
    parameters = rule_parameters(config, active)
    check_parameters(config, active, parameters)

    found = discover(options.paths, max_file_size=config.max_file_size, exclude=config.exclude)
    notices: list[Notice] = list(found.notices)
    files: set[str] = set()
    graph = ResourceGraph()
    for parsed, adapt in _parse_all(found, options):
        notices.extend(parsed.notices)
        files.update(parsed.files)
        if parsed.resources:
            adapted = adapt(parsed.resources)
            notices.extend(adapted.notices)
            graph.merge(ResourceGraph(adapted.resources, adapted.edges))

    root = report_root(options.paths)
    findings, evaluated = evaluate_counted(graph, active, parameters, base_dir=root)
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
    )
    if options.compliance:
        from govern.compliance.assess import with_compliance

        report = with_compliance(report, options.compliance)
    return ScanResult(report=report, graph=graph)


def _parse_all(found: Discovery, options: ScanOptions
               ) -> Iterator[tuple[ParseResult, Callable[[Sequence[NativeResource]],
                                                         AdaptResult]]]:
    """Each format's parse result with the adapter for it. A parser is imported only when
    there are files for it (start-up time)."""
    by_kind: dict[str, list[str]] = defaultdict(list)
    for path in found.documents:
        kind = classify_file(path)
        if kind is not None:
            by_kind[kind].append(path)
    if found.terraform_dirs or by_kind["tfplan"]:
        from govern.adapters.terraform import adapt_terraform
        from govern.parsers.terraform.project import scan_terraform

        planned: dict[str, str] = {}
        if by_kind["tfplan"]:
            from govern.parsers.tfplan import parse_tfplan

            plans = parse_tfplan(by_kind["tfplan"])
            rejected = {n.file for n in plans.notices if n.level == "error"}
            # a root module beside a plan that could be read is scanned through the plan
            planned = {os.path.dirname(plan) or ".": plan for plan in by_kind["tfplan"]
                       if plan not in rejected}
            yield plans, adapt_terraform
        if found.terraform_dirs:
            var_files = (*options.config.var_files, *options.var_files)
            yield (scan_terraform(found.terraform_dirs, var_files, options.variables,
                                  skip_files=found.terraform_skip, planned_roots=planned),
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


def _notice_key(notice: Notice) -> tuple[int, str, int, str]:
    order = {"error": 0, "warning": 1, "note": 2}
    return (order[notice.level], notice.file or "", notice.line or 0, notice.message)

