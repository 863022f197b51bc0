"""Scan Terraform directories: find the root modules, apply variable values, evaluate
every module instance and return its resources as NativeResources.

A directory that another scanned directory calls as a local module is not a root (its
resources come through the call, addressed `module.NAME...`); every other directory
is. Variable values of a root, later wins: `variable` defaults, `terraform.tfvars`,
`terraform.tfvars.json`, `*.auto.tfvars(.json)` in lexical order, then `var_files`
(paths relative to the working directory), then `variables` (`--var NAME=VALUE`: taken
literally for variables of a primitive or unspecified type, otherwise read as an HCL
expression when it parses as one).

Each root module is one scan unit with its own evaluation budget. Files are read only up
to the scan's `max_file_size` (5 MiB when not given); `file()`, `fileset()`,
`templatefile()` and the like read only inside the scanned tree (`scan_paths`: each root
uses the scanned directory that holds it, or the root's own directory when a file was
given; without `scan_paths`, the directory all scanned directories share).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from types import MappingProxyType
from typing import Any

from govern.errors import SourceError
from govern.model.finding import Notice
from govern.model.unknown import Unknown
from govern.parsers.budget import DEFAULT_LIMITS, BudgetExceeded, Limits, unit_budget
from govern.parsers.native import NativeResource, ParseResult
from govern.parsers.terraform import hcl_ast as ast
from govern.parsers.terraform.emit import emit_module
from govern.parsers.terraform.evaluator import Evaluator, MappingScope, NoticeSink, RefRecorder
from govern.parsers.terraform.files import SIDE_FILE_LIMIT, parse_config_file
from govern.parsers.terraform.fn_base import FunctionContext
from govern.parsers.terraform.instance import ModuleInstance, RootContext
from govern.parsers.terraform.module_loader import (
    ModuleDef,
    ModuleLoader,
    SharedModules,
    is_local_source,
    parse_error_notice,
    read_manifest,
    static_string,
)
from govern.parsers.terraform.templates import parse_expression, template_renderer
from govern.parsers.terraform.values import EvalError, EvaluationStopped

_NO_VARIABLES: Mapping[str, str] = MappingProxyType({})
_PRIMITIVE_TYPES = ("string", "number", "bool")
_RECURSION_LIMIT = 20000


def scan_terraform(dirs: Sequence[str], var_files: Sequence[str] = (),
                   variables: Mapping[str, str] = _NO_VARIABLES,
                   skip_files: Collection[str] = frozenset(),
                   planned_roots: Mapping[str, str] = _NO_VARIABLES,
                   scan_paths: Sequence[str] | None = None,
                   max_file_size: int | None = None,
                   limits: Limits = DEFAULT_LIMITS,
                   roots: Sequence[str] | None = None,
                   modules: SharedModules | None = None) -> ParseResult:
    """Every resource of every root module among `dirs` (directories holding `.tf` or
    `.tf.json` files), with notices for what could not be read or evaluated.

    `skip_files`: Terraform files not to read (the discoverer already reported them).
    `planned_roots`: root module directory -> the plan JSON beside it; such a root is
    scanned through its plan (which knows more), not evaluated again from its source.
    `roots`: the root modules among `dirs`, when they are known (`root_groups`); every
    directory of `dirs` is read all the same, so that its problems are reported.
    `modules`: the modules this scan read already (`ModuleLoader`'s `shared`).
    """
    limit = SIDE_FILE_LIMIT if max_file_size is None else max_file_size
    loader = ModuleLoader(skip_files, limit, modules)
    sink = NoticeSink()
    result = ParseResult()
    extra_files: list[str] = []
    unique_dirs = list(dict.fromkeys(os.path.normpath(d) for d in dirs))
    trees = _trees(scan_paths, unique_dirs)
    with _recursion_limit(_RECURSION_LIMIT):
        planned = {os.path.normpath(d): plan for d, plan in planned_roots.items()}
        if roots is None:
            roots = find_roots(unique_dirs, loader)
        else:
            for directory in unique_dirs:
                loader.load(directory)
        for root in (os.path.normpath(r) for r in roots):
            if root in planned:
                sink.add(Notice("note", f"root module scanned through its plan "
                                f"{planned[root]}", root, None, code="scanned-as-plan"))
                continue
            with unit_budget(limits):
                _scan_root(root, loader, sink, var_files, variables, extra_files,
                           result.resources, _tree_of(root, trees))
    notices = [n for m in loader.modules() for n in m.notices] + sink.notices
    result.notices = sorted(set(notices), key=_notice_key)
    result.files = sorted(set(loader.files_read()) | set(extra_files))
    return result


def _scan_root(root: str, loader: ModuleLoader, sink: NoticeSink, var_files: Sequence[str],
               variables: Mapping[str, str], extra_files: list[str],
               out: list[NativeResource], tree: str) -> None:
    """Evaluate one root module (one scan unit, within its own budget) into `out`; what
    was emitted before the budget ran out is kept."""
    try:
        context = _root_context(root, loader, sink, tree)
        module = loader.load(root)
        inputs = root_values(module, root, var_files, variables, context, extra_files)
        instance = ModuleInstance(context, module, "", ".", "", inputs, {},
                                  (os.path.abspath(root),))
        for resource in emit_module(instance):
            out.append(resource)
    except EvaluationStopped:
        sink.add(Notice("error", f"root module {root}: evaluation stopped at the budget; "
                        "its remaining resources were not judged", root, None,
                        BudgetExceeded.hint, code="budget-exceeded"))
    except BudgetExceeded as exc:
        sink.add(Notice("error", f"root module {root}: {exc.render()}", root, None,
                        exc.hint, code="budget-exceeded"))
    except RecursionError:
        sink.add(Notice("error", "the configuration nests too deeply to evaluate",
                        root, None, code="eval-error"))


def _notice_key(notice: Notice) -> tuple[str, int, str, str]:
    return (notice.file or "", notice.line or 0, notice.code, notice.message)


@contextmanager
def _recursion_limit(limit: int) -> Iterator[None]:
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous, limit))
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)


def find_roots(dirs: Sequence[str], loader: ModuleLoader) -> list[str]:
    """The directories not called as a local module by another scanned directory (plus,
    for directories that only call each other, the first of each such group)."""
    return [group[0] for group in root_groups(dirs, loader)]


def root_groups(dirs: Sequence[str], loader: ModuleLoader,
                may_call: Callable[[str], bool] | None = None) -> list[tuple[str, ...]]:
    """Each root among `dirs` (`find_roots`, in path order), then the other directories
    of `dirs` it calls, directly or not (in path order). `may_call`: whether a directory
    may call modules at all (one that cannot is not parsed here)."""
    by_abs = {os.path.abspath(d): d for d in dirs}
    calls: dict[str, set[str]] = {}
    for directory in dirs:
        targets: set[str] = set()
        if may_call is not None and not may_call(directory):
            calls[os.path.abspath(directory)] = targets
            continue
        for decl in loader.load(directory).calls.values():
            source_attr = decl.block.body.attributes.get("source")
            source = static_string(source_attr.expr) if source_attr is not None else None
            if source is not None and is_local_source(source):
                target = os.path.abspath(os.path.join(directory, source))
                if target in by_abs and target != os.path.abspath(directory):
                    targets.add(target)
        calls[os.path.abspath(directory)] = targets
    called = set().union(*calls.values()) if calls else set()
    roots = sorted(a for a in by_abs if a not in called)
    reached = _reachable(roots, calls)
    for candidate in sorted(by_abs):
        if candidate not in reached:
            roots.append(candidate)
            reached |= _reachable([candidate], calls)
    return [(by_abs[root], *(by_abs[d] for d in sorted(_reachable([root], calls) - {root})))
            for root in sorted(roots)]


def _reachable(starts: list[str], calls: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    todo = list(starts)
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(calls.get(current, ()))
    return seen


def _trees(scan_paths: Sequence[str] | None, dirs: Sequence[str]) -> list[str]:
    """The real paths of the directory trees functions may read in."""
    if scan_paths:
        return [os.path.realpath(p if os.path.isdir(p) else os.path.dirname(p) or ".")
                for p in scan_paths]
    if not dirs:
        return []
    return [os.path.commonpath([os.path.realpath(d) for d in dirs])]


def _tree_of(root: str, trees: Sequence[str]) -> str:
    """The deepest scanned tree holding `root` (the root itself when none does)."""
    real = os.path.realpath(root)
    holding = [t for t in trees if real == t or real.startswith(t.rstrip(os.sep) + os.sep)]
    return max(holding, key=len) if holding else real


def _root_context(root: str, loader: ModuleLoader, sink: NoticeSink,
                  tree: str | None = None) -> RootContext:
    recorder = RefRecorder()
    ctx = FunctionContext(base_dir=root, tree=tree, max_bytes=loader.max_bytes)
    ctx.render_template = template_renderer(ctx, recorder, sink)
    notices: list[Notice] = []
    manifest = read_manifest(root, loader.max_bytes, notices)
    for notice in notices:
        sink.add(notice)
    return RootContext(root_dir=root, loader=loader, sink=sink, recorder=recorder, ctx=ctx,
                       manifest=manifest)


# ----- variable values ---------------------------------------------------------------------


def auto_var_files(root: str) -> list[str]:
    try:
        names = sorted(os.listdir(root))
    except OSError:
        return []
    fixed = [n for n in ("terraform.tfvars", "terraform.tfvars.json") if n in names]
    auto = [n for n in names if n.endswith((".auto.tfvars", ".auto.tfvars.json"))]
    paths = [os.path.normpath(os.path.join(root, n)) for n in fixed + auto]
    return [p for p in paths if not os.path.isdir(p)]  # a FIFO is refused when read


def root_values(module: ModuleDef, root: str, var_files: Sequence[str],
                variables: Mapping[str, str], context: RootContext,
                files_read: list[str]) -> dict[str, Any]:
    """Thunks giving each root variable's value set outside the configuration."""
    values: dict[str, Any] = {}
    evaluator = Evaluator(MappingScope({}), context.ctx, context.recorder, context.sink)
    for path in [*auto_var_files(root), *var_files]:
        files_read.append(path)
        values.update(read_var_file(path, evaluator, context.sink, context.loader.max_bytes))
    for name, text in variables.items():
        values[name] = cli_value(module, name, text, evaluator)
    return {name: _constant(value) for name, value in values.items()}


def _constant(value: Any) -> Any:
    return lambda: value


def read_var_file(path: str, evaluator: Evaluator, sink: NoticeSink,
                  max_bytes: int = SIDE_FILE_LIMIT) -> dict[str, Any]:
    try:
        config = parse_config_file(path, max_bytes)
    except SourceError as exc:
        sink.add(parse_error_notice(exc))
        return {}
    for notice in config.notices:
        sink.add(notice)
    out: dict[str, Any] = {}
    for name, attr in config.body.attributes.items():
        out[name] = evaluator.attribute_value(attr.expr, {}, path, f"variable {name}")
    for block in config.body.blocks:
        sink.add(Notice("warning", f"a variables file cannot contain blocks ({block.type})",
                        path, block.line, code="eval-error"))
    return out


def cli_value(module: ModuleDef, name: str, text: str, evaluator: Evaluator) -> Any:
    """A `--var NAME=VALUE` value: literal for primitive (or untyped) variables, else the
    HCL expression it spells when it parses as one (otherwise the text)."""
    decl = module.variables.get(name)
    type_attr = decl.block.body.attributes.get("type") if decl is not None else None
    if type_attr is None or _is_primitive_type(type_attr.expr):
        return text
    expr = parse_expression(text)
    if expr is None:
        return text
    try:
        value = evaluator.value(expr)
    except EvalError:
        return text
    return text if isinstance(value, Unknown) else value


def _is_primitive_type(expr: ast.Expr) -> bool:
    if isinstance(expr, ast.Variable):
        return expr.name in _PRIMITIVE_TYPES
    return static_string(expr) in _PRIMITIVE_TYPES
