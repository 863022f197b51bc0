"""Loading rule files, validated in layers, with every problem said as `file:line: what is
wrong (hint)`.

Layers: (a) YAML syntax and duplicate keys (`yaml_loader`); (b) the JSON Schema, one most
useful error per file (`schema_errors`); (c) meaning: kinds, providers, slug = file name,
example formats, the condition (operators, predicates, parameters, paths), then ids and
slugs unique across files (slugs: within an id namespace). Rule ids have a namespace
(`GOV-AWS-001`, `ACME-AWS-001`): `GOV` is reserved for the built-in rules, so custom rules
never clash with them. All problems of all files are raised together as one `RuleError`,
sorted by file and line.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from govern.engine import rule_cache
from govern.engine.condition_compiler import compile_condition
from govern.engine.hints import suggest
from govern.engine.rule import Rule, RuleSet
from govern.engine.rule_docs import EXAMPLE_ORDER, HELP_URI, help_markdown
from govern.errors import RuleError, SourceError
from govern.model.finding import RuleMeta, Severity
from govern.model.kinds import KINDS

if TYPE_CHECKING:
    from govern.engine.yaml_loader import YamlDocument

RULE_SUFFIXES = (".yaml", ".yml")
FIXTURE_DIR_SUFFIX = ".fixtures"  # `<slug>.fixtures/` beside a rule holds its test fixtures
BUILTIN_NAMESPACE = "GOV"

__all__ = ["Rule", "RuleSet", "default_rules_dir", "load_rules"]


@dataclass(frozen=True)
class RuleProblem:
    file: str
    line: int
    message: str
    hint: str | None = None

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.file, self.line, self.message, self.hint or "")

    def render(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}" + (f" ({self.hint})" if self.hint else "")


def default_rules_dir() -> str:
    """The rules shipped with govern: `rules/` of a source checkout, else the
    `govern/builtin_rules` directory of the installed package."""
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "rules").is_dir() and (checkout / "pyproject.toml").is_file():
        return str(checkout / "rules")
    return str(resources.files("govern").joinpath("builtin_rules"))


def load_rules(paths: Sequence[str], use_cache: bool = True) -> RuleSet:
    """Load every rule file in `paths` (files, or directories searched recursively for
    `*.yaml`/`*.yml`; hidden and `*.fixtures` directories are skipped). Raises `RuleError`
    listing every problem found. A rule set that validated before, unchanged, comes from the
    cache (`rule_cache`).

    When the built-in rules directory is among `paths`, the `GOV` id namespace belongs to
    it: a rule file elsewhere using a `GOV-` id is an error, and so is a built-in rule with
    another namespace."""
    files, problems = _rule_files(paths)
    key = rule_cache.cache_key(files) if use_cache and not problems else None
    if key is not None:
        cached = rule_cache.load_cached(key)
        if cached is not None:
            return cached
    ruleset = _load_and_validate(files, problems, _builtin_root(paths))
    if key is not None:
        rule_cache.store(key, ruleset)
    return ruleset


def _load_and_validate(files: list[str], problems: list[RuleProblem],
                       builtin_root: str | None = None) -> RuleSet:
    loaded: list[tuple[Rule, YamlDocument]] = []
    for file in files:
        rule, found = _load_file(file)
        problems.extend(found)
        if rule is not None:
            loaded.append(rule)
    if builtin_root is not None:
        problems.extend(_namespaces(loaded, builtin_root))
    problems.extend(_duplicates(loaded))
    if problems:
        raise RuleError("\n".join(p.render() for p in sorted(problems, key=RuleProblem.sort_key)))
    return RuleSet(tuple(sorted((rule for rule, _ in loaded), key=lambda r: r.meta.id)))


def _builtin_root(paths: Sequence[str]) -> str | None:
    """The real path of the built-in rules directory when it is one of `paths`."""
    builtin = os.path.realpath(default_rules_dir())
    return builtin if any(os.path.realpath(p) == builtin for p in paths) else None


def namespace(rule_id: str) -> str:
    """`ACME-AWS-001` -> `ACME`."""
    return rule_id.split("-", 1)[0]


def _namespaces(loaded: Sequence[tuple[Rule, YamlDocument]], builtin_root: str
                ) -> list[RuleProblem]:
    problems: list[RuleProblem] = []
    for rule, doc in loaded:
        file = rule.meta.source_file
        real = os.path.realpath(file)
        is_builtin = os.path.commonpath([real, builtin_root]) == builtin_root
        space = namespace(rule.meta.id)
        if space == BUILTIN_NAMESPACE and not is_builtin:
            suffix = rule.meta.id.split("-", 1)[1]
            problems.append(RuleProblem(
                file, doc.line(("id",)),
                f"id {rule.meta.id}: the {BUILTIN_NAMESPACE}- namespace is reserved for "
                f"govern's built-in rules",
                f"give custom rules your own prefix, e.g. ACME-{suffix}"))
        elif space != BUILTIN_NAMESPACE and is_builtin:
            problems.append(RuleProblem(
                file, doc.line(("id",)),
                f"id {rule.meta.id}: built-in rules use the {BUILTIN_NAMESPACE}- namespace",
                f"use {BUILTIN_NAMESPACE}-{rule.meta.id.split('-', 1)[1]}"))
    return problems


def _rule_files(paths: Sequence[str]) -> tuple[list[str], list[RuleProblem]]:
    files: list[str] = []
    seen: set[str] = set()
    problems: list[RuleProblem] = []
    for path in paths:
        if os.path.isdir(path):
            found = _walk(path)
            if not found:
                problems.append(RuleProblem(path, 0, "no rule files (*.yaml, *.yml) in this "
                                                     "directory"))
        elif os.path.isfile(path):
            found = [path]
        else:
            problems.append(RuleProblem(path, 0, "no such rule file or directory"))
            continue
        for file in found:
            real = os.path.realpath(file)
            if real not in seen:
                seen.add(real)
                files.append(file)
    return files, problems


def _walk(directory: str) -> list[str]:
    found: list[str] = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs
                         if not d.startswith(".") and not d.endswith(FIXTURE_DIR_SUFFIX))
        found.extend(os.path.join(root, n) for n in sorted(names)
                     if n.endswith(RULE_SUFFIXES) and not n.startswith("."))
    return found


def _load_file(file: str) -> tuple[tuple[Rule, YamlDocument] | None, list[RuleProblem]]:
    # imported here: a cached rule set needs neither YAML nor jsonschema
    from govern.engine.schema_errors import first_schema_problem
    from govern.engine.yaml_loader import load_yaml

    try:
        with open(file, encoding="utf-8") as handle:
            text = handle.read()
    except UnicodeDecodeError:
        return None, [RuleProblem(file, 0, "not UTF-8 text")]
    except OSError as exc:
        return None, [RuleProblem(file, 0, f"cannot read: {exc.strerror or exc}")]
    try:
        doc = load_yaml(text, file)
    except SourceError as exc:
        return None, [RuleProblem(file, exc.line or 0, exc.message, exc.hint)]
    if doc.value is None:
        return None, [RuleProblem(file, 1, "empty rule file")]
    schema = first_schema_problem(doc)
    if schema is not None:
        return None, [RuleProblem(file, doc.line(schema.path), schema.message, schema.hint)]
    problems = _meaning(file, doc)
    data: Mapping[str, Any] = doc.value
    check, compile_problems = compile_condition(data["check"], ("check",),
                                                data.get("parameters") or {})
    problems.extend(RuleProblem(file, doc.line(p.path), p.message, p.hint)
                    for p in compile_problems)
    if problems:
        return None, problems
    return (Rule(meta=_meta(file, data), check=check, message=data["message"],
                 parameters=dict(data.get("parameters") or {}),
                 examples={k: dict(v) for k, v in data["examples"].items()},
                 compliance={k: tuple(v) for k, v in (data.get("compliance") or {}).items()},
                 references=tuple(data.get("references") or ())), doc), []


def _meaning(file: str, doc: YamlDocument) -> list[RuleProblem]:
    """Layer (c) for everything but the condition."""
    data: Mapping[str, Any] = doc.value
    problems: list[RuleProblem] = []

    def fail(path: tuple[str | int, ...], message: str, hint: str | None = None) -> None:
        problems.append(RuleProblem(file, doc.line(path), message, hint))

    name = os.path.basename(file)
    stem = os.path.splitext(name)[0]
    if data["slug"] != stem:
        fail(("slug",), f"slug '{data['slug']}' does not match the file name '{name}'",
             f"rename the file to {data['slug']}.yaml or change the slug")
    kinds: list[str] = data["kinds"]
    for index, kind in enumerate(kinds):
        if kind not in KINDS:
            fail(("kinds", index), f"unknown kind '{kind}'",
                 suggest(kind, KINDS) or "the kinds are listed in docs/canonical-model.md")
    providers = sorted({kind.split(".", 1)[0] for kind in kinds})
    if len(providers) > 1:
        fail(("kinds",), f"kinds mix providers {' and '.join(providers)}",
             "write one rule per provider")
    elif data["id"].split("-")[1] != providers[0].upper():
        fail(("id",), f"id {data['id']} does not name the provider of its kinds",
             f"use {namespace(data['id'])}-{providers[0].upper()}-NNN")
    formats = [f for f in EXAMPLE_ORDER if f in _formats(kinds)]
    for fmt in data["examples"]:
        if formats and fmt not in formats:
            fail(("examples", fmt), f"{', '.join(kinds)} cannot come from {fmt}",
                 f"give examples for {', '.join(formats)}")
    problems.extend(_compliance(file, doc))
    return problems


def _compliance(file: str, doc: YamlDocument) -> list[RuleProblem]:
    """Framework keys and control ids of `compliance:`. A framework catalogue is read only
    here, only for a rule that maps to it (and validated rule sets are cached)."""
    mappings: Mapping[str, Sequence[str]] = doc.value.get("compliance") or {}
    if not mappings:
        return []
    from govern.compliance.catalogues import FRAMEWORK_KEYS, control_ids, known_keys

    problems: list[RuleProblem] = []
    for key, ids in mappings.items():
        if key not in FRAMEWORK_KEYS:
            hint = suggest(key, FRAMEWORK_KEYS)
            problems.append(RuleProblem(
                file, doc.line(("compliance", key)), f"unknown compliance framework '{key}'",
                f"{hint + '; ' if hint else ''}known frameworks: {known_keys()}"))
            continue
        known = control_ids(key)
        for index, control in enumerate(ids):
            if control not in known:
                problems.append(RuleProblem(
                    file, doc.line(("compliance", key, index)),
                    f"unknown control '{control}' in {key}",
                    suggest(control, known) or f"the controls are listed in "
                                               f"govern/compliance/frameworks/{key}.yaml"))
    return problems


def _formats(kinds: Sequence[str]) -> list[str]:
    return sorted({fmt for kind in kinds if kind in KINDS for fmt in KINDS[kind].formats})


def _meta(file: str, data: Mapping[str, Any]) -> RuleMeta:
    kinds = tuple(data["kinds"])
    formats = tuple(_formats(kinds))
    equivalents = {tool: tuple(data["equivalents"][tool]) for tool in ("checkov", "trivy",
                                                                       "kics")}
    references = tuple(data.get("references") or ())
    return RuleMeta(
        id=data["id"], slug=data["slug"], title=data["title"].strip(),
        severity=cast(Severity, data["severity"]), category=data["category"], kinds=kinds,
        formats=formats, precision=data["precision"],
        description=data["rationale"].strip(), remediation=data["remediation"].strip(),
        help_markdown=help_markdown(
            kinds=kinds, formats=formats, message=data["message"],
            rationale=data["rationale"], remediation=data["remediation"],
            examples=data["examples"], references=references, equivalents=equivalents),
        help_uri=HELP_URI.format(id=data["id"]),
        tags=(data["category"], kinds[0].split(".", 1)[0], "security"),
        equivalents=equivalents, source_file=file,
        compliance={k: tuple(v) for k, v in (data.get("compliance") or {}).items()})


def _duplicates(loaded: Sequence[tuple[Rule, YamlDocument]]) -> list[RuleProblem]:
    """Ids unique across files; slugs unique within an id namespace (a custom rule may share
    a slug with a built-in one, so a new built-in rule never breaks a custom catalogue)."""
    problems: list[RuleProblem] = []
    for key in ("id", "slug"):
        first: dict[tuple[str, str], tuple[str, int]] = {}
        for rule, doc in sorted(loaded, key=lambda item: item[0].meta.source_file):
            value = getattr(rule.meta, key)
            scope = (namespace(rule.meta.id) if key == "slug" else "", value)
            line = doc.line((key,))
            if scope in first:
                other, other_line = first[scope]
                problems.append(RuleProblem(rule.meta.source_file, line,
                                            f"duplicate {key} {value}",
                                            f"also in {other}:{other_line}"))
            else:
                first[scope] = (rule.meta.source_file, line)
    return problems
