"""Read a Terraform module (a directory) into its declarations, and resolve module
sources (local paths, or downloaded modules listed in `.terraform/modules/modules.json`).

A module is every `*.tf` and `*.tf.json` file directly in the directory, in sorted order;
override files (`override.tf`, `*_override.tf`, and their `.tf.json` forms) are merged
into the blocks they override afterwards. A file with a syntax error gives an `error`
notice and the rest of the module still loads.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from typing import TypeVar

from govern.errors import SourceError
from govern.model.finding import Notice
from govern.parsers.terraform import hcl_ast as ast
from govern.parsers.terraform.files import SIDE_FILE_LIMIT, parse_config_file, read_bytes

_IGNORED_PREFIXES = (".", "#")
MANIFEST = os.path.join(".terraform", "modules", "modules.json")


@dataclass(frozen=True)
class Decl:
    """A block (or a `locals` attribute) and the file it was written in."""

    file: str
    block: ast.Block


@dataclass(frozen=True)
class LocalDecl:
    file: str
    attr: ast.Attribute


@dataclass(frozen=True)
class ResourceDecl:
    mode: str  # "managed" or "data"
    type: str
    name: str
    file: str
    block: ast.Block

    @property
    def local_address(self) -> str:
        base = f"{self.type}.{self.name}"
        return base if self.mode == "managed" else f"data.{base}"


@dataclass
class ModuleDef:
    """The declarations of one module directory."""

    dir: str
    files: list[str] = field(default_factory=list)
    variables: dict[str, Decl] = field(default_factory=dict)
    locals: dict[str, LocalDecl] = field(default_factory=dict)
    outputs: dict[str, Decl] = field(default_factory=dict)
    resources: dict[str, ResourceDecl] = field(default_factory=dict)  # by local address
    managed_types: set[str] = field(default_factory=set)
    data_types: set[str] = field(default_factory=set)
    calls: dict[str, Decl] = field(default_factory=dict)
    providers: dict[str, Decl] = field(default_factory=dict)  # "aws" / "aws.west"
    notices: list[Notice] = field(default_factory=list)

    @property
    def exists(self) -> bool:
        return bool(self.files)


def is_config_file(name: str) -> bool:
    return name.endswith((".tf", ".tf.json")) and not name.startswith(_IGNORED_PREFIXES) \
        and not name.endswith("~")


def is_override(name: str) -> bool:
    stem = name.removesuffix(".json").removesuffix(".tf")
    return stem == "override" or stem.endswith("_override")


def config_files(directory: str) -> list[str]:
    try:
        names = sorted(os.listdir(directory))
    except OSError:
        return []
    paths = [os.path.normpath(os.path.join(directory, n)) for n in names if is_config_file(n)]
    return [p for p in paths if os.path.isfile(p)]


def may_call_modules(directory: str, skipped: Collection[str] = frozenset()) -> bool:
    """Whether the module in `directory` may declare a module call, read from its files'
    bytes without parsing them: False only when none holds the word `module` (a file
    whose text may be in an encoding of wide characters, or a JSON file with a `\\u`
    escape, may hold it unseen: True). `skipped`: absolute paths of files not to read
    (made absolute once by the caller: a scan asks this of every directory)."""
    for path in config_files(directory):
        if os.path.abspath(path) in skipped:
            continue
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        if b"module" in data or b"\x00" in data or data[:2] in (b"\xff\xfe", b"\xfe\xff") \
                or (path.endswith(".json") and b"\\u" in data):
            return True
    return False


def parse_error_notice(exc: SourceError) -> Notice:
    return Notice("error", exc.message, exc.file, exc.line, exc.hint, code="parse-error")


class SharedModules:
    """Modules read once for several loaders of one scan (directory -> ModuleDef).

    With `reused` None every module read is kept for the loaders after (planning reads
    each caller once). With `reused` (the directories several units read), only those
    are kept: a module any other loader reads is its own, so that a scan of many
    repositories does not hold every module it read until it ends."""

    def __init__(self, modules: dict[str, ModuleDef] | None = None,
                 reused: Collection[str] | None = None) -> None:
        self.modules: dict[str, ModuleDef] = {} if modules is None else modules
        self.reused = None if reused is None else frozenset(reused)

    def take(self, key: str) -> ModuleDef | None:
        return self.modules.get(key)

    def keep(self, key: str, module: ModuleDef) -> None:
        if self.reused is None or key in self.reused:
            self.modules[key] = module

    def for_units(self, reused: Collection[str]) -> SharedModules:
        """These modules kept only for `reused` directories (absolute): the others are
        read again by the one unit that reads them, rather than held (a large scan's
        modules are hundreds of megabytes, in each process forked from this one)."""
        kept = frozenset(reused)
        return SharedModules({k: m for k, m in self.modules.items() if k in kept}, kept)


class ModuleLoader:
    """Loads module directories once per scan. `shared`: modules already read in this
    scan by other loaders (of other root modules), to take instead of reading them again
    and to add to; `modules()` and `files_read()` are still this loader's own."""

    def __init__(self, skip_files: Collection[str] = frozenset(),
                 max_bytes: int = SIDE_FILE_LIMIT,
                 shared: SharedModules | None = None) -> None:
        self._cache: dict[str, ModuleDef] = {}
        self._shared = shared
        self._skip = frozenset(os.path.abspath(f) for f in skip_files)
        self.max_bytes = max_bytes

    def load(self, directory: str) -> ModuleDef:
        key = os.path.abspath(directory)
        module = self._cache.get(key)
        if module is None:
            module = self._shared.take(key) if self._shared is not None else None
            if module is None:
                module = load_module(directory, self._skip, self.max_bytes)
                if self._shared is not None:
                    self._shared.keep(key, module)
            self._cache[key] = module
        return module

    def modules(self) -> list[ModuleDef]:
        return list(self._cache.values())

    def files_read(self) -> list[str]:
        return sorted({f for m in self._cache.values() for f in m.files})


def load_module(directory: str, skip: Collection[str] = frozenset(),
                max_bytes: int = SIDE_FILE_LIMIT) -> ModuleDef:
    """The declarations of the module in `directory` (`skip`: absolute paths of files
    not to read, e.g. binary or huge files the discoverer already reported; a file over
    `max_bytes` is an error notice, not read)."""
    module = ModuleDef(dir=directory)
    paths = [p for p in config_files(directory) if os.path.abspath(p) not in skip]
    primary = [p for p in paths if not is_override(os.path.basename(p))]
    overrides = [p for p in paths if is_override(os.path.basename(p))]
    for path in primary + overrides:
        module.files.append(path)
        try:
            config = parse_config_file(path, max_bytes)
        except SourceError as exc:
            module.notices.append(parse_error_notice(exc))
            continue
        module.notices.extend(config.notices)
        _declare(module, config, override=path in overrides)
    return module


def _declare(module: ModuleDef, config: ast.ConfigFile, override: bool) -> None:
    path = config.path
    for block in config.body.blocks:
        kind, labels = block.type, block.labels
        if kind == "locals":
            for name, attr in block.body.attributes.items():
                if name in module.locals and not override:
                    _duplicate(module, path, attr.line, f"local value {name!r}")
                    continue
                module.locals[name] = LocalDecl(path, attr)
        elif kind in ("resource", "data") and len(labels) == 2:
            mode = "managed" if kind == "resource" else "data"
            decl = ResourceDecl(mode, labels[0], labels[1], path, block)
            _put(module, module.resources, decl.local_address, decl, override)
            (module.managed_types if mode == "managed" else module.data_types).add(labels[0])
        elif kind in ("variable", "output", "module") and len(labels) == 1:
            table = {"variable": module.variables, "output": module.outputs,
                     "module": module.calls}[kind]
            _put(module, table, labels[0], Decl(path, block), override)
        elif kind == "provider" and len(labels) == 1:
            alias = block.body.attributes.get("alias")
            name = labels[0]
            if alias is not None:
                alias_name = static_string(alias.expr)
                if alias_name is None:
                    module.notices.append(Notice(
                        "warning", f"provider {name}: alias must be a literal string", path,
                        alias.line, code="eval-error"))
                    continue
                name = f"{name}.{alias_name}"
            _put(module, module.providers, name, Decl(path, block), override)


D = TypeVar("D", Decl, ResourceDecl)


def _put(module: ModuleDef, table: dict[str, D], key: str, decl: D, override: bool) -> None:
    existing = table.get(key)
    if existing is None:
        table[key] = decl
    elif override:
        table[key] = replace(existing, block=merge_blocks(existing.block, decl.block))
    else:
        _duplicate(module, decl.file, decl.block.line, f"{decl.block.type} {key!r}")


def _duplicate(module: ModuleDef, file: str, line: int, what: str) -> None:
    module.notices.append(Notice("error", f"duplicate {what}; the first one is used", file,
                                 line, code="duplicate-declaration"))


def merge_blocks(base: ast.Block, override: ast.Block) -> ast.Block:
    """Terraform's override merge: attributes replace, nested block types replace."""
    attributes = dict(base.body.attributes)
    attributes.update(override.body.attributes)
    replaced = {b.type for b in override.body.blocks}
    blocks = tuple(b for b in base.body.blocks if b.type not in replaced) + override.body.blocks
    return replace(base, body=replace(base.body, attributes=attributes, blocks=blocks))


def static_string(expr: ast.Expr) -> str | None:
    """The text of a literal string expression (None if it has interpolations)."""
    if isinstance(expr, ast.Literal) and isinstance(expr.value, str):
        return expr.value
    if isinstance(expr, ast.Template) and all(isinstance(p, str) for p in expr.parts):
        return "".join(p for p in expr.parts if isinstance(p, str))
    return None


def is_local_source(source: str) -> bool:
    return source.startswith(("./", "../", ".\\", "..\\")) or source in (".", "..")


def read_manifest(root_dir: str, max_bytes: int = SIDE_FILE_LIMIT,
                  notices: list[Notice] | None = None) -> dict[str, str]:
    """`.terraform/modules/modules.json` of a root module: module key -> directory
    (relative to the root). Empty when absent or unreadable; a manifest over `max_bytes`
    (or not a regular file) is not read, with a warning in `notices`."""
    path = os.path.join(root_dir, MANIFEST)
    if not os.path.lexists(path):
        return {}
    try:
        data = json.loads(read_bytes(path, max_bytes))
    except SourceError as exc:
        if notices is not None:
            notices.append(Notice("warning", f"{exc.message}; downloaded modules are not "
                                  "evaluated", exc.file, exc.line, exc.hint,
                                  code="module-manifest"))
        return {}
    except (ValueError, RecursionError):
        return {}
    out: dict[str, str] = {}
    modules = data.get("Modules") if isinstance(data, dict) else None
    for entry in modules if isinstance(modules, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("Key"), str) \
                and isinstance(entry.get("Dir"), str) and entry["Key"]:
            out[entry["Key"]] = entry["Dir"]
    return out
