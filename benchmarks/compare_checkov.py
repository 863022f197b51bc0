"""Differential testing against Checkov: run govern and Checkov on the same input and compare
their verdicts rule by rule, through each rule's declared Checkov equivalents. Not a test:
it prints, per govern rule, a table row (resources both tools fail, only govern fails, only
Checkov fails, govern unknown where Checkov fails / does not fail, both pass, agreement) and
then every disagreement, so that each can be looked at (a govern bug, a Checkov bug or
difference the rule's docs state, or a matching artefact of this script).

    .venv/bin/python benchmarks/compare_checkov.py                 # fixtures and corpora
    .venv/bin/python benchmarks/compare_checkov.py --markdown      # ... and docs/benchmarks.md
    .venv/bin/python benchmarks/compare_checkov.py PATH [--framework terraform|cloudformation|
        arm|tfplan] [--rule GOV-AWS-001] [--show 5] [--checkov ../checkov-venv/bin/checkov]

Without PATH it compares on two scopes, reported separately: each rule's own fixtures
(`fixtures/rules/<slug>/`, Checkov run once over `fixtures/rules` per framework, each rule
judged on its own directory only) and every corpus under `--corpus` (default
`../shared/corpus`, Checkov run once per corpus and framework). `--cache DIR` keeps
Checkov's raw output so a second run does not wait for Checkov again.

Resources are matched by unit and address: a Terraform root module directory and address
(module path included; Checkov names a module's resource by its module path and the file
that calls the module), a plan file and address, a CloudFormation template and logical id, an
ARM template and `type/name`. ARM names differ between the tools (Checkov substitutes
variables into the expression, govern evaluates it, or keeps it as written where it cannot):
an ARM finding without an exact match is matched to the Checkov resource of the same type
whose line range holds the finding's line. Sub-resources that govern folds into their parent
(`aws_s3_bucket_public_access_block` into the bucket, security group rules into the group,
IAM policy attachments into the identity, `AWS::S3::BucketPolicy` into the bucket, ...) are
mapped to the parent their source references (or, for a parent defined elsewhere, to
govern's stand-in such as `var.group_id` or `Ref(GroupId)`); one whose parent cannot be read
stays one-sided, marked `sub-resource, parent not read`. Each disagreement carries the
Checkov checks' verdicts and notes: a format Checkov has no implementation of the check for
(read from Checkov's installed source), a file Checkov reported nothing for, a module
resource Checkov reports under one root module only, a check run that crashed. A Checkov run
that prints no report (a crash, or `--checkov-timeout`) leaves its directory and format out,
with a note.

Agreement is (both fail + both pass) / (resources compared - govern unknown): an unknown is
govern declining to decide, shown in its own columns, not counted either way. "Both pass"
counts resources Checkov evaluated and passed that govern did not report.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import re
import subprocess
import sys
import textwrap
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CHECKOV = REPO.parent / "checkov-venv" / "bin" / "checkov"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
FIXTURES = REPO / "fixtures" / "rules"
BENCHMARKS_DOC = REPO / "docs" / "benchmarks.md"
START_MARKER = "<!-- checkov-agreement:start -->"
END_MARKER = "<!-- checkov-agreement:end -->"

# govern's source format -> Checkov's framework
FRAMEWORKS = {"terraform": "terraform", "tfplan": "terraform_plan",
              "cloudformation": "cloudformation", "arm": "arm"}

# Sub-resource type -> the parent types govern folds it into. The parent is read from the
# sub-resource's source (a reference to one of these types).
SUB_RESOURCES: dict[str, tuple[str, ...]] = {
    **{f"aws_s3_bucket_{s}": ("aws_s3_bucket",) for s in (
        "acl", "logging", "ownership_controls", "policy", "public_access_block",
        "server_side_encryption_configuration", "versioning")},
    "aws_security_group_rule": ("aws_security_group", "aws_default_security_group"),
    "aws_vpc_security_group_ingress_rule": ("aws_security_group", "aws_default_security_group"),
    "aws_vpc_security_group_egress_rule": ("aws_security_group", "aws_default_security_group"),
    "aws_iam_user_policy": ("aws_iam_user",),
    "aws_iam_user_policy_attachment": ("aws_iam_user",),
    "aws_iam_role_policy": ("aws_iam_role",),
    "aws_iam_role_policy_attachment": ("aws_iam_role",),
    "aws_iam_group_policy": ("aws_iam_group",),
    "aws_iam_group_policy_attachment": ("aws_iam_group",),
    "aws_iam_policy_attachment": ("aws_iam_user", "aws_iam_role", "aws_iam_group"),
    "aws_sqs_queue_policy": ("aws_sqs_queue",),
    "aws_sns_topic_policy": ("aws_sns_topic",),
    "aws_ecr_repository_policy": ("aws_ecr_repository",),
    "azurerm_network_security_rule": ("azurerm_network_security_group",),
    "google_storage_bucket_iam_binding": ("google_storage_bucket",),
    "google_storage_bucket_iam_member": ("google_storage_bucket",),
    "AWS::S3::BucketPolicy": ("AWS::S3::Bucket",),
    "AWS::SQS::QueuePolicy": ("AWS::SQS::Queue",),
    "AWS::SNS::TopicPolicy": ("AWS::SNS::Topic",),
    "AWS::EC2::SecurityGroupIngress": ("AWS::EC2::SecurityGroup",),
    "AWS::EC2::SecurityGroupEgress": ("AWS::EC2::SecurityGroup",),
    "AWS::IAM::Policy": ("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"),
    "AWS::IAM::ManagedPolicy": ("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"),
    "AWS::IAM::RolePolicy": ("AWS::IAM::Role",),
    "AWS::IAM::UserPolicy": ("AWS::IAM::User",),
    "AWS::IAM::GroupPolicy": ("AWS::IAM::Group",),
}

Key = tuple[str, str]  # (unit, address): unit = root module dir, plan or template file


# ---------------------------------------------------------------------------------------
# Rules


@dataclass(frozen=True)
class Rule:
    id: str
    slug: str
    checkov: tuple[str, ...]
    partial: frozenset[str] = frozenset()


def load_rules(rules_dir: Path) -> list[Rule]:
    """Every rule with a Checkov equivalent, read from the rule files now (they change)."""
    rules = []
    for path in sorted(rules_dir.rglob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(doc, dict) or "id" not in doc:
            continue
        equivalents = doc.get("equivalents") or {}
        ids = tuple(equivalents.get("checkov") or ())
        if ids:
            partial = frozenset(equivalents.get("partial") or ())
            rules.append(Rule(doc["id"], doc.get("slug", path.stem), ids, partial))
    return sorted(rules, key=lambda r: r.id)


# ---------------------------------------------------------------------------------------
# Checkov's report


@dataclass(frozen=True)
class CheckovResult:
    """One check on one resource: status `fail`, `pass` or `error` (the check crashed)."""

    check_id: str
    fmt: str  # govern's format name
    file: str  # relative to the scanned directory, '/'-separated
    resource: str  # as Checkov names it
    lines: tuple[int, int] = (0, 0)
    status: str = "fail"
    caller: str | None = None  # Terraform: the file calling the module


_CRASH = re.compile(r"Failed to run check (\S+) on (.+?):(\S+)\s*$", re.MULTILINE)


def parse_checkov(stdout: str, stderr: str, fmt: str, root: str) -> list[CheckovResult]:
    """Checkov's JSON report (`-o json`, one report or a list) and the checks its log says
    crashed, with file paths made relative to `root`."""
    results: list[CheckovResult] = []
    text = stdout.strip()
    reports: Any = json.loads(text) if text.startswith(("{", "[")) else []
    for report in reports if isinstance(reports, list) else [reports]:
        if not isinstance(report, dict):
            continue
        found = report.get("results") or {}
        for status, name in (("fail", "failed_checks"), ("pass", "passed_checks")):
            for check in found.get(name, []):
                lines = check.get("file_line_range") or [0, 0]
                caller = check.get("caller_file_path")
                results.append(CheckovResult(
                    check["check_id"], fmt,
                    _relative(_checkov_file(check, root), root),
                    check["resource"], (int(lines[0]), int(lines[-1])), status,
                    _relative(caller, root) if caller else None))
    for match in _CRASH.finditer(stderr):
        results.append(CheckovResult(match.group(1), fmt, _relative(match.group(2), root),
                                     match.group(3), status="error"))
    return results


def _checkov_file(check: Mapping[str, Any], root: str) -> str:
    absolute = check.get("file_abs_path") or ""
    return str(absolute if os.path.isabs(absolute) else check["file_path"])


def _relative(path: str, root: str) -> str:
    """Checkov's `file_path` is relative to the scanned directory with a leading '/';
    `file_abs_path` is absolute when Checkov was given an absolute directory."""
    if os.path.isabs(path) and os.path.exists(path):
        path = os.path.relpath(path, root)
    return os.path.normpath(path.lstrip("/")).replace(os.sep, "/")


_ARM_CHECKOV = re.compile(r"^((?:[A-Za-z0-9]+\.)+[A-Za-z0-9]+(?:/[A-Za-z0-9]+)+)\.(.*)$",
                          re.DOTALL)
_ARM_TYPE_START = re.compile(r"(?:^|/)([A-Z][A-Za-z0-9]*\.[A-Za-z0-9.]+/[A-Za-z0-9]+/)")
_COPY_INDEX = re.compile(r"\[\d+\]$")


def checkov_address(resource: str, fmt: str) -> str:
    """Checkov's resource name as govern would write the address: CloudFormation
    `AWS::S3::Bucket.Logs` -> `Logs`; ARM `Microsoft.Web/sites.NAME` -> `Microsoft.Web/sites/NAME`;
    Terraform and plans as they are."""
    if fmt == "cloudformation":
        return resource.rsplit(".", 1)[-1]
    if fmt == "arm":
        match = _ARM_CHECKOV.match(resource)
        return f"{match.group(1)}/{match.group(2)}" if match else resource
    return resource


def checkov_type(resource: str, fmt: str) -> str:
    if fmt == "cloudformation":
        return resource.rsplit(".", 1)[0]
    if fmt == "arm":
        match = _ARM_CHECKOV.match(resource)
        return match.group(1) if match else ""
    return terraform_type(resource)


def terraform_type(address: str) -> str:
    """`module.a.aws_s3_bucket.b[0]` -> `aws_s3_bucket`."""
    parts = _terraform_parts(address)
    return parts[-2] if len(parts) >= 2 else ""


def _terraform_parts(address: str) -> list[str]:
    return re.findall(r'[^.\[]+(?:\[(?:"[^"]*"|[^\]]*)\])?', address)


def module_prefix(address: str) -> str:
    """`module.a.module.b.aws_x.y` -> `module.a.module.b.`."""
    parts = _terraform_parts(address)
    return "".join(p + "." for p in parts[:-2])


def govern_address(address: str, fmt: str) -> str:
    """ARM: the innermost `type/name` (a resource of a nested deployment is named after the
    deployment too), without a copy index."""
    if fmt != "arm":
        return address
    starts = [m.start(1) for m in _ARM_TYPE_START.finditer(address)]
    return _COPY_INDEX.sub("", address[starts[-1]:] if starts else address)


def normalise_arm_name(address: str) -> str:
    """ARM names compare without case, quotes, spaces and copy indexes."""
    return re.sub(r"[\s'\"]", "", _COPY_INDEX.sub("", address)).lower()


# ---------------------------------------------------------------------------------------
# govern's report


@dataclass(frozen=True)
class GovernFinding:
    rule_id: str
    fmt: str
    unit: str  # root module dir / plan / template, relative to the scanned directory
    address: str
    status: str  # fail | unknown
    file: str
    line: int


def parse_govern(report: Mapping[str, Any]) -> list[GovernFinding]:
    """govern's JSON report (`scan . --format json` run in the scanned directory)."""
    found = []
    for finding in report["findings"]:
        if finding.get("suppression"):
            continue
        resource = finding["resource"]
        location = finding.get("location") or {}
        fmt = resource["format"]
        found.append(GovernFinding(
            finding["rule_id"], fmt, os.path.normpath(resource.get("context") or ".")
            .replace(os.sep, "/"), govern_address(resource["address"], fmt), finding["status"],
            (location.get("file") or "").replace(os.sep, "/"), int(location.get("start_line")
                                                                   or 0)))
    return found


# ---------------------------------------------------------------------------------------
# Matching


@dataclass
class Entry:
    """One resource as both tools see it for one rule."""

    govern: str = "none"  # fail | unknown | none
    checkov: str = "none"  # fail | pass | error | none
    checks: dict[str, str] = field(default_factory=dict)  # check id -> its status
    notes: set[str] = field(default_factory=set)

    def add_checkov(self, check_id: str, status: str) -> None:
        rank = {"none": 0, "pass": 1, "error": 2, "fail": 3}
        if rank[status] > rank[self.checks.get(check_id, "none")]:
            self.checks[check_id] = status
        if rank[status] > rank[self.checkov]:
            self.checkov = status

    def add_govern(self, status: str) -> None:
        if status == "fail" or self.govern == "none":
            self.govern = status

    @property
    def category(self) -> str:
        if self.govern == "unknown":
            return "unknown_fail" if self.checkov == "fail" else "unknown_pass"
        if self.govern == "fail":
            return "both" if self.checkov == "fail" else "only_govern"
        return "only_checkov" if self.checkov == "fail" else "both_pass"


class SourceReader:
    """Reads source files (lines, plan JSON) once."""

    def __init__(self, root: str) -> None:
        self.root = root
        self._lines: dict[str, list[str]] = {}
        self._plans: dict[str, dict[str, list[str]]] = {}

    def block(self, file: str, lines: tuple[int, int]) -> str:
        if file not in self._lines:
            try:
                self._lines[file] = Path(self.root, file).read_text(
                    encoding="utf-8", errors="replace").splitlines()
            except OSError:
                self._lines[file] = []
        return "\n".join(self._lines[file][max(lines[0] - 1, 0):lines[1]])

    def cfn_type(self, file: str, logical_id: str) -> str:
        """The `Type` of a CloudFormation resource, read from the template's text."""
        self.block(file, (0, 0))
        text = "\n".join(self._lines[file])
        match = re.search(rf"""^\s*["']?{re.escape(logical_id)}["']?\s*:\s*\{{?\s*\n?\s*
                              ["']?Type["']?\s*:\s*["']?([A-Za-z0-9:]+)""", text,
                          re.MULTILINE | re.VERBOSE)
        return match.group(1) if match else ""

    def plan_references(self, file: str) -> dict[str, list[str]]:
        """A plan's configuration: resource address (module path, no instance key) -> the
        references of its expressions."""
        if file not in self._plans:
            refs: dict[str, list[str]] = {}
            try:
                plan = json.loads(Path(self.root, file).read_text(encoding="utf-8"))
                _config_refs(plan.get("configuration", {}).get("root_module", {}), "", refs)
            except (OSError, ValueError, AttributeError):
                pass
            self._plans[file] = refs
        return self._plans[file]


def _config_refs(module: Mapping[str, Any], prefix: str, refs: dict[str, list[str]]) -> None:
    for resource in module.get("resources", []):
        found: list[str] = []
        _collect_references(resource.get("expressions", {}), found)
        refs[prefix + resource.get("address", "")] = found
    for name, call in (module.get("module_calls") or {}).items():
        _config_refs(call.get("module", {}), f"{prefix}module.{name}.", refs)


def _collect_references(value: Any, found: list[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "references" and isinstance(item, list):
                found.extend(str(r) for r in item)
            else:
                _collect_references(item, found)
    elif isinstance(value, list):
        for item in value:
            _collect_references(item, found)


_CFN_REF = re.compile(r"""(?:!Ref\s+|"Ref"\s*:\s*"|\bRef:\s*|!GetAtt\s+|"Fn::GetAtt"\s*:\s*\[\s*"|
                          \bFn::GetAtt:\s*\[?\s*|!Sub\s+["']?\$\{)([A-Za-z0-9]+)""", re.VERBOSE)
_INSTANCE = re.compile(r'\[(?:"[^"]*"|\d+)\]$')


def parent_keys(result: CheckovResult, unit: str, reader: SourceReader,
                types: Mapping[Key, str],
                lines: Mapping[Key, tuple[str, tuple[int, int]]]) -> list[Key]:
    """The parents govern folds a Checkov sub-resource into, read from its source; [] when
    it is no sub-resource or its parent cannot be read. `types`: (unit, address) -> type of
    every resource Checkov reported."""
    sub_type = checkov_type(result.resource, result.fmt)
    parents = SUB_RESOURCES.get(sub_type)
    if not parents:
        return []
    address = checkov_address(result.resource, result.fmt)
    if result.fmt == "cloudformation":
        block = reader.block(result.file, result.lines)
        ids = dict.fromkeys(_CFN_REF.findall(block))
        found = [(unit, i) for i in ids
                 if (types.get((unit, i)) or reader.cfn_type(result.file, i)) in parents]
        return found or _named_parent(result, unit, parents, reader, types, lines)
    prefix = module_prefix(address)
    own_key = _INSTANCE.search(address)
    if result.fmt == "tfplan":
        config_address = _INSTANCE.sub("", address)
        text = " ".join(reader.plan_references(result.file).get(config_address, []))
    elif result.fmt == "terraform":
        text = reader.block(result.file, result.lines)
    else:
        return []
    keys = _referenced(parents, text, unit, prefix, own_key.group(0) if own_key else "",
                       types)
    return keys or _named_parent(result, unit, parents, reader, types, lines)


_NAME_KEY = re.compile(r"""["']?\b(?:name|bucket|repository|user|role|group|users|roles|groups|
                           GroupName|UserName|RoleName|BucketName|Users|Roles|Groups|Bucket)
                           ["']?\s*[:=]\s*\[?\s*["']?([A-Za-z0-9_.@+=,-]+)["']?""", re.VERBOSE)


def _named_parent(result: CheckovResult, unit: str, parents: Sequence[str],
                  reader: SourceReader, types: Mapping[Key, str],
                  lines: Mapping[Key, tuple[str, tuple[int, int]]]) -> list[Key]:
    """A sub-resource that names its parent by a literal (`user = "alice"`,
    `GroupName: legacy`): the one parent-type resource of the unit whose block has a name
    attribute with that value."""
    names = set(_NAME_KEY.findall(reader.block(result.file, result.lines)))
    if not names:
        return []
    found = [key for key, t in types.items() if key[0] == unit and t in parents and key in lines
             and names & set(_NAME_KEY.findall(reader.block(*lines[key])))]
    return found if len(found) == 1 else []


def _placeholder_parents(result: CheckovResult, unit: str, reader: SourceReader,
                         reported: Iterable[Key], types: Mapping[Key, str]) -> list[Key]:
    """govern names the parent of a rule whose group, bucket or identity is defined
    elsewhere after the reference (`var.group_id`, `data.aws_security_group.x`,
    `Ref(GroupId)`, `ImportValue(name)`, a literal name), or created by another resource
    (`GetAtt(Vpc.DefaultSecurityGroup)`): the ones the sub-resource's source mentions."""
    block = reader.block(result.file, result.lines)
    found = []
    for key in reported:
        if key[0] != unit or key in types:
            continue
        match = re.fullmatch(r"(Ref|ImportValue|GetAtt)\((.+)\)", key[1])
        tokens = [match.group(2)] if match else key[1].split("/")  # Azure: `rg/name`
        patterns = [rf"(?<![\w.-]){re.escape(t)}(?![\w-])" for t in tokens]
        if match and match.group(1) == "GetAtt":  # a parent another resource creates:
            resource, _, attribute = match.group(2).partition(".")  # Vpc.X or "Vpc", "X"
            patterns = [rf"(?<![\w-]){re.escape(resource)}[\s.\"',]+"
                        rf"{re.escape(attribute)}(?![\w-])"]
        if all(re.search(pattern, block) for pattern in patterns):
            found.append(key)
    return found


def _referenced(parents: Sequence[str], text: str, unit: str, prefix: str,
                own_key: str, known: Mapping[Key, str]) -> list[Key]:
    """Keys of the parents `text` references. A reference without an instance key (a plan's
    configuration drops `[each.key]`) takes the sub-resource's own key if such a parent
    instance exists."""
    keys: list[Key] = []
    for parent in parents:
        pattern = rf"(?<![\w.]){re.escape(parent)}\.([A-Za-z0-9_-]+)(\[[^\]]*\])?"
        for match in re.finditer(pattern, text):
            index = match.group(2) or ""
            if index and not re.fullmatch(r'\[(?:\d+|"[^"]*")\]', index):
                index = own_key  # [count.index], [each.key]
            address = f"{prefix}{parent}.{match.group(1)}"
            if not index and own_key and (unit, address + own_key) in known:
                index = own_key
            key = (unit, address + index)
            if key not in keys:
                keys.append(key)
    return keys


@dataclass
class Comparison:
    """Per rule: resource key -> Entry."""

    entries: dict[str, dict[Key, Entry]] = field(default_factory=dict)

    def entry(self, rule_id: str, key: Key) -> Entry:
        return self.entries.setdefault(rule_id, {}).setdefault(key, Entry())


def checkov_units(results: Sequence[CheckovResult]) -> dict[CheckovResult, Key]:
    """Each Checkov result's key. A Terraform module resource is keyed by the root module
    that calls it: the caller's directory, or (graph checks give no caller) the one the
    other checks of the same resource give."""
    callers: dict[tuple[str, str], set[str]] = defaultdict(set)
    outer: dict[str, set[str]] = defaultdict(set)  # `module.X.` -> roots calling it
    for r in results:
        if r.fmt == "terraform" and r.caller and r.resource.startswith("module."):
            callers[(r.file, r.resource)].add(_root_of(r.caller))
            if module_prefix(r.resource).count("module.") == 1:
                outer[module_prefix(r.resource)].add(_root_of(r.caller))
    planned = {os.path.dirname(r.file) for r in results if r.fmt == "tfplan"}
    keys: dict[CheckovResult, Key] = {}
    for r in results:
        address = checkov_address(r.resource, r.fmt)
        if r.fmt == "terraform":
            if r.resource.startswith("module."):
                prefix = module_prefix(r.resource)
                if prefix.count("module.") > 1:  # the caller is a module: find the root
                    roots = outer.get("module." + prefix.split(".")[1] + ".", set())
                else:
                    roots = ({_root_of(r.caller)} if r.caller
                             else callers.get((r.file, r.resource), set()))
                unit = sorted(roots)[0] if len(roots) == 1 else "?" + os.path.dirname(r.file)
            else:
                unit = os.path.dirname(r.file) or "."
            if unit in planned:  # govern scans this configuration through its plan
                continue
        else:
            unit = r.file
        keys[r] = (unit, address)
    return keys


def _root_of(caller: str) -> str:
    """The root module of a module resource, given the file calling its innermost module:
    exact for one level of modules; nested calls are approximated by the caller's dir."""
    return os.path.dirname(caller) or "."


def compare(rules: Sequence[Rule], govern: Sequence[GovernFinding],
            checkov: Sequence[CheckovResult], root: str,
            scope: Mapping[str, str] | None = None,
            implemented: Mapping[str, set[str]] | None = None) -> Comparison:
    """Match both tools' verdicts per rule. `scope`: rule id -> the unit prefix its
    resources must have (a rule's fixtures directory); None: every resource counts.
    `implemented`: check id -> the formats Checkov has it for (notes only)."""
    implemented = implemented or {}
    reader = SourceReader(root)
    keys = checkov_units(checkov)
    types = {key: checkov_type(r.resource, r.fmt) for r, key in keys.items()}
    lines = {key: (r.file, r.lines) for r, key in keys.items() if r.status != "error"}
    by_check: dict[str, list[CheckovResult]] = defaultdict(list)
    for r in keys:
        by_check[r.check_id].append(r)
    arm_index: dict[str, list[Key]] = defaultdict(list)
    for key, t in types.items():
        if t.startswith("Microsoft.") or t.startswith("microsoft."):
            arm_index[key[0]].append(key)
    ran = {(r.fmt, r.check_id) for r in checkov}
    units_seen = {key[0] for key in keys.values()}
    elsewhere: dict[str, set[str]] = defaultdict(set)  # module resource -> its Checkov roots
    for unit, address in keys.values():
        if address.startswith("module."):
            elsewhere[address].add(unit)
    result = Comparison()

    def in_scope(rule: Rule, unit: str) -> bool:
        prefix = (scope or {}).get(rule.id)
        return scope is None or (prefix is not None and
                                 (unit + "/").lstrip("?").startswith(prefix + "/"))

    for rule in rules:
        ours = [f for f in govern if f.rule_id == rule.id]
        reported = {(f.unit, f.address) for f in ours}
        for check_id in rule.checkov:
            for r in by_check.get(check_id, []):
                key = keys[r]
                if not in_scope(rule, key[0]):
                    continue
                parents = parent_keys(r, key[0], reader, types, lines)
                # an attachment naming several identities: the ones govern reports, if any
                parents = [p for p in parents if p in reported] or parents
                if not parents and SUB_RESOURCES.get(types.get(key, "")):
                    parents = _placeholder_parents(r, key[0], reader, reported, types)
                for target in parents or [key]:
                    entry = result.entry(rule.id, target)
                    entry.add_checkov(check_id, r.status)
                    if target != key:
                        entry.notes.add(f"Checkov: {r.resource}")
                    elif SUB_RESOURCES.get(types.get(key, "")):
                        entry.notes.add("sub-resource, parent not read")
                    if r.status == "error":
                        entry.notes.add(f"{check_id} crashed")
        entries = result.entries.setdefault(rule.id, {})
        for finding in ours:
            if not in_scope(rule, finding.unit):
                continue
            key = _match_govern(finding, entries, arm_index, lines) or (
                finding.unit, finding.address)
            entry = result.entry(rule.id, key)
            entry.add_govern(finding.status)
            absent = [i for i in rule.checkov if (finding.fmt, i) not in ran]
            missing = [i for i in rule.checkov
                       if implemented and finding.fmt not in implemented.get(i, set())]
            if entry.checks:
                pass
            elif missing:
                entry.notes.add(f"Checkov has no {finding.fmt} implementation of "
                                f"{'/'.join(missing)}")
            elif finding.address.startswith("module.") and (
                    elsewhere.get(finding.address) or elsewhere.get(key[1].removesuffix("[0]"))):
                roots = elsewhere.get(finding.address) or elsewhere[key[1].removesuffix("[0]")]
                entry.notes.add("Checkov reports this module resource once, under "
                                + ", ".join(sorted(roots)[:2]))
            elif key[0] not in units_seen:
                entry.notes.add("Checkov reported no resource of this file/module")
            elif absent:
                entry.notes.add(f"Checkov ran no {'/'.join(absent)} on {finding.fmt} here")
        if not entries:
            del result.entries[rule.id]
    return result


def _match_govern(finding: GovernFinding, entries: Mapping[Key, Entry],
                  arm_index: Mapping[str, list[Key]],
                  lines: Mapping[Key, tuple[str, tuple[int, int]]]) -> Key | None:
    """The key of the Checkov resource a govern finding is about, if any."""
    exact = (finding.unit, finding.address)
    if exact in entries or exact in lines:
        return exact
    if finding.fmt in ("terraform", "tfplan"):
        # Checkov leaves out `[0]` where it did not evaluate `count`
        bare = (finding.unit, _INSTANCE.sub("", finding.address))
        if finding.address.endswith("[0]") and (bare in entries or bare in lines):
            return bare
    if finding.fmt == "terraform":  # a module resource whose root Checkov did not give
        for key in entries:
            if key[0].startswith("?") and key[1] in (finding.address, bare[1]):
                return key
        return None
    if finding.fmt != "arm":
        return None
    wanted = normalise_arm_name(finding.address)
    candidates = arm_index.get(finding.unit, [])
    for key in candidates:
        if normalise_arm_name(key[1]) == wanted:
            return key
    best: tuple[int, Key] | None = None
    for key in candidates:
        arm_type = key[1].split("/")
        type_prefix = "/".join(arm_type[:_arm_type_length(key[1])]) + "/"
        file, (start, end) = lines.get(key, ("", (0, 0)))
        if (finding.address.lower().startswith(type_prefix.lower())
                and file == finding.file and start <= finding.line <= end
                and (best is None or end - start < best[0])):
            best = (end - start, key)
    return best[1] if best else None


def _arm_type_length(address: str) -> int:
    """Segments of the type in an ARM `type/name` address made from Checkov's `type.name`
    (the type is `Namespace/t1[/t2...]`, the name may contain '/' too): as many as the
    Checkov resource had before its name."""
    match = re.match(r"^((?:[A-Za-z0-9]+\.)+[A-Za-z0-9]+(?:/[A-Za-z0-9]+)+)/", address)
    return match.group(1).count("/") + 1 if match else 2


# ---------------------------------------------------------------------------------------
# Rows and output

CATEGORIES = ("both", "only_govern", "only_checkov", "unknown_fail", "unknown_pass",
              "both_pass")


@dataclass(frozen=True)
class Row:
    rule: Rule
    counts: Mapping[str, int]

    @property
    def decided(self) -> int:
        return sum(self.counts[c] for c in CATEGORIES if not c.startswith("unknown"))

    @property
    def agreeing(self) -> int:
        return self.counts["both"] + self.counts["both_pass"]


def percent(agreeing: int, decided: int) -> str:
    return f"{100 * agreeing / decided:.0f}%" if decided else "-"


def _ids(rule: Rule) -> str:
    return ", ".join(f"~{i}" if i in rule.partial else i for i in rule.checkov)


def table_text(found: Sequence[Row]) -> str:
    head = (f"{'rule':<14}{'both':>6}{'only gov':>9}{'only ckv':>9}{'unk/ckv fail':>13}"
            f"{'unk/ckv pass':>13}{'both pass':>10}{'agree':>7}  checkov ids")
    lines = [head]
    for row in found:
        c = row.counts
        lines.append(f"{row.rule.id:<14}{c['both']:>6}{c['only_govern']:>9}"
                     f"{c['only_checkov']:>9}{c['unknown_fail']:>13}{c['unknown_pass']:>13}"
                     f"{c['both_pass']:>10}{percent(row.agreeing, row.decided):>7}  "
                     f"{_ids(row.rule)}")
    total = _total(found)
    lines.append(f"{'total':<14}{total['both']:>6}{total['only_govern']:>9}"
                 f"{total['only_checkov']:>9}{total['unknown_fail']:>13}"
                 f"{total['unknown_pass']:>13}{total['both_pass']:>10}"
                 f"{percent(total['both'] + total['both_pass'], _decided(total)):>7}")
    return "\n".join(lines)


def _total(found: Sequence[Row]) -> dict[str, int]:
    return {c: sum(r.counts[c] for r in found) for c in CATEGORIES}


def _decided(total: Mapping[str, int]) -> int:
    return sum(v for c, v in total.items() if not c.startswith("unknown"))


def table_markdown(found: Sequence[Row]) -> str:
    lines = ["| rule | Checkov ids | both fail | only govern | only Checkov "
             "| unknown, Checkov fails | unknown, Checkov does not | both pass | agreement |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for row in found:
        c = row.counts
        lines.append(f"| {row.rule.id} | {_ids(row.rule)} | {c['both']} | {c['only_govern']} "
                     f"| {c['only_checkov']} | {c['unknown_fail']} | {c['unknown_pass']} "
                     f"| {c['both_pass']} | {percent(row.agreeing, row.decided)} |")
    t = _total(found)
    lines.append(f"| **total** | | {t['both']} | {t['only_govern']} | {t['only_checkov']} "
                 f"| {t['unknown_fail']} | {t['unknown_pass']} | {t['both_pass']} "
                 f"| {percent(t['both'] + t['both_pass'], _decided(t))} |")
    return "\n".join(lines)


def disagreements(rule: Rule, entries: Mapping[Key, Entry], limit: int | None,
                  prefix: str = "") -> list[str]:
    """One line per resource the tools disagree on (and per govern unknown)."""
    lines = []
    for category, label in (("only_govern", "govern only"), ("only_checkov", "checkov only"),
                            ("unknown_fail", "govern unknown, checkov fails"),
                            ("unknown_pass", "govern unknown, checkov does not fail")):
        chosen = sorted(k for k, e in entries.items() if e.category == category)
        for unit, address in chosen[:limit]:
            entry = entries[(unit, address)]
            checks = ", ".join(f"{i} {s}" for i, s in sorted(entry.checks.items())) or \
                "not evaluated by checkov"
            notes = f"; {'; '.join(sorted(entry.notes))}" if entry.notes else ""
            lines.append(f"    {label}: {prefix}{unit.lstrip('?')} {address} "
                         f"[{checks}{notes}]")
        if limit is not None and len(chosen) > limit:
            lines.append(f"    {label}: ... {len(chosen) - limit} more")
    return lines


def write_markdown(doc: Path, body: str) -> None:
    """Replace the text between the markers in `doc` (appended when there are none)."""
    text = doc.read_text(encoding="utf-8") if doc.exists() else ""
    block = f"{START_MARKER}\n{body.rstrip()}\n{END_MARKER}"
    if START_MARKER in text and END_MARKER in text:
        head, rest = text.split(START_MARKER, 1)
        tail = rest.split(END_MARKER, 1)[1]
        text = head + block + tail
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    doc.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------------------------------
# Running the tools


def run_checkov(checkov: str, directory: Path, framework: str, cache: Path | None,
                timeout: float) -> tuple[str, str]:
    """Checkov's JSON report and log for one directory and framework (from `cache` if
    there)."""
    name = hashlib.sha1(str(directory.resolve()).encode()).hexdigest()[:12]
    stem = f"{directory.name}-{name}.{framework}"
    if cache is not None and (cache / f"{stem}.json").exists():
        return ((cache / f"{stem}.json").read_text(encoding="utf-8"),
                (cache / f"{stem}.err").read_text(encoding="utf-8")
                if (cache / f"{stem}.err").exists() else "")
    print(f"  checkov --framework {framework} -d {directory} ...", file=sys.stderr, flush=True)
    try:
        done = subprocess.run([checkov, "-d", str(directory), "--framework", framework,
                               "-o", "json", "--compact", "--skip-download"],
                              capture_output=True, text=True, check=False, timeout=timeout)
        stdout, stderr = done.stdout, done.stderr
    except subprocess.TimeoutExpired:
        stdout, stderr = "", f"stopped after {timeout:.0f} s"
    if not stdout.strip():
        print(f"  checkov printed nothing: {stderr.strip()[-300:]}", file=sys.stderr)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        (cache / f"{stem}.json").write_text(stdout, encoding="utf-8")
        (cache / f"{stem}.err").write_text(stderr, encoding="utf-8")
    return stdout, stderr


def run_govern(directory: Path) -> dict[str, Any]:
    govern = str(REPO / ".venv" / "bin" / "govern")
    done = subprocess.run([govern, "scan", ".", "--format", "json", "--fail-on", "none"],
                          capture_output=True, text=True, check=False, cwd=directory)
    if not done.stdout.strip():
        sys.exit(f"govern printed nothing for {directory}: {done.stderr.strip()[-500:]}")
    report: dict[str, Any] = json.loads(done.stdout)
    return report


_CHECK_ID = re.compile(r"""(?:\b(?:check_)?id\s*[=:]\s*|"id":\s*)["']?(CKV2?_[A-Z0-9]+_\d+)""")


def checkov_implementations(checkov: str) -> dict[str, set[str]]:
    """Check id -> the govern formats Checkov implements it for, read from the source of
    the Checkov installed beside `checkov` (its `bin/`); {} when it cannot be found."""
    found: dict[str, set[str]] = defaultdict(set)
    packages = sorted(Path(checkov).resolve().parent.parent.glob(
        "lib/python3*/site-packages/checkov"))
    if not packages:
        return {}
    for framework, formats in (("terraform", ("terraform", "tfplan")),
                               ("cloudformation", ("cloudformation",)), ("arm", ("arm",))):
        for path in sorted((packages[-1] / framework).rglob("*")):
            if path.suffix in (".py", ".yaml", ".yml", ".json") and path.is_file():
                for match in _CHECK_ID.finditer(path.read_text(encoding="utf-8",
                                                               errors="replace")):
                    found[match.group(1)].update(formats)
    return dict(found)


def checkov_version(checkov: str) -> str:
    done = subprocess.run([checkov, "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip() or "?"


@dataclass
class Scope:
    """One comparison: its name, per-rule entries and notes (timeouts, crashes)."""

    name: str
    rows: list[Row]
    comparisons: list[tuple[str, Comparison]]  # (directory label, comparison)
    notes: list[str]


def compare_directory(args: argparse.Namespace, rules: Sequence[Rule], directory: Path,
                      scope: Mapping[str, str] | None, notes: list[str]) -> Comparison:
    print(f"comparing {directory}", file=sys.stderr, flush=True)
    label = "fixtures" if scope is not None else directory.name
    report = run_govern(directory)
    ours = parse_govern(report)
    formats = args.framework or sorted({f.fmt for f in ours} & set(FRAMEWORKS))
    theirs: list[CheckovResult] = []
    for fmt in formats:
        stdout, stderr = run_checkov(args.checkov, directory, FRAMEWORKS[fmt], args.cache,
                                     args.checkov_timeout)
        if not stdout.strip():
            why = (stderr if stderr.startswith("stopped after") else "crashed: " + (
                [line for line in stderr.splitlines() if line.strip()] or ["no output"])[-1])
            notes.append(f"{label} ({fmt}): Checkov {why.strip()}; no report, so "
                         "this directory and format are left out")
            ours = [f for f in ours if f.fmt != fmt]
            continue
        theirs.extend(parse_checkov(stdout, stderr, fmt, str(directory)))
        crashed = sum(1 for r in theirs if r.fmt == fmt and r.status == "error")
        if crashed:
            notes.append(f"{label} ({fmt}): {crashed} Checkov check runs crashed "
                         "(logged as `Failed to run check`)")
    ours = [f for f in ours if f.fmt in formats]
    return compare(rules, ours, theirs, str(directory), scope, args.implemented)


def merge_rows(rules: Sequence[Rule], comparisons: Sequence[tuple[str, Comparison]]
               ) -> list[Row]:
    found = []
    for rule in rules:
        counts = {c: 0 for c in CATEGORIES}
        seen = False
        for _, comparison in comparisons:
            for entry in comparison.entries.get(rule.id, {}).values():
                counts[entry.category] += 1
                seen = True
        if seen:
            found.append(Row(rule, counts))
    return found


def print_scope(scope: Scope, limit: int | None) -> None:
    print(f"\n## {scope.name}\n")
    print(table_text(scope.rows))
    for note in scope.notes:
        print(f"note: {note}")
    print("\ndisagreements:")
    for row in scope.rows:
        lines: list[str] = []
        for label, comparison in scope.comparisons:
            entries = comparison.entries.get(row.rule.id, {})
            lines.extend(disagreements(row.rule, entries, limit,
                                       f"{label}/" if label else ""))
        if lines:
            print(f"  {row.rule.id} ({_ids(row.rule)})")
            print("\n".join(lines))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("path", nargs="*", help="compare on these directories only")
    parser.add_argument("--checkov", default=str(DEFAULT_CHECKOV))
    parser.add_argument("--framework", action="append",
                        choices=sorted(set(FRAMEWORKS) | set(FRAMEWORKS.values())),
                        help="format to compare, govern's or Checkov's name (default: those "
                             "govern reports)")
    parser.add_argument("--rule", action="append", default=[])
    parser.add_argument("--show", type=int, default=None,
                        help="disagreements listed per rule and kind (default: all)")
    parser.add_argument("--fixtures", type=Path, default=FIXTURES)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--no-fixtures", action="store_true")
    parser.add_argument("--no-corpora", action="store_true")
    parser.add_argument("--cache", type=Path, default=None,
                        help="keep Checkov's output here and reuse it when present")
    parser.add_argument("--checkov-timeout", type=float, default=900.0)
    parser.add_argument("--markdown", nargs="?", const=BENCHMARKS_DOC, type=Path, default=None,
                        help=f"write the tables into FILE (default {BENCHMARKS_DOC.name}) "
                             f"between {START_MARKER} and {END_MARKER}")
    args = parser.parse_args(argv)
    if args.framework:  # Checkov's `terraform_plan` is govern's `tfplan`
        by_checkov = {checkov: ours for ours, checkov in FRAMEWORKS.items()}
        args.framework = sorted({by_checkov.get(f, f) for f in args.framework})
    if not os.path.exists(args.checkov):
        sys.exit(f"no checkov at {args.checkov} (install it in its own virtual environment)")
    rules = [r for r in load_rules(REPO / "rules") if not args.rule or r.id in args.rule]
    args.implemented = checkov_implementations(args.checkov)
    scopes: list[Scope] = []
    comparisons: list[tuple[str, Comparison]] = []
    notes: list[str] = []
    if args.path:
        for path in args.path:
            directory = Path(path).resolve()
            comparisons.append((path, compare_directory(args, rules, directory, None, notes)))
        scopes.append(Scope(", ".join(args.path), merge_rows(rules, comparisons), comparisons,
                            notes))
    else:
        if not args.no_fixtures:
            slugs = {r.id: r.slug for r in rules}
            comparison = compare_directory(args, rules, args.fixtures.resolve(), slugs, notes)
            scopes.append(Scope("rule fixtures (fixtures/rules/<slug>/)",
                                merge_rows(rules, [("", comparison)]), [("", comparison)],
                                notes))
            notes = []
        if not args.no_corpora:
            for corpus in sorted(p for p in args.corpus.iterdir() if p.is_dir()):
                comparisons.append((corpus.name, compare_directory(
                    args, rules, corpus.resolve(), None, notes)))
            shown = os.path.relpath(args.corpus, REPO) if args.corpus.is_absolute() else args.corpus
            scopes.append(Scope(f"corpora ({shown})", merge_rows(rules, comparisons),
                                comparisons, notes))
    for each in scopes:
        print_scope(each, args.show)
    if args.markdown:
        write_markdown(args.markdown, _markdown_body(scopes, checkov_version(args.checkov),
                                                     len(rules)))
        print(f"\nwrote the tables to {args.markdown}", file=sys.stderr)
    return 0


def _markdown_body(scopes: Sequence[Scope], version: str, rule_count: int) -> str:
    today = datetime.date.today().isoformat()
    parts = [f"{today}, Checkov {version}, {rule_count} rules with a Checkov equivalent "
             "(`~`: a partial equivalent); generated by `benchmarks/compare_checkov.py "
             "--markdown`. Agreement = (both fail + both pass) / (resources compared - "
             "govern unknown). Every disagreement is explained in "
             "`benchmarks/checkov-disagreements.md`."]
    parts = [textwrap.fill(parts[0], width=95, break_on_hyphens=False)]
    for scope in scopes:
        t = _total(scope.rows)
        parts.append(f"**{scope.name}**: {len(scope.rows)} rules with resources to compare, "
                     f"agreement {percent(t['both'] + t['both_pass'], _decided(t))}.")
        parts.append(table_markdown(scope.rows))
        if scope.notes:
            parts.append("\n".join(f"- {note}" for note in scope.notes))
    return "\n\n".join(parts)


if __name__ == "__main__":
    sys.exit(main())
