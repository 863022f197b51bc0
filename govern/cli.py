"""The command line: parses arguments and calls one library function per command.

Heavy imports happen inside the commands so that `govern --version` stays fast.
"""

from __future__ import annotations

import atexit
import gc
import os
import re
import shutil
import sys
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NoReturn

import click

from govern import __version__
from govern.cli_selection import RuleSelection, selection_options
from govern.error_handler import (
    EXIT_INTERRUPTED,
    EXIT_SCAN_ERROR,
    EXIT_USAGE,
    GovernGroup,
    debug_enabled,
    debug_option,
)
from govern.errors import RuleError, UsageError

if TYPE_CHECKING:
    from govern.collect.aws.options import AwsOptions
    from govern.config import Config
    from govern.engine.rule import RuleSet
    from govern.model.finding import ScanReport
    from govern.units.progress import ScanProgress

REPORT_FORMATS = ("text", "json", "sarif", "markdown", "junit", "csv", "sonarqube",
                  "github")
COMPLIANCE_OUTPUT = "compliance"  # `--output compliance=FILE.md`: the compliance report alone
FAIL_ON = ("critical", "high", "medium", "low", "none")
# `--output NAME=FILE` where NAME looks like a format name (not a path): NAME must be known
_FORMAT_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_SUFFIX = {"text": "txt", "markdown": "md", "junit": "xml", "github": "txt", "sonarqube": "json",
           "compliance": "md"}


def _die(message: str, code: int) -> NoReturn:
    click.echo(f"govern: error: {message}", err=True)
    sys.exit(code)


@click.group(cls=GovernGroup, context_settings={"help_option_names": ["-h", "--help"]})
@debug_option
@click.version_option(__version__, "--version", "-V", prog_name="govern",
                      message="%(prog)s %(version)s")
def cli() -> None:
    """govern: policy-as-code compliance gate for infrastructure as code.

    Exit codes: 0 no blocking findings, 1 blocking findings, 2 usage or configuration
    error, 3 scan error (a file that cannot be parsed or read, an invalid rule) or an
    internal error (a bug: run again with --debug and report the traceback).
    """


@cli.command()
@debug_option
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "-f", "formats", multiple=True, type=click.Choice(REPORT_FORMATS),
              help="Output format; repeat for several (default: text).")
@click.option("--output", "-o", "outputs", multiple=True, metavar="FILE|FORMAT=FILE",
              help="Write the report to FILE (one format) or FORMAT to FILE; repeatable.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Lowest severity that fails the gate (default: low, or GOVERN_FAIL_ON, "
                   "or the config's fail-on). 'none' never fails on findings; scan errors "
                   "still exit 3.")
@click.option("--fail-on-unknown", is_flag=True, default=None,
              help="Let checks that could not be decided (unknown) fail the gate too.")
@click.option("--config", "config_path", type=click.Path(), default=None,
              help="Configuration file (default: GOVERN_CONFIG, else .govern.yaml in the "
                   "scanned directory, then the working directory, else [tool.govern] in "
                   "pyproject.toml). See docs/configuration.md.")
@click.option("--var-file", "var_files", multiple=True, type=click.Path(),
              help="Terraform variables file for root modules; repeatable.")
@click.option("--var", "variables", multiple=True, metavar="NAME=VALUE",
              help="Terraform variable for root modules; repeatable.")
@click.option("--cfn-parameters", "--parameters", "cfn_parameters", multiple=True,
              type=click.Path(), help="CloudFormation parameter values file (AWS CLI JSON "
              "list, or a mapping); applies to every template scanned; repeatable.")
@click.option("--arm-parameters", "arm_parameters", multiple=True, type=click.Path(),
              help="ARM parameters file; applies to every template scanned (default: "
              "<template>.parameters.json beside each template); repeatable.")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(),
              help="Extra rule file or directory, besides the built-in rules; repeatable.")
@selection_options
@click.option("--compact", is_flag=True, default=False,
              help="Text: one line per finding, grouped by file (default: a block per "
                   "finding with its path:line, the offending lines and the rule's "
                   "documentation).")
@click.option("--color/--no-color", default=None,
              help="Colour the text report (default: only on a terminal, never with NO_COLOR).")
@click.option("--compliance", "frameworks", multiple=True, metavar="FRAMEWORK",
              help="Report every control of FRAMEWORK as fail, unknown, pass, not-applicable "
                   "or not-covered (cis-aws-3.0, cis-azure-2.1, cis-gcp-2.0, nist-800-53-r5, "
                   "pci-dss-4.0, or cis-aws, cis-azure, cis-gcp, nist, pci); repeatable. In "
                   "JSON and Markdown output; --output compliance=FILE.md writes it alone. "
                   "Does not change the exit code.")
@click.option("--sarif-category", default=None, metavar="ID",
              help="SARIF only: write ID as runs[0].automationDetails.id (with a trailing "
                   "'/', e.g. govern/terraform/), the category GitHub code scanning uses to "
                   "tell analyses of the same commit apart. Default: none.")
@click.option("--waivers", "waivers", type=click.Path(), default=None, metavar="FILE",
              help="Waivers file: accepted risks by rule and resource or file glob, each "
                   "with a reason, an owner and an expiry date (default: the config's "
                   "waivers, or GOVERN_WAIVERS). See docs/baseline.md.")
@click.option("--baseline", "baseline", type=click.Path(), default=None, metavar="FILE",
              help="Report and gate only findings not in FILE (written by `govern baseline "
                   "create`; default: the config's baseline); entries no longer found are "
                   "reported as fixed.")
@click.option("--changed-only", is_flag=True, default=False,
              help="The file PATHS are the changed files: scan their directories, report "
                   "and gate only findings in those files (as pre-commit passes them).")
@click.option("--diff-base", default=None, metavar="REF",
              help="Report and gate only findings in files changed since REF (git diff "
                   "REF...HEAD, plus uncommitted and untracked files).")
@click.option("--aws", "aws", is_flag=True, default=False,
              help="Read the live AWS account too (needs govern-iac[aws]; docs/live-aws.md).")
@click.option("--profile", "aws_profile", default=None, metavar="NAME",
              help="With --aws: the AWS profile.")
@click.option("--region", "aws_regions", multiple=True, metavar="REGION|all",
              help="With --aws: a region to read (repeatable), or `all`; default: the "
                   "profile's region.")
@click.option("--role-arn", "aws_role_arn", default=None, metavar="ARN",
              help="With --aws: assume this role to read the account.")
@click.option("--endpoint-url", "aws_endpoint_url", default=None, metavar="URL",
              help="With --aws: the AWS API endpoint (an emulator such as moto).")
@click.option("--org", "aws_org_role", default=None, metavar="ROLE_NAME",
              help="With --aws: read every ACTIVE account of the AWS Organization through "
                   "arn:aws:iam::<account>:role/ROLE_NAME.")
@click.option("--org-concurrency", "aws_org_concurrency", default=None,
              type=click.IntRange(min=1), metavar="N",
              help="With --org: accounts read at the same time (default 4).")
@click.option("--allow-partial", "aws_allow_partial", is_flag=True, default=False,
              help="With --aws: AWS listings that failed are warnings, not a scan error "
                   "(exit 3); their resources stay unknown.")
@click.option("--aws-timeout", "aws_timeout", default=None, metavar="SECONDS",
              type=click.FloatRange(min=0, min_open=True),
              help="With --aws: seconds the live scan may take (default 1800); what is "
                   "not read by then is unknown (exit 3 unless --allow-partial).")
@click.option("--save-inventory", "save_inventory", type=click.Path(), default=None,
              metavar="FILE", help="With --aws: write the resources read to FILE.")
@click.option("--inventory", "inventory", type=click.Path(), default=None, metavar="FILE",
              help="Evaluate the rules against a saved inventory (no AWS calls).")
@click.option("--jobs", "-j", "jobs", default=None, type=click.IntRange(min=0), metavar="N",
              help="Processes reading the files: N, or 0 for every core (default: every "
                   "core when the scan is large enough to gain, else one; GOVERN_JOBS, "
                   "or the config's jobs). The report is the same however many.")
@click.option("--scheduler", "scheduler", default=None, metavar="ADDRESS",
              help="Run the scan on the Dask cluster of this scheduler (tcp://HOST:8786; "
                   "needs govern-iac[dask]; GOVERN_SCHEDULER, or the config's scheduler). "
                   "The workers read the files at the same paths. See docs/scale.md.")
@click.option("--targets", "targets_file", default=None, type=click.Path(), metavar="FILE",
              help="Scan the paths listed in FILE too, one per line (# comments and blank "
                   "lines ignored): many repositories in one run.")
@click.option("--unit-timeout", "unit_timeout", default=None, metavar="SECONDS",
              type=click.FloatRange(min=0, min_open=True),
              help="Stop a unit of work (a root module, a group of templates) that runs "
                   "longer: reported as a scan error (exit 3), the rest goes on.")
@click.option("--quiet", "-q", is_flag=True, default=False,
              help="No progress bar (it shows on a terminal once a scan has run a second).")
@click.option("--verbose", "-v", is_flag=True, default=False,
              help="A line on stderr per unit of work (a root module, a group of "
                   "templates) with the time it took.")
def scan(paths: tuple[str, ...], formats: tuple[str, ...], outputs: tuple[str, ...],
         fail_on: str | None, fail_on_unknown: bool | None, config_path: str | None,
         var_files: tuple[str, ...], variables: tuple[str, ...], cfn_parameters: tuple[str, ...],
         arm_parameters: tuple[str, ...], rule_paths: tuple[str, ...],
         color: bool | None, frameworks: tuple[str, ...], sarif_category: str | None,
         waivers: str | None, baseline: str | None, changed_only: bool,
         diff_base: str | None, aws: bool, aws_profile: str | None,
         aws_regions: tuple[str, ...], aws_role_arn: str | None,
         aws_endpoint_url: str | None, aws_org_role: str | None,
         aws_org_concurrency: int | None, save_inventory: str | None,
         inventory: str | None, aws_allow_partial: bool = False,
         aws_timeout: float | None = None, jobs: int | None = None,
         scheduler: str | None = None, targets_file: str | None = None,
         quiet: bool = False, verbose: bool = False,
         unit_timeout: float | None = None, check: tuple[str, ...] = (),
         skip_check: tuple[str, ...] = (), skip_path: tuple[str, ...] = (),
         compact: bool = False) -> None:
    """Scan PATHS (files or directories; default: the working directory, unless --aws or
    --inventory is given)."""
    live = _live_options(aws, aws_profile, aws_regions, aws_role_arn, aws_endpoint_url,
                         save_inventory, inventory, aws_org_role, aws_org_concurrency,
                         aws_allow_partial, aws_timeout)
    selection = _Selection(waivers, baseline, changed_only, diff_base, live, jobs, scheduler,
                           quiet, verbose, unit_timeout,
                           RuleSelection.given(check, skip_check, skip_path), compact)
    if targets_file is not None:
        paths = (*paths, *_read_targets(targets_file))
    default_paths: tuple[str, ...] = () if live.wanted else (".",)
    code = _scan(paths or default_paths, formats, outputs, fail_on, fail_on_unknown,
                 config_path, var_files, variables, cfn_parameters, arm_parameters,
                 rule_paths, color, frameworks, sarif_category, selection)
    sys.exit(code)


def _scan(paths: tuple[str, ...], formats: tuple[str, ...], outputs: tuple[str, ...],
          fail_on: str | None, fail_on_unknown: bool | None, config_path: str | None,
          var_files: tuple[str, ...], variables: tuple[str, ...],
          cfn_parameters: tuple[str, ...], arm_parameters: tuple[str, ...],
          rule_paths: tuple[str, ...], color: bool | None,
          frameworks: tuple[str, ...] = (), sarif_category: str | None = None,
          selection: _Selection | None = None) -> int:
    from govern.config import resolve_config
    from govern.gate import exit_code
    from govern.scan import ScanOptions, run_scan
    from govern.timings import Timings, phase

    compliance: tuple[str, ...] = ()
    if frameworks:  # the catalogues are imported only when asked for (start-up time)
        from govern.compliance.catalogues import resolve

        compliance = tuple(dict.fromkeys(resolve(name) for name in frameworks))
    if sarif_category is not None and not sarif_category.strip(" /"):
        raise UsageError("--sarif-category needs a non-empty ID, e.g. govern/terraform")
    targets = _plan_outputs(formats or ("text",), outputs)
    if not compliance and any(fmt == COMPLIANCE_OUTPUT for fmt, _ in targets):
        raise UsageError("--output compliance=FILE needs --compliance FRAMEWORK")
    for option, given in (("--var-file", var_files), ("--cfn-parameters", cfn_parameters),
                          ("--arm-parameters", arm_parameters)):
        for path in given:
            if not os.path.isfile(path):
                raise UsageError(f"{option} {path}: file not found")
    parsed_vars = _parse_vars(variables)
    chosen = selection or _Selection()
    timings = Timings() if debug_enabled() else None
    paths, changed = _changed_files(paths, chosen)
    config = resolve_config(paths or (".",), chosen.rules.settings(
        config=config_path, fail_on=fail_on, fail_on_unknown=fail_on_unknown,
        rule_paths=rule_paths, var_files=var_files, jobs=chosen.jobs,
        scheduler=chosen.scheduler))
    result = run_scan(ScanOptions(paths=paths, variables=parsed_vars, config=config,
                                  cfn_parameter_files=cfn_parameters,
                                  arm_parameter_files=arm_parameters,
                                  compliance=compliance, waivers=chosen.waivers,
                                  baseline=chosen.baseline, changed_files=changed,
                                  aws=chosen.live.aws, inventory=chosen.live.inventory,
                                  save_inventory=chosen.live.save_inventory,
                                  progress=_progress(chosen),
                                  unit_timeout=chosen.unit_timeout, timings=timings))
    use_color = _use_color(color)
    with phase(timings, "report"):
        _write_reports(targets, result.report, chosen, config, use_color, sarif_category)
    if timings is not None:
        click.echo(f"govern: {timings.line()}", err=True)
    return exit_code(result.report, config.fail_on, config.fail_on_unknown)


def _write_reports(targets: list[tuple[str, str | None]], report: ScanReport,
                   chosen: _Selection, config: Config, use_color: bool,
                   sarif_category: str | None) -> None:
    """Each report format to its destination (stdout when None)."""
    from govern.report import RenderOptions, chunks

    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    for fmt, destination in targets:
        screen = destination is None
        options = RenderOptions(compact=chosen.compact, width=width if screen else None,
                                links=use_color and screen, fail_on=config.fail_on,
                                fail_on_unknown=config.fail_on_unknown)
        pieces = chunks(fmt, report, color=use_color and screen,
                        sarif_category=sarif_category, options=options)
        if destination is None:
            for piece in pieces:
                click.echo(piece, nl=False)
        else:
            try:
                with open(destination, "w", encoding="utf-8") as fh:
                    fh.writelines(pieces)
            except OSError as exc:
                raise UsageError(f"cannot write {destination}: {exc.strerror}") from exc


def _progress(chosen: _Selection) -> ScanProgress | None:
    from govern.units.progress import ScanProgress

    return ScanProgress.for_terminal(chosen.quiet, chosen.verbose)


def _read_targets(path: str) -> tuple[str, ...]:
    """The paths listed in the `--targets` file (UsageError when it cannot be read or a
    path it lists does not exist)."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--targets {path}: cannot read it "
                         f"({getattr(exc, 'strerror', None) or exc})") from exc
    listed = [line.strip() for line in lines]
    found = tuple(p for p in listed if p and not p.startswith("#"))
    for number, target in enumerate(listed, 1):
        if target and not target.startswith("#") and not os.path.exists(target):
            raise UsageError(f"--targets {path}:{number}: no such file or directory: "
                             f"{target}")
    if not found:
        raise UsageError(f"--targets {path}: lists no path (one path per line)")
    return found


@dataclass(frozen=True)
class _Selection:
    """`govern scan` options that choose which findings are reported and gated."""

    waivers: str | None = None
    baseline: str | None = None
    changed_only: bool = False
    diff_base: str | None = None
    live: _Live = field(default_factory=lambda: _Live())
    jobs: int | None = None  # `--jobs` (how the scan runs, not what it reports)
    scheduler: str | None = None  # `--scheduler`
    quiet: bool = False  # `--quiet`: no progress bar
    verbose: bool = False  # `--verbose`: a line per unit
    unit_timeout: float | None = None  # `--unit-timeout`
    rules: RuleSelection = field(default_factory=lambda: RuleSelection())
    compact: bool = False  # `--compact`: text, a line per finding




@dataclass(frozen=True)
class _Live:
    """`govern scan --aws ...` / `--inventory FILE`: live resources to evaluate too."""

    aws: AwsOptions | None = None
    inventory: str | None = None
    save_inventory: str | None = None

    @property
    def wanted(self) -> bool:
        return self.aws is not None or self.inventory is not None


def _live_options(aws: bool, profile: str | None, regions: tuple[str, ...],
                  role_arn: str | None, endpoint_url: str | None,
                  save_inventory: str | None, inventory: str | None,
                  org_role: str | None = None, org_concurrency: int | None = None,
                  allow_partial: bool = False, timeout: float | None = None) -> _Live:
    """The live options, checked (UsageError): the AWS ones need --aws."""
    if not aws:
        for option, given in (("--profile", profile), ("--region", regions),
                              ("--role-arn", role_arn), ("--endpoint-url", endpoint_url),
                              ("--save-inventory", save_inventory), ("--org", org_role),
                              ("--org-concurrency", org_concurrency),
                              ("--allow-partial", allow_partial), ("--aws-timeout", timeout)):
            if given:
                raise UsageError(f"{option} needs --aws")
        return _Live(inventory=inventory)
    if "all" in regions and len(regions) > 1:
        raise UsageError("--region all reads every region: give it alone")
    if org_concurrency is not None and not org_role:
        raise UsageError("--org-concurrency needs --org")
    if org_role and role_arn:
        raise UsageError("--org assumes a role in each account: give --org or --role-arn, "
                         "not both")
    try:
        import boto3  # noqa: F401  (--aws reads the account with it: check before scanning)
    except ImportError:
        raise UsageError("--aws reads live accounts with boto3, which is not installed: "
                         "pip install 'govern-iac[aws]'") from None
    from govern.collect.aws.options import DEFAULT_TIMEOUT, AwsOptions

    return _Live(AwsOptions(profile=profile, regions=regions, role_arn=role_arn,
                            endpoint_url=endpoint_url, org_role=org_role,
                            org_concurrency=org_concurrency or 4,
                            allow_partial=allow_partial,
                            timeout=timeout or DEFAULT_TIMEOUT),
                 inventory, save_inventory)


def _changed_files(paths: tuple[str, ...], selection: _Selection
                   ) -> tuple[tuple[str, ...], frozenset[str] | None]:
    """The paths to scan and the changed files (None: report everything)."""
    changed: frozenset[str] | None = None
    if selection.changed_only:
        from govern.suppress.changes import split_paths

        paths, changed = split_paths(paths)
        if not changed and selection.diff_base is None:
            raise UsageError("--changed-only needs the changed files as PATH arguments "
                             "(or --diff-base REF)")
        paths = paths or (".",)
    if selection.diff_base is not None:
        from govern.suppress.changes import git_changed_files

        if not selection.diff_base.strip():
            raise UsageError("--diff-base needs a git revision, e.g. origin/main")
        changed = (changed or frozenset()) | git_changed_files(selection.diff_base, paths[0])
    return paths, changed


def _plan_outputs(formats: tuple[str, ...], outputs: tuple[str, ...]
                  ) -> list[tuple[str, str | None]]:
    """Pair each format with a file (or None for standard output)."""
    files: dict[str, str] = {}
    plain: list[str] = []
    known = (*REPORT_FORMATS, COMPLIANCE_OUTPUT)
    for item in outputs:
        fmt, sep, path = item.partition("=")
        if sep and fmt in known:
            if not path:
                raise UsageError(f"--output {item}: no file after '='; e.g. "
                                 f"--output {fmt}=govern.{_SUFFIX.get(fmt, fmt)}")
            files[fmt] = path
        elif sep and _FORMAT_NAME.fullmatch(fmt):
            import difflib

            close = difflib.get_close_matches(fmt.lower(), known, n=1)
            hint = f"did you mean {close[0]}={path}? " if close else ""
            raise UsageError(f"--output {item}: unknown format '{fmt}' ({hint}formats: "
                             f"{', '.join(known)}; to write a file whose name holds '=', "
                             f"give it as ./{item})")
        else:
            plain.append(item)
    wanted = list(dict.fromkeys([*formats, *files]))
    if plain:
        if len(plain) > 1 or len(wanted) - len(files) != 1:
            raise UsageError("--output FILE needs exactly one --format without a file; use "
                             "--output FORMAT=FILE for several formats")
        (fmt,) = [f for f in wanted if f not in files]
        files[fmt] = plain[0]
    to_stdout = [f for f in wanted if f not in files]
    if len(to_stdout) > 1:
        raise UsageError(f"only one format can go to standard output; give the others a "
                         f"file with --output FORMAT=FILE (got {', '.join(to_stdout)})")
    return [(f, files.get(f)) for f in wanted]


def _parse_vars(items: tuple[str, ...]) -> dict[str, str]:
    parsed: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--var {item!r}: expected NAME=VALUE")
        parsed[name.strip()] = value
    return parsed


def _use_color(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@cli.group()
def rules() -> None:
    """List, explain, validate and test the rules."""


@rules.command("list")
@debug_option
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(),
              help="Extra rule file or directory; repeatable.")
@click.option("--compliance", "framework", default=None, metavar="FRAMEWORK",
              help="Only the rules mapped to a control of FRAMEWORK (a key or an alias "
                   "such as cis-aws, nist, pci).")
def rules_list(fmt: str, rule_paths: tuple[str, ...], framework: str | None) -> None:
    """List every rule (JSON: id, title, severity, category, kinds, formats, equivalents,
    compliance)."""
    import json

    from govern.engine.catalogue import rules_to_json, rules_to_text

    ruleset = _load_rules_or_die(rule_paths)
    if framework is not None:
        from govern.compliance.catalogues import resolve
        from govern.engine.rule import RuleSet

        key = resolve(framework)
        ruleset = RuleSet(tuple(r for r in ruleset.rules if key in r.compliance))
    if fmt == "json":
        click.echo(json.dumps(rules_to_json(ruleset), indent=2))
    else:
        click.echo(rules_to_text(ruleset), nl=False)


@rules.command("show")
@debug_option
@click.argument("rule_id")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(),
              help="Extra rule file or directory; repeatable.")
def rules_show(rule_id: str, rule_paths: tuple[str, ...]) -> None:
    """Explain one rule: what it checks, why, how to fix, examples, equivalents."""
    from govern.engine.catalogue import rule_to_text

    ruleset = _load_rules_or_die(rule_paths)
    for rule in ruleset.rules:
        if rule.meta.id == rule_id.upper():
            click.echo(rule_to_text(rule), nl=False)
            return
    _die(f"no rule with id {rule_id} (run `govern rules list` to see the rule ids)",
         EXIT_USAGE)


@rules.command("validate")
@debug_option
@click.argument("paths", nargs=-1, type=click.Path())
def rules_validate(paths: tuple[str, ...]) -> None:
    """Validate the rule files in PATHS (files or directories) with every layer (YAML,
    schema, meaning, ids unique among the built-in rules and PATHS); never from the cache.

    Prints `N rules valid`, or every problem as `file:line: what is wrong (hint)`.

    Exit codes: 0 every rule is valid, 2 usage (no PATH, or a PATH that does not exist),
    3 invalid rules (as for every command: an invalid rule file is a scan error).
    """
    from govern.engine.rule_loader import default_rules_dir, load_rules
    from govern.rule_tests import rules_under_test

    _require_paths(paths)
    try:
        ruleset = load_rules([default_rules_dir(), *paths], use_cache=False)
    except RuleError as exc:
        click.echo(str(exc))
        sys.exit(EXIT_SCAN_ERROR)
    count = len(rules_under_test(ruleset, paths))
    click.echo(f"{count} rule{'' if count == 1 else 's'} valid")


@rules.command("test")
@debug_option
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text",
              help="Output format (default: text).")
def rules_test(paths: tuple[str, ...], fmt: str) -> None:
    """Test the rules in PATHS for real: scan each rule's good and bad examples (every
    format it has) and its fixture directories against their inline expectations.

    Fixtures of a rule with slug SLUG: `SLUG.fixtures/<format>/` beside the rule file, and
    `fixtures/rules/SLUG/<format>/` in the nearest directory above the rule file that has
    `fixtures/rules/` (so `govern rules test rules/` uses `fixtures/rules/`). The built-in
    rules are loaded too; only the rules the expectations name are judged.

    Exit codes: 0 every rule passes, 1 a rule fails, 2 usage (no PATH, or a PATH that does
    not exist), 3 invalid rule files.
    """
    import json

    from govern.rule_tests import results_to_json, results_to_text, run_rule_tests

    _require_paths(paths)
    try:
        results = run_rule_tests(paths)
    except RuleError as exc:
        _die(f"invalid rule files:\n{exc}", EXIT_SCAN_ERROR)
    if fmt == "json":
        click.echo(json.dumps(results_to_json(results), indent=2))
    else:
        click.echo(results_to_text(results), nl=False)
    sys.exit(0 if all(r.passed for r in results) else 1)


def _require_paths(paths: tuple[str, ...]) -> None:
    if not paths:
        _die("give at least one rule file or directory", EXIT_USAGE)
    for path in paths:
        if not os.path.exists(path):
            _die(f"{path}: no such rule file or directory", EXIT_USAGE)


def _load_rules_or_die(extra: tuple[str, ...]) -> RuleSet:
    from govern.engine.rule_loader import default_rules_dir, load_rules

    return load_rules([default_rules_dir(), *extra])  # RuleError: exit 3 (error_handler)


@cli.group("baseline")
def baseline_group() -> None:
    """Record today's findings so that scans report only new ones (docs/baseline.md)."""


@baseline_group.command("create")
@debug_option
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--output", "-o", "output", type=click.Path(), default=None, metavar="FILE",
              help="Where to write the baseline (default: the config's baseline, else "
                   ".govern-baseline.json).")
@click.option("--config", "config_path", type=click.Path(), default=None,
              help="As for `govern scan`.")
@click.option("--var-file", "var_files", multiple=True, type=click.Path(),
              help="As for `govern scan`; repeatable.")
@click.option("--var", "variables", multiple=True, metavar="NAME=VALUE",
              help="As for `govern scan`; repeatable.")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(),
              help="As for `govern scan`; repeatable.")
@click.option("--waivers", "waivers", type=click.Path(), default=None, metavar="FILE",
              help="As for `govern scan`: waived findings are not recorded.")
@selection_options
def baseline_create(paths: tuple[str, ...], output: str | None, config_path: str | None,
                    var_files: tuple[str, ...], variables: tuple[str, ...],
                    rule_paths: tuple[str, ...], waivers: str | None,
                    check: tuple[str, ...] = (), skip_check: tuple[str, ...] = (),
                    skip_path: tuple[str, ...] = ()) -> None:
    """Scan PATHS (default: the working directory) and write the fingerprints of every
    finding not suppressed (with rule id, address, file and message, sorted) to FILE.
    Run scans with `--baseline FILE` from the same directory.

    Exit codes: 0 written, 2 usage or configuration error, 3 scan error (nothing written:
    a baseline of an incomplete scan would hide findings later)."""
    from dataclasses import replace

    from govern.config import resolve_config
    from govern.gate import is_scan_error
    from govern.scan import ScanOptions, run_scan
    from govern.suppress.baseline import DEFAULT_BASELINE, entries_of, write_baseline

    targets = paths or (".",)
    for path in var_files:
        if not os.path.isfile(path):
            raise UsageError(f"--var-file {path}: file not found")
    config = resolve_config(targets, RuleSelection.given(check, skip_check, skip_path).settings(
        config=config_path, rule_paths=rule_paths, var_files=var_files))
    destination = output or config.baseline or DEFAULT_BASELINE
    result = run_scan(ScanOptions(paths=targets, variables=_parse_vars(variables),
                                  config=replace(config, baseline=None), waivers=waivers))
    errors = [n for n in result.report.notices if n.level == "error"]
    if errors:
        lines = [f"  {n.render()}" for n in errors]
        scan_errors = any(is_scan_error(n) for n in errors)
        what = "the scan is incomplete" if scan_errors else "the configuration is invalid"
        _die(f"{what}, no baseline written:\n" + "\n".join(lines),
             EXIT_SCAN_ERROR if scan_errors else EXIT_USAGE)
    entries = entries_of(result.report.findings, result.report.root)
    write_baseline(destination, entries)
    click.echo(f"{len(entries)} finding{'' if len(entries) == 1 else 's'} written to "
               f"{destination}")


@cli.group("config")
def config_group() -> None:
    """Show the effective configuration (docs/configuration.md)."""


@config_group.command("show")
@debug_option
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--config", "config_path", type=click.Path(), default=None,
              help="Configuration file (default: found as `govern scan` finds it).")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text",
              help="Output format (default: text).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="As for `govern scan`.")
@click.option("--fail-on-unknown", is_flag=True, default=None, help="As for `govern scan`.")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(),
              help="As for `govern scan`; repeatable.")
@click.option("--var-file", "var_files", multiple=True, type=click.Path(),
              help="As for `govern scan`; repeatable.")
@selection_options
def config_show(paths: tuple[str, ...], config_path: str | None, fmt: str,
                fail_on: str | None, fail_on_unknown: bool | None,
                rule_paths: tuple[str, ...], var_files: tuple[str, ...],
                check: tuple[str, ...] = (), skip_check: tuple[str, ...] = (),
                skip_path: tuple[str, ...] = ()) -> None:
    """Print every effective setting for scanning PATHS (default: the working directory)
    and where it came from: `default`, `file .govern.yaml:3`, `env GOVERN_FAIL_ON`,
    `cli --fail-on`; then every parameter of the rules with the value a scan uses and
    where it came from (`rule default`, the file). Exit 2 for an invalid configuration
    (a rule selector or id that names no rule too), 3 for an invalid rule file."""
    from govern.config import resolve_config
    from govern.config.apply import check_rule_ids
    from govern.config.show import show_json, show_text
    from govern.engine.rule_loader import default_rules_dir, load_rules

    config = resolve_config(paths or (".",), RuleSelection.given(
        check, skip_check, skip_path).settings(
        config=config_path, fail_on=fail_on, fail_on_unknown=fail_on_unknown,
        rule_paths=rule_paths, var_files=var_files))
    rules = load_rules([default_rules_dir(), *config.rule_paths])  # RuleError: exit 3
    check_rule_ids(config, rules)
    click.echo(show_json(config, rules) if fmt == "json" else show_text(config, rules),
               nl=False)


@cli.command()
@debug_option
@click.argument("change", type=click.Path())
@click.option("--inventory", type=click.Path(), default=None, metavar="FILE",
              help="A saved live inventory: judge the account as it would be after the "
                   "change.")
@click.option("--config", "config_path", type=click.Path(), default=None,
              help="Configuration file (the `admission` key says what is mandatory).")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(),
              help="Additional rule files or directories.")
@click.option("--format", "fmt", type=click.Choice(("json", "text")), default="json",
              show_default=True, help="The decision document (json) or a summary (text).")
def admit(change: str, inventory: str | None, config_path: str | None,
          rule_paths: tuple[str, ...], fmt: str) -> None:
    """Decide whether CHANGE (a Terraform plan JSON, a CloudFormation or ARM template)
    may be applied: allow or warn (exit 0), deny (exit 1), error (exit 3 when failing
    closed). See docs/admission.md."""
    from govern.admission.decide import Admitter
    from govern.admission.report import decision_text
    from govern.config import CliSettings, resolve_config

    if os.path.isdir(change):
        raise UsageError(f"{change} is a directory: govern admit judges one change, a "
                         f"Terraform plan JSON or a CloudFormation or ARM template file "
                         f"(to scan a directory, use govern scan)")
    config = resolve_config((change,), CliSettings(config_path, None, None, rule_paths))
    decision = Admitter(config).admit_file(change, inventory)
    click.echo(decision.to_json() if fmt == "json" else decision_text(decision), nl=False)
    sys.exit(decision.exit_code)


@cli.command()
@debug_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback requires a token.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", envvar="GOVERN_TOKEN", default=None, metavar="TOKEN",
              help="Bearer token callers must send (or GOVERN_TOKEN).")
@click.option("--config", "config_path", type=click.Path(), default=None,
              help="Configuration file (rules and the `admission` key), read once.")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(),
              help="Additional rule files or directories.")
def serve(host: str, port: int, token: str | None, config_path: str | None,
          rule_paths: tuple[str, ...]) -> None:
    """Serve admission decisions over HTTP: POST /v1/admit, GET /healthz
    (docs/admission.md)."""
    from govern.admission.decide import Admitter
    from govern.admission.server import make_server
    from govern.config import CliSettings, resolve_config

    config = resolve_config((".",), CliSettings(config_path, None, None, rule_paths))
    try:
        server = make_server(Admitter(config), host, port, token)
    except OSError as exc:
        _die(f"cannot listen on {host}:{port}: {exc.strerror}", EXIT_USAGE)
    bound_host, bound_port = server.server_address[:2]
    click.echo(f"govern: serving admission decisions on http://{bound_host!s}:{bound_port}",
               err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _batch_gc() -> None:
    """Garbage collection for a batch program: what importing built (modules, classes,
    tables) is never garbage, so it is frozen out of every later collection, and the
    youngest generation is collected after 20,000 allocations instead of 700 (a scan
    builds many long-lived objects and few cycles; the collector took about a tenth of a
    scan's time)."""
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
    gc.enable()  # off while govern's modules were imported (program.py)


def main() -> None:
    """The `govern` command. Every command runs inside error_handler.handled_errors; what
    happens before a command runs (parsing the command line) is handled here: click's usage
    errors exit 2, an interrupt 130, never 1."""
    _batch_gc()
    try:
        code = cli.main(prog_name="govern", standalone_mode=False)
    except click.exceptions.Abort:  # click turns Ctrl-C while parsing into Abort
        click.echo("govern: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        # every error click raises itself is about the command line: exit 2, never 1
        sys.exit(EXIT_USAGE if exc.exit_code in (1, EXIT_USAGE) else exc.exit_code)
    except KeyboardInterrupt:
        click.echo("govern: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    sys.exit(code if isinstance(code, int) else 0)


def run() -> NoReturn:
    """The `govern` program (its console script and `python -m govern`): `main()`, then
    leave without tearing the interpreter down. Freeing every module, rule and resource
    one by one took about a tenth of a small scan, for nothing: the process ends. Exit
    handlers still run and output is flushed; with another thread alive, or when flushing
    fails (a closed pipe), the process ends the usual way, as before. `main()` itself
    (called by tests and other programs) still raises SystemExit."""
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    if not isinstance(code, int) or threading.active_count() > 1:
        raise SystemExit(code)
    try:
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # Python's own exit reports it, as before
        raise SystemExit(code) from None
    os._exit(code)
