"""One scan, end to end: discover -> parse -> adapt -> graph -> rules -> report.

This is the library entry point the CLI (and the GitHub Action, the pre-commit hook) call.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from govern import __version__
from govern.config import Config
from govern.discover import discover
from govern.model.finding import Notice, ScanReport, ScanStats
from govern.model.graph import ResourceGraph


@dataclass(frozen=True)
class ScanOptions:
    paths: tuple[str, ...] = (".",)
    var_files: tuple[str, ...] = ()
    variables: Mapping[str, str] = field(default_factory=dict)
    config: Config = field(default_factory=Config)
    extra_rule_paths: tuple[str, ...] = ()


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
    from govern.adapters.terraform import adapt_terraform
    from govern.engine.evaluate import evaluate
    from govern.engine.rule_loader import default_rules_dir, load_rules
    from govern.parsers.terraform.project import scan_terraform

    started = time.perf_counter()
    config = options.config
    rule_paths = [default_rules_dir(), *config.rule_paths, *options.extra_rule_paths]
    rules = load_rules(rule_paths)
    _check_rule_ids(config, {r.meta.id for r in rules.rules})
    active = rules.without(config.disabled_rules)

    found = discover(options.paths, max_file_size=config.max_file_size, exclude=config.exclude)
    notices: list[Notice] = list(found.notices)
    files = set()

    parsed = scan_terraform(found.terraform_dirs, options.var_files, options.variables,
                            skip_files=found.terraform_skip)
    notices.extend(parsed.notices)
    files.update(parsed.files)

    adapted = adapt_terraform(parsed.resources)
    notices.extend(adapted.notices)
    graph = ResourceGraph(adapted.resources, adapted.edges)

    root = report_root(options.paths)
    findings = evaluate(graph, active, config.parameters, base_dir=root)
    elapsed = time.perf_counter() - started
    report = ScanReport(
        findings=tuple(findings),
        rules=tuple(r.meta for r in active.rules),
        notices=tuple(sorted(set(notices), key=_notice_key)),
        root=root,
        stats=ScanStats(files=len(files) or found.files_seen, resources=len(graph),
                        seconds=elapsed),
        tool_version=__version__,
    )
    return ScanResult(report=report, graph=graph)


def _notice_key(notice: Notice) -> tuple[int, str, int, str]:
    order = {"error": 0, "warning": 1, "note": 2}
    return (order[notice.level], notice.file or "", notice.line or 0, notice.message)


def _check_rule_ids(config: Config, known: set[str]) -> None:
    from govern.errors import ConfigError

    named = set(config.disabled_rules) | set(config.parameters)
    missing = sorted(named - known)
    if missing:
        where = config.source or "configuration"
        raise ConfigError(f"{where}: unknown rule id {missing[0]} "
                          f"(run `govern rules list` to see the rule ids)")
