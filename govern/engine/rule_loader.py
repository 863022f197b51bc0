"""Loading rule files, validated in layers, with every problem said as `file:line: what is
wrong (hint)`.

Layers: (a) YAML syntax and duplicate keys (`yaml_loader`); (b) the JSON Schema, one most
useful error per file (`schema_errors`); (c) meaning: kinds, providers, slug = file name,
example formats, the condition (operators, predicates, parameters, paths), then ids and
slugs unique across files (slugs: within an id namespace). Rule ids have a namespace
(`GOV-AWS-001`, `ACME-AWS-001`): `GOV` is reserved for the built-in rules, so custom rules
never clash with them. All problems of all files are raised together as one `RuleError`,
sorted by file and line.

Rule files are read as user files (`govern.user_files`): a FIFO or device is refused at
once, a file over 64 MiB is refused before reading, and a document nested deeper than the
evaluation budget allows (or a `check` deeper than `MAX_CHECK_NESTING`) is a problem at its
line, never a RecursionError.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from govern.engine import rule_bundle, rule_cache
from govern.engine.condition_compiler import compile_condition
from govern.engine.conditions import scan_wide_kinds
from govern.engine.hints import suggest
from govern.engine.rule import Rule, RuleSet
from govern.engine.rule_docs import EQUIVALENT_TOOLS, EXAMPLE_ORDER, HELP_URI, help_markdown
from govern.errors import RuleError, SourceError
from govern.model.finding import RuleMeta, RuleStatus, Severity
from govern.model.kinds import KINDS

if TYPE_CHECKING:
    from govern.engine.yaml_loader import YamlDocument

RULE_SUFFIXES = (".yaml", ".yml")
MAX_CHECK_NESTING = 64  # levels of the `check` mapping (a `not` is one, an `all` item two)
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
    from importlib import resources  # imported here: a checkout does not need it

    return str(resources.files("govern").joinpath("builtin_rules"))


@dataclass(frozen=True)
class _Source:
    """A rule file's text, read once, and the digest of its bytes (the cache key)."""

    file: str
    text: str
    digest: str


def load_rules(paths: Sequence[str], use_cache: bool = True) -> RuleSet:
    """Load every rule file in `paths` (files, or directories searched recursively for
    `*.yaml`/`*.yml`; hidden and `*.fixtures` directories are skipped). Raises `RuleError`
    listing every problem found. The built-in rules come compiled from the bundle beside
    govern's bytecode while their files are unchanged (`rule_bundle`); other rule files
    whose exact contents validated before are parsed and compiled without the schema and
    meaning checks (`rule_cache`).

    When the built-in rules directory is among `paths`, the `GOV` id namespace belongs to
    it: a rule file elsewhere using a `GOV-` id is an error, and so is a built-in rule with
    another namespace."""
    builtin_root = _builtin_root(paths)
    builtin = _builtin(paths, builtin_root) if use_cache and builtin_root else None
    known: tuple[Rule, ...] = ()
    rest = list(paths)
    salt = builtin_root
    if builtin is not None and builtin.rules is not None:
        known = builtin.rules
        rest = [p for p in paths if os.path.realpath(p) != builtin_root]
        if not rest:
            return RuleSet(known)
        salt = f"{builtin_root}\0{builtin.memo}"
    files, problems = _rule_files(rest)
    if known and builtin_root is not None:  # files of the built-in directory named again
        files = [f for f in files if not _within(os.path.realpath(f), builtin_root)]
    sources = _read_sources(files, problems)
    digests = [(source.file, source.digest) for source in sources]
    key = rule_cache.cache_key(digests, salt) if use_cache and not problems else None
    if key is not None and key in _LOADED:
        return _LOADED[key]
    ruleset = None
    if key is not None and rule_cache.is_validated(key, digests):
        ruleset = _load_validated(sources, builtin_root, known)
    if ruleset is None:
        ruleset = _load_and_validate(sources, problems, builtin_root, known)
        if key is not None:
            rule_cache.store(key, digests)
    if builtin is not None and builtin.rules is None:
        builtin.store(ruleset)
    return ruleset if key is None else _remember(key, ruleset)


@dataclass(frozen=True)
class _Builtin:
    """The built-in rules directory of a load: as given, its rule files, their signature
    and, when the bundle matches them, the compiled rules."""

    root: str
    files: tuple[str, ...]
    key: str | None  # the bundle's (rule_bundle.key)
    sign: rule_bundle.Signature | None
    rules: tuple[Rule, ...] | None

    @property
    def memo(self) -> str:
        """What identifies the bundled rules (for the in-process memo of rule sets)."""
        return f"{self.key}:{hash(self.sign)}"

    def store(self, ruleset: RuleSet) -> None:
        """Keep the built-in rules of a validated `ruleset` in the bundle, when they are
        exactly one rule per built-in file."""
        if self.sign is None:
            return
        files = set(self.files)
        rules = [rule for rule in ruleset.rules if rule.meta.source_file in files]
        if len(rules) == len(files):
            rule_bundle.store(self.key, self.sign, rules)


def _builtin(paths: Sequence[str], builtin_root: str) -> _Builtin:
    given = next(p for p in paths if os.path.realpath(p) == builtin_root)
    files = tuple(_walk(given))
    key = rule_bundle.key(given)
    sign = rule_bundle.signature(given, files)
    if sign is None:
        return _Builtin(given, files, key, None, None)
    memo = (os.path.abspath(given), key, sign)
    rules = _BUNDLED.get(memo)
    if rules is None:
        rules = rule_bundle.lookup(key, sign)
        if rules is not None:
            _BUNDLED.clear()  # one built-in directory per process in practice
            _BUNDLED[memo] = rules
    return _Builtin(given, files, key, sign, rules)


# The bundled built-in rules this process loaded, by directory, bundle key and signature:
# a process that loads them again (govern serve, a test suite) does not unpickle them again.
_BUNDLED: dict[tuple[str, str | None, rule_bundle.Signature], tuple[Rule, ...]] = {}


def _within(real: str, root: str) -> bool:
    try:
        return os.path.commonpath([real, root]) == root
    except ValueError:  # different drives
        return False


# Rule sets already loaded in this process, by the digest of their files' contents (and of
# govern's declared model): a process that scans again with the same rules (govern serve,
# a test suite) neither parses nor compiles them again. Rules are immutable.
_LOADED: dict[str, RuleSet] = {}
_LOADED_MAX = 8


def _remember(key: str, ruleset: RuleSet) -> RuleSet:
    if len(_LOADED) >= _LOADED_MAX:
        _LOADED.pop(next(iter(_LOADED)))
    _LOADED[key] = ruleset
    return ruleset


def _read_sources(files: Sequence[str], problems: list[RuleProblem]) -> list[_Source]:
    from govern.user_files import UserFileError, read_user_file

    sources: list[_Source] = []
    for file in files:
        try:
            data = read_user_file(file)
        except UserFileError as exc:
            problems.append(RuleProblem(file, 0, exc.reason))
            continue
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            problems.append(RuleProblem(file, 0, "not UTF-8 text"))
            continue
        sources.append(_Source(file, text, rule_cache.file_digest(data)))
    return sources


def _load_validated(sources: Sequence[_Source], builtin_root: str | None,
                    known: Sequence[Rule] = ()) -> RuleSet | None:
    """The rules of files that passed validation before (the cache said so): parsed and
    compiled again from their text, without the schema and meaning layers. None when
    anything is amiss, so that full validation runs and says what."""
    from govern.engine.yaml_loader import load_yaml

    loaded: list[tuple[Rule, YamlDocument]] = []
    try:
        for source in sources:
            doc = load_yaml(source.text, source.file)
            rule, problems = _compile(source.file, doc, [])
            if rule is None or problems:
                return None
            loaded.append((rule, doc))
    except (SourceError, KeyError, TypeError, ValueError, AttributeError, RecursionError):
        # a file the cache vouched for is not valid (a forged entry): validate for real
        return None
    if (builtin_root is not None and _namespaces(loaded, builtin_root)) or _duplicates(
            [*_unplaced(known), *loaded]):
        return None
    return _ruleset(known, loaded)


def _load_and_validate(sources: Sequence[_Source], problems: list[RuleProblem],
                       builtin_root: str | None = None, known: Sequence[Rule] = ()) -> RuleSet:
    """Every layer of validation for `sources`; `known` are rules loaded already (the
    bundled built-in ones), checked against the others for duplicate ids."""
    loaded: list[tuple[Rule, YamlDocument]] = []
    for source in sources:
        try:
            rule, found = _load_file(source)
        except RecursionError:  # a backstop: the nesting checks should come first
            rule, found = None, [RuleProblem(
                source.file, 0, "nested too deeply to validate",
                f"keep the rule within {MAX_CHECK_NESTING} levels")]
        problems.extend(found)
        if rule is not None:
            loaded.append(rule)
    if builtin_root is not None:
        problems.extend(_namespaces(loaded, builtin_root))
    problems.extend(_duplicates([*_unplaced(known), *loaded]))
    if problems:
        raise RuleError("\n".join(p.render() for p in sorted(problems, key=RuleProblem.sort_key)))
    return _ruleset(known, loaded)


def _unplaced(rules: Sequence[Rule]) -> list[tuple[Rule, YamlDocument]]:
    """Rules without their documents (bundled built-in rules), for `_duplicates`: their
    lines are not kept, so a clash names their files at line 1."""
    from govern.engine.yaml_loader import YamlDocument

    return [(rule, YamlDocument(None, {})) for rule in rules]


def _ruleset(known: Sequence[Rule], loaded: Sequence[tuple[Rule, YamlDocument]]) -> RuleSet:
    rules = [*known, *(rule for rule, _ in loaded)]
    return RuleSet(tuple(sorted(rules, key=lambda r: r.meta.id)))


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
        elif os.path.lexists(path):  # a file; reading it refuses FIFOs and devices
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


def _load_file(source: _Source) -> tuple[tuple[Rule, YamlDocument] | None, list[RuleProblem]]:
    # imported here: rules that validated before need no jsonschema
    from govern.engine.schema_errors import first_schema_problem
    from govern.engine.yaml_loader import load_yaml

    file = source.file
    try:
        doc = load_yaml(source.text, file)
    except SourceError as exc:
        return None, [RuleProblem(file, exc.line or 0, exc.message, exc.hint)]
    if doc.value is None:
        return None, [RuleProblem(file, 1, "empty rule file")]
    deep = _too_deep_check(file, doc)
    if deep is not None:
        return None, [deep]
    schema = first_schema_problem(doc)
    if schema is not None:
        return None, [RuleProblem(file, doc.line(schema.path), schema.message, schema.hint)]
    rule, problems = _compile(file, doc, _meaning(file, doc))
    return (None if rule is None else (rule, doc)), problems


def _compile(file: str, doc: YamlDocument, problems: list[RuleProblem]
             ) -> tuple[Rule | None, list[RuleProblem]]:
    """The rule of a schema-valid document, unless `problems` or the condition has some."""
    data: Mapping[str, Any] = doc.value
    check, compile_problems = compile_condition(data["check"], ("check",),
                                                data.get("parameters") or {}, data["kinds"])
    problems.extend(RuleProblem(file, doc.line(p.path), p.message, p.hint)
                    for p in compile_problems)
    if problems:
        return None, problems
    return Rule(meta=_meta(file, data), check=check, message=data["message"],
                parameters=dict(data.get("parameters") or {}),
                examples={k: dict(v) for k, v in data["examples"].items()},
                compliance={k: tuple(v) for k, v in (data.get("compliance") or {}).items()},
                references=tuple(data.get("references") or ()),
                scan_wide=scan_wide_kinds(check)), []


def _too_deep_check(file: str, doc: YamlDocument) -> RuleProblem | None:
    """A `check` nested deeper than `MAX_CHECK_NESTING` (schema validation and evaluation
    recurse per level, so the general YAML limit is too generous here)."""
    if not isinstance(doc.value, dict) or "check" not in doc.value:
        return None
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(doc.value["check"], ("check",))]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            children: list[tuple[Any, tuple[str | int, ...]]] = [
                (v, (*path, k)) for k, v in value.items()]
        elif isinstance(value, list):
            children = [(v, (*path, i)) for i, v in enumerate(value)]
        else:
            continue
        if len(path) > MAX_CHECK_NESTING:
            return RuleProblem(file, doc.line(path),
                               f"check nested more than {MAX_CHECK_NESTING} levels deep",
                               "flatten the nested all/any/not conditions")
        stack.extend(children)
    return None


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
    problems.extend(_partial_equivalents(file, doc))
    problems.extend(_compliance(file, doc))
    return problems


def _partial_equivalents(file: str, doc: YamlDocument) -> list[RuleProblem]:
    """Every key of `equivalents.partial` is an id listed under one of the tools."""
    equivalents: Mapping[str, Any] = doc.value["equivalents"]
    listed = [i for tool in EQUIVALENT_TOOLS for i in equivalents[tool]]
    problems: list[RuleProblem] = []
    for key in equivalents.get("partial") or {}:
        if key not in listed:
            close = suggest(key, listed)
            problems.append(RuleProblem(
                file, doc.line(("equivalents", "partial", key)),
                f"partial equivalent '{key}' is not listed under "
                f"{', '.join(EQUIVALENT_TOOLS[:-1])} or {EQUIVALENT_TOOLS[-1]}",
                close or "add it to its tool's list, or remove it from partial"))
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
    equivalents = {tool: tuple(data["equivalents"][tool]) for tool in EQUIVALENT_TOOLS}
    partial = {str(k): str(v).strip()
               for k, v in (data["equivalents"].get("partial") or {}).items()}
    references = tuple(data.get("references") or ())
    return RuleMeta(
        id=data["id"], slug=data["slug"], title=data["title"].strip(),
        severity=cast(Severity, data["severity"]), category=data["category"], kinds=kinds,
        formats=formats, precision=data["precision"],
        description=data["rationale"].strip(), remediation=data["remediation"].strip(),
        help_markdown=help_markdown(
            kinds=kinds, formats=formats, message=data["message"],
            rationale=data["rationale"], remediation=data["remediation"],
            examples=data["examples"], references=references, equivalents=equivalents,
            partial=partial),
        help_uri=HELP_URI.format(id=data["id"]),
        tags=(data["category"], kinds[0].split(".", 1)[0], "security"),
        equivalents=equivalents, source_file=file,
        compliance={k: tuple(v) for k, v in (data.get("compliance") or {}).items()},
        partial_equivalents=partial, status=cast(RuleStatus, data.get("status", "stable")),
        aliases=tuple(data.get("aliases") or ()))


def _duplicates(loaded: Sequence[tuple[Rule, YamlDocument]]) -> list[RuleProblem]:
    """Ids and former ids (`aliases`) unique across files, together: an id names one rule
    wherever a user writes it; slugs unique within an id namespace (a custom rule may share
    a slug with a built-in one, so a new built-in rule never breaks a custom catalogue)."""
    problems: list[RuleProblem] = []
    for key in ("id", "slug"):
        first: dict[tuple[str, str], tuple[str, int]] = {}
        for rule, doc in sorted(loaded, key=lambda item: item[0].meta.source_file):
            meta = rule.meta
            named: list[tuple[str, tuple[str | int, ...]]] = [(meta.slug, ("slug",))]
            if key == "id":
                named = [(meta.id, ("id",)), *((alias, ("aliases", index))
                                               for index, alias in enumerate(meta.aliases))]
            for value, where in named:
                scope = (namespace(meta.id) if key == "slug" else "", value)
                line = doc.line(where)
                if scope in first:
                    other, other_line = first[scope]
                    problems.append(RuleProblem(meta.source_file, line,
                                                f"duplicate {key} {value}",
                                                f"also in {other}:{other_line}"))
                else:
                    first[scope] = (meta.source_file, line)
    return problems
