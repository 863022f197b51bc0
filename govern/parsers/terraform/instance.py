"""One instance of a module (`module.net`, `module.m["a"]`, or a root): the scope its
expressions are evaluated in.

Everything is lazy and memoized per instance: variables, locals and outputs are
evaluated when first referenced; resources and module calls are expanded (`count`,
`for_each`) when first referenced or emitted; child instances are created once.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from govern.model.finding import Notice, NoticeLevel
from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from govern.parsers.budget import BudgetExceeded
from govern.parsers.terraform import hcl_ast as ast
from govern.parsers.terraform.body import BodyValues
from govern.parsers.terraform.evaluator import Env, Evaluator, NoticeSink, RefRecorder
from govern.parsers.terraform.fn_base import FunctionContext
from govern.parsers.terraform.module_loader import (
    Decl,
    ModuleDef,
    ModuleLoader,
    ResourceDecl,
    is_local_source,
    static_string,
)
from govern.parsers.terraform.resource_instance import InstanceRef, ResourceInstance
from govern.parsers.terraform.typeconv import TypeSpec, convert, parse_type
from govern.parsers.terraform.values import (
    EvalError,
    InstanceList,
    InstanceMap,
    LazyDict,
    LazyList,
    LazyValue,
    check_value,
    first_unknown,
    is_number,
    make_set,
    to_string,
    type_name,
)

MAX_DEPTH = 32
PROVIDER_BLOCKS = ("default_tags", "ignore_tags", "assume_role", "assume_role_with_web_identity",
                   "endpoints", "features")
CALL_META = frozenset({"source", "version", "count", "for_each", "providers", "depends_on"})
InstanceKey = int | str | None
Thunk = Callable[[], Any]


@dataclass
class RootContext:
    """What all module instances under one root module share."""

    root_dir: str
    loader: ModuleLoader
    sink: NoticeSink
    recorder: RefRecorder
    ctx: FunctionContext
    manifest: dict[str, str] = field(default_factory=dict)
    type_cache: dict[int, TypeSpec | None] = field(default_factory=dict)


@dataclass(frozen=True)
class ProviderRef:
    owner: ModuleInstance
    key: str


@dataclass
class Expansion:
    """`count`/`for_each` of a resource or module call, evaluated. `kind` is single,
    count, for_each or unknown (one keyless instance with count/each Unknown)."""

    kind: str
    keys: list[tuple[InstanceKey, Env]]
    reason: str = ""


def key_text(key: InstanceKey) -> str:
    if key is None:
        return ""
    if isinstance(key, int):
        return f"[{key}]"
    return "[" + json.dumps(key, ensure_ascii=False) + "]"


def join_address(prefix: str, local: str) -> str:
    return f"{prefix}.{local}" if prefix else local


def traversal_name(expr: ast.Expr) -> str | None:
    """`aws` or `aws.west` written as a reference (or, in old configurations, a string)."""
    if isinstance(expr, ast.Variable):
        return expr.name
    if isinstance(expr, ast.GetAttr) and isinstance(expr.obj, ast.Variable):
        return f"{expr.obj.name}.{expr.name}"
    if isinstance(expr, ast.Parens):
        return traversal_name(expr.expr)
    return static_string(expr)


class ModuleInstance:
    """The scope of one module instance."""

    def __init__(self, root: RootContext, module: ModuleDef, prefix: str, path_module: str,
                 manifest_key: str, inputs: dict[str, Thunk],
                 providers: dict[str, ProviderRef], chain: tuple[str, ...]) -> None:
        self.root = root
        self.module = module
        self.prefix = prefix
        self.path_module = path_module
        self.manifest_key = manifest_key
        self.inputs = inputs
        self.chain = chain
        self.evaluator = Evaluator(self, root.ctx, root.recorder, root.sink)
        self.providers = dict(providers)
        for key in module.providers:
            self.providers[key] = ProviderRef(self, key)
        self._roots: dict[str, Any] = {}
        self._vars: dict[str, tuple[Any, frozenset[str]]] = {}
        self._locals: dict[str, tuple[Any, frozenset[str]]] = {}
        self._outputs: dict[str, tuple[Any, frozenset[str]]] = {}
        self._active: set[str] = set()
        self._expanding: set[str] = set()
        self._expansions: dict[str, list[ResourceInstance] | Unknown] = {}
        self._expansion_kinds: dict[str, Expansion] = {}
        self._calls: dict[str, ModuleCall] = {}
        self._provider_values: dict[str, dict[str, Any]] = {}

    # ----- Scope ------------------------------------------------------------------------

    def lookup(self, name: str) -> Any:
        value = self._roots.get(name)
        if value is None:
            value = self._make_root(name)
            self._roots[name] = value
        return value

    def _make_root(self, name: str) -> Any:
        if name == "var":
            return _Named(self.variable, "var")
        if name == "local":
            return _Named(self.local, "local")
        if name == "module":
            return _Named(self.module_value, "module")
        if name == "data":
            return _Named(lambda t: _Named(lambda n: self.resource_value(f"data.{t}.{n}"),
                                           f"data.{t}"), "data")
        if name == "path":
            return {"module": self.path_module, "root": ".",
                    "cwd": os.path.abspath(self.root.root_dir)}
        if name == "terraform":
            return {"workspace": "default"}
        if name in ("count", "each"):
            raise EvalError(f"{name} is only available in blocks that set {name}"
                            if name == "count" else "each is only available with for_each")
        if name == "self":
            raise EvalError("self is only available in provisioner and connection blocks")
        if name in self.module.managed_types:
            return _Named(lambda n: self.resource_value(f"{name}.{n}"), name)
        raise EvalError(f"unknown name {name!r} (no such resource type, variable or object)")

    # ----- variables, locals, outputs ---------------------------------------------------

    def _memo(self, table: dict[str, tuple[Any, frozenset[str]]], key: str,
              compute: Callable[[], Any], where: tuple[str, int], what: str) -> Any:
        found = table.get(key)
        if found is not None:
            self.root.recorder.add_all(set(found[1]))
            return found[0]
        marker = f"{id(table)}:{key}"
        if marker in self._active:
            self.root.sink.add(Notice("warning", f"{what} refers to itself", where[0], where[1],
                                      code="eval-cycle"))
            return Unknown(f"{what} refers to itself")
        self._active.add(marker)
        qualified = self._qualified(what)
        try:
            with self.root.recorder.collect() as refs:
                try:
                    with self.evaluator.budget.nested(qualified):
                        value = compute()
                        check_value(value, qualified)
                except BudgetExceeded as exc:  # once, at the declaration; then Unknown
                    value = self.evaluator.budget_exceeded(exc, qualified, where[0], where[1])
        finally:
            self._active.discard(marker)
        table[key] = (value, frozenset(refs))
        return value

    def _qualified(self, what: str) -> str:
        return what if what.startswith("module.") or not self.prefix \
            else f"{self.prefix}.{what}"

    def variable(self, name: str) -> Any:
        decl = self.module.variables.get(name)
        if decl is None:
            raise EvalError(f"reference to undeclared input variable {name!r}")
        return self._memo(self._vars, name, lambda: self._variable_value(name, decl),
                          (decl.file, decl.block.line), f"var.{name}")

    def _variable_value(self, name: str, decl: Decl) -> Any:
        body = decl.block.body
        default_attr = body.attributes.get("default")
        what = f"var.{name}"
        if name in self.inputs:
            value = self.inputs[name]()
        elif default_attr is not None:
            value = self.evaluator.attribute_value(default_attr.expr, {}, decl.file, what)
        elif self.prefix:
            value = Unknown(f"module input {name} is not set")
        else:
            value = Unknown(f"variable {name} has no value (no default, tfvars or --var)",
                            origin=f"var.{name}")
        nullable = body.attributes.get("nullable")
        if value is None and default_attr is not None and nullable is not None \
                and isinstance(nullable.expr, ast.Literal) and nullable.expr.value is False:
            value = self.evaluator.attribute_value(default_attr.expr, {}, decl.file, what)
        spec = self._variable_type(decl)
        if spec is None:
            return value
        try:
            return convert(value, spec)
        except EvalError as exc:
            self.root.sink.add(Notice("warning", f"{what}: value does not match its type: {exc}",
                                      decl.file, decl.block.line, code="eval-error"))
            return value

    def _variable_type(self, decl: Decl) -> TypeSpec | None:
        key = id(decl.block)
        if key not in self.root.type_cache:
            spec: TypeSpec | None = None
            type_attr = decl.block.body.attributes.get("type")
            if type_attr is not None:
                try:
                    spec = parse_type(type_attr.expr, self.evaluator.value)
                except EvalError:
                    spec = None
            self.root.type_cache[key] = spec
        return self.root.type_cache[key]

    def local(self, name: str) -> Any:
        decl = self.module.locals.get(name)
        if decl is None:
            raise EvalError(f"reference to undeclared local value {name!r}")
        return self._memo(
            self._locals, name,
            lambda: self.evaluator.attribute_value(decl.attr.expr, {}, decl.file, f"local.{name}"),
            (decl.file, decl.attr.line), f"local.{name}")

    def output(self, name: str) -> Any:
        decl = self.module.outputs.get(name)
        if decl is None:
            raise EvalError(f"{self.prefix or 'the module'} has no output {name!r}")
        value_attr = decl.block.body.attributes.get("value")
        if value_attr is None:
            return None
        what = f"{self.prefix}.{name}" if self.prefix else f"output.{name}"
        return self._memo(
            self._outputs, name,
            lambda: self.evaluator.attribute_value(value_attr.expr, {}, decl.file, what),
            (decl.file, decl.block.line), what)

    # ----- count / for_each --------------------------------------------------------------

    def expand(self, body: ast.Body, file: str, address: str) -> Expansion:
        count = body.attributes.get("count")
        for_each = body.attributes.get("for_each")
        budget = self.evaluator.budget
        if count is not None:
            value = self.evaluator.attribute_value(count.expr, {}, file, f"{address} count")
            if is_number(value) and math.isfinite(value) and int(value) == value and value >= 0:
                budget.expand(int(value), address)
                return Expansion("count", [(i, {"count": {"index": i}}) for i in range(int(value))])
            if is_number(value) and math.isinf(value) and value > 0:
                budget.expand(budget.limits.instances + 1, address)
            return self._unknown_expansion(value, file, count.line, address, "count")
        if for_each is not None:
            value = self.evaluator.attribute_value(for_each.expr, {}, file, f"{address} for_each")
            keys = _for_each_keys(value)
            if keys is None:
                return self._unknown_expansion(value, file, for_each.line, address, "for_each")
            budget.expand(len(keys), address)
            return Expansion("for_each", [(k, {"each": {"key": k, "value": v}}) for k, v in keys])
        budget.expand(1, address)
        return Expansion("single", [(None, {})])

    def _bounded_expand(self, body: ast.Body, file: str, address: str, line: int) -> Expansion:
        """`expand`, or no instance at all (and an error notice) when the instances would
        go over the budget: the block could not be judged."""
        try:
            return self.expand(body, file, address)
        except BudgetExceeded as exc:
            meta = body.attributes.get("count") or body.attributes.get("for_each")
            unknown = self.evaluator.budget_exceeded(exc, address, file,
                                                     meta.line if meta else line)
            return Expansion("unknown", [], unknown.reason)

    def _unknown_expansion(self, value: Any, file: str, line: int, address: str,
                           meta: str) -> Expansion:
        local = address[len(self.prefix) + 1:] if self.prefix else address
        found = first_unknown(value)
        if found is not None:
            why = f"{meta} of {address} is not known statically"
            notice = f"{meta} of {local} is not known statically ({found.reason})"
        else:
            why = f"{meta} of {address} is not valid"
            notice = f"{meta} of {local} is not valid (a {type_name(value)} value)"
        # one notice per block, whatever the module instance
        self.root.sink.add(Notice("warning", f"{notice}; evaluated as one instance",
                                  file, line, code="unknown-expansion"))
        unknown = Unknown(why)
        env: Env = ({"count": {"index": unknown}} if meta == "count"
                    else {"each": {"key": unknown, "value": unknown}})
        return Expansion("unknown", [(None, env)], why)

    # ----- resources ---------------------------------------------------------------------

    def resource_instances(self, local: str) -> tuple[Expansion, list[ResourceInstance]]:
        decl = self.module.resources[local]
        instances = self._expansions.get(local)
        expansion = self._expansion_kinds.get(local)
        if instances is None or expansion is None:
            base = join_address(self.prefix, local)
            if local in self._expanding:
                raise EvalError(f"the count or for_each of {base} refers to {base} itself")
            self._expanding.add(local)
            try:
                with self.root.recorder.collect(propagate=False) as refs:
                    expansion = self._bounded_expand(decl.block.body, decl.file, base,
                                                     decl.block.line)
            finally:
                self._expanding.discard(local)
            instances = [ResourceInstance(self, decl, base + key_text(key), env, frozenset(refs))
                         for key, env in expansion.keys]
            self._expansions[local] = instances
            self._expansion_kinds[local] = expansion
        assert isinstance(instances, list)
        return expansion, instances

    def resource_value(self, local: str) -> Any:
        if local not in self.module.resources:
            raise EvalError(f"reference to undeclared resource {local}")
        expansion, instances = self.resource_instances(local)
        base = join_address(self.prefix, local)
        if expansion.kind == "single":
            return InstanceRef(instances[0])
        if expansion.kind == "count":
            return InstanceList([InstanceRef(i) for i in instances], base)
        if expansion.kind == "for_each":
            return InstanceMap({str(key): InstanceRef(i)
                                for (key, _env), i in zip(expansion.keys, instances, strict=True)},
                               base)
        self.root.recorder.record(base)
        return Unknown(expansion.reason, ref=base)

    # ----- providers -----------------------------------------------------------------------

    def provider_for(self, decl: ResourceDecl) -> ProviderRef | None:
        attr = decl.block.body.attributes.get("provider")
        key = traversal_name(attr.expr) if attr is not None else decl.type.split("_", 1)[0]
        return self.providers.get(key) if key else None

    def provider_config(self, key: str) -> tuple[dict[str, Any], SourceRange]:
        decl = self.module.providers[key]
        values = self._provider_values.get(key)
        if values is None:
            body = BodyValues(decl.block.body, self.evaluator, {}, decl.file, f"provider.{key}")
            values, _locations, _refs = body.evaluate_all()
            if decl.file.endswith(".json"):
                # JSON syntax cannot tell nested blocks from attributes without a schema
                for name in PROVIDER_BLOCKS:
                    if isinstance(values.get(name), dict):
                        values[name] = [values[name]]
            self._provider_values[key] = values
        return values, SourceRange(decl.file, decl.block.line, decl.block.end_line)

    # ----- module calls ----------------------------------------------------------------------

    def module_value(self, name: str) -> Any:
        if name not in self.module.calls:
            raise EvalError(f"reference to undeclared module {name!r}")
        call = self.call(name)
        if call.unavailable:
            return UnavailableModule(call.unavailable)
        kind = call.expansion.kind if call.expansion else "single"
        refs = [ModuleRef(c) for c in call.instances.values()]
        if kind == "single":
            return refs[0]
        if kind == "count":
            return LazyList(refs)
        if kind == "for_each":
            return LazyDict({str(k): r for k, r in zip(call.instances, refs, strict=True)})
        return Unknown(call.expansion.reason if call.expansion else "not known")

    def call(self, name: str) -> ModuleCall:
        found = self._calls.get(name)
        if found is None:
            marker = f"module.{name}"
            if marker in self._expanding:
                raise EvalError(f"the count or for_each of {join_address(self.prefix, marker)} "
                                "refers to the module itself")
            self._expanding.add(marker)
            try:
                found = self._make_call(name, self.module.calls[name])
            finally:
                self._expanding.discard(marker)
            self._calls[name] = found
        return found

    def _make_call(self, name: str, decl: Decl) -> ModuleCall:
        base = join_address(self.prefix, f"module.{name}")
        body = decl.block.body
        source_attr = body.attributes.get("source")
        source = static_string(source_attr.expr) if source_attr is not None else None
        if source is None:
            return self._unavailable(decl, f"the source of {base} is not a literal string",
                                     "warning")
        target = self._resolve_source(name, source)
        if target is None:
            return self._unavailable(decl, f"module source {source} not downloaded", "note",
                                     hint="run terraform init (or terraform get) so that "
                                          ".terraform/modules/modules.json lists it")
        child_dir, child_path = target
        absolute = os.path.abspath(child_dir)
        if absolute in self.chain:
            return self._unavailable(decl, f"{base} calls a module that is already being "
                                           f"expanded ({source}): recursion", "error")
        if len(self.chain) >= MAX_DEPTH:
            return self._unavailable(decl, f"{base}: modules nested more than {MAX_DEPTH} deep",
                                     "error")
        module = self.root.loader.load(child_dir)
        if not module.exists:
            return self._unavailable(decl, f"module source {source} has no Terraform files",
                                     "warning")
        expansion = self._bounded_expand(body, decl.file, base, decl.block.line)
        if not expansion.keys and expansion.kind == "unknown":
            return ModuleCall({}, expansion, expansion.reason)
        providers = self._child_providers(decl)
        key_base = f"{self.manifest_key}.{name}" if self.manifest_key else name
        instances: dict[InstanceKey, ModuleInstance] = {}
        for key, env in expansion.keys:
            inputs = {attr_name: self._input_thunk(attr, env, decl.file, base)
                      for attr_name, attr in body.attributes.items() if attr_name not in CALL_META}
            instances[key] = ModuleInstance(
                self.root, module, base + key_text(key), child_path, key_base, inputs,
                providers, (*self.chain, absolute))
        return ModuleCall(instances, expansion, "")

    def _input_thunk(self, attr: ast.Attribute, env: Env, file: str, base: str) -> Thunk:
        def thunk() -> Any:
            return self.evaluator.attribute_value(attr.expr, env, file, f"{base}.{attr.name}")

        return thunk

    def _unavailable(self, decl: Decl, reason: str, level: NoticeLevel,
                     hint: str | None = None) -> ModuleCall:
        code = {"note": "module-not-downloaded", "warning": "module-unavailable",
                "error": "module-recursion"}[level]
        self.root.sink.add(Notice(level, reason, decl.file, decl.block.line, hint, code=code))
        return ModuleCall({}, None, reason)

    def _resolve_source(self, name: str, source: str) -> tuple[str, str] | None:
        """(directory to read, path.module) of a module source, or None if not available."""
        if is_local_source(source):
            directory = os.path.normpath(os.path.join(self.module.dir, source))
            path_module = os.path.normpath(os.path.join(self.path_module, source))
            return directory, path_module.replace(os.sep, "/")
        key = f"{self.manifest_key}.{name}" if self.manifest_key else name
        relative = self.root.manifest.get(key)
        if relative is None:
            return None
        directory = os.path.normpath(os.path.join(self.root.root_dir, relative))
        if not os.path.isdir(directory):
            return None
        return directory, os.path.normpath(relative).replace(os.sep, "/")

    def _child_providers(self, decl: Decl) -> dict[str, ProviderRef]:
        attr = decl.block.body.attributes.get("providers")
        if attr is None:
            return {k: v for k, v in self.providers.items() if "." not in k}
        out: dict[str, ProviderRef] = {}
        items = attr.expr.items if isinstance(attr.expr, ast.ObjectExpr) else ()
        for item in items:
            child_key = traversal_name(item.key)
            parent_key = traversal_name(item.value)
            if child_key and parent_key and parent_key in self.providers:
                out[child_key] = self.providers[parent_key]
        return out


@dataclass
class ModuleCall:
    """A module block, expanded: its instances by key (empty when unavailable)."""

    instances: dict[InstanceKey, ModuleInstance]
    expansion: Expansion | None
    unavailable: str


def _for_each_keys(value: Any) -> list[tuple[str, Any]] | None:
    """The (each.key, each.value) pairs of a for_each value; None when not usable."""
    if isinstance(value, dict):
        return [(k, value[k]) for k in sorted(value)]
    if isinstance(value, list):
        if first_unknown(value) is not None:
            return None
        if not all(isinstance(v, str) or is_number(v) or isinstance(v, bool) for v in value):
            return None
        keys = make_set([to_string(v) for v in value])
        assert isinstance(keys, list)
        return [(k, k) for k in keys]
    return None


class ModuleRef(LazyValue):
    """A reference to one module instance's outputs (`module.net`)."""

    def __init__(self, instance: ModuleInstance) -> None:
        self.instance = instance

    def get_attr(self, name: str) -> Any:
        return self.instance.output(name)

    def get_index(self, key: Any) -> Any:
        raise EvalError(f"{self.instance.prefix} is a single instance and cannot be indexed")

    def materialize(self) -> Any:
        return {name: self.instance.output(name) for name in self.instance.module.outputs}


class UnavailableModule(LazyValue):
    """A module whose source could not be read: every output is Unknown."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def get_attr(self, name: str) -> Any:
        return Unknown(self.reason)

    def get_index(self, key: Any) -> Any:
        return Unknown(self.reason)

    def materialize(self) -> Any:
        return Unknown(self.reason)


class _Named(LazyValue):
    """A namespace object (`var`, `local`, `module`, `data.TYPE`, a resource type)."""

    def __init__(self, resolve: Callable[[str], Any], what: str) -> None:
        self.resolve = resolve
        self.what = what

    def get_attr(self, name: str) -> Any:
        return self.resolve(name)

    def get_index(self, key: Any) -> Any:
        raise EvalError(f"{self.what} cannot be indexed")

    def materialize(self) -> Any:
        raise EvalError(f"{self.what} cannot be used as a whole value")
