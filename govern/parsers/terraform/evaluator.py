"""Evaluate HCL expressions (`hcl_ast`) to values, with Terraform's semantics.

An `Evaluator` walks one expression in a `Scope` (which resolves root names such as
`var`, `local`, `module`, `data`, resource types) plus an `env` of names bound by the
expression's surroundings (`count`, `each`, for-expression variables, a dynamic block's
iterator). Anything Terraform would reject raises `EvalError`; `try()`/`can()` catch it,
and `attribute_value` turns it into an Unknown plus a warning notice.

Every expression node, loop iteration and function result is charged to the scan unit's
budget (`govern.parsers.budget`). Going over a limit that concerns one value (its size,
its nesting, the instances of one block) makes that attribute Unknown with an `error`
notice (`budget-exceeded`: it could not be judged); using up the unit's steps or
instances also stops the unit's evaluation (`EvaluationStopped`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Protocol

from govern.model.finding import Notice
from govern.model.unknown import PartialString, Unknown
from govern.parsers.budget import BudgetExceeded, current
from govern.parsers.terraform import hcl_ast as ast
from govern.parsers.terraform.fn_base import FunctionContext
from govern.parsers.terraform.functions import CONTAINER_FUNCTIONS, call_function
from govern.parsers.terraform.values import (
    EvalError,
    EvaluationStopped,
    InstanceList,
    InstanceMap,
    LazyValue,
    NotRead,
    ResourceObject,
    check_value,
    equal_or_unknown,
    first_unknown,
    lazy_dict,
    lazy_list,
    materialize,
    normalize_number,
    tf_equal,
    to_bool,
    to_int,
    to_number,
    to_string,
    type_name,
)

Env = Mapping[str, Any]
SPLAT_ITEM = "\x00splat"
EMPTY_ENV: Env = {}


class Scope(Protocol):
    def lookup(self, name: str) -> Any:
        """The value of a root name (`var`, `local`, `aws_s3_bucket`, ...); raises
        EvalError for a name that does not exist here."""
        ...


class MappingScope:
    """A scope over fixed names (templatefile variables, tfvars, tests)."""

    def __init__(self, names: Mapping[str, Any]) -> None:
        self.names = names

    def lookup(self, name: str) -> Any:
        if name in self.names:
            return self.names[name]
        raise EvalError(f"unknown variable {name!r}")


class RefRecorder:
    """Collects the resource addresses that expressions refer to (a stack, so memoized
    values such as locals can remember their own references)."""

    def __init__(self) -> None:
        self._stack: list[set[str]] = []

    def record(self, address: str) -> None:
        if self._stack:
            self._stack[-1].add(address)

    def add_all(self, addresses: set[str]) -> None:
        if self._stack and addresses:
            self._stack[-1].update(addresses)

    @contextmanager
    def collect(self, propagate: bool = True) -> Iterator[set[str]]:
        """Collect the references made inside the block; with `propagate` they also
        count for the enclosing collection (a local's references are its users')."""
        found: set[str] = set()
        self._stack.append(found)
        try:
            yield found
        finally:
            self._stack.pop()
            if propagate:
                self.add_all(found)


class NoticeSink:
    """Notices in the order they were first reported, without duplicates."""

    def __init__(self) -> None:
        self._seen: set[Notice] = set()
        self.notices: list[Notice] = []

    def add(self, notice: Notice) -> None:
        if notice not in self._seen:
            self._seen.add(notice)
            self.notices.append(notice)


class Evaluator:
    """Evaluates expressions of one module instance (or one template)."""

    def __init__(self, scope: Scope, ctx: FunctionContext,
                 recorder: RefRecorder | None = None, sink: NoticeSink | None = None) -> None:
        self.scope = scope
        self.ctx = ctx
        self.recorder = recorder or RefRecorder()
        self.sink = sink or NoticeSink()
        self.budget = current()

    # ----- entry points ----------------------------------------------------------------

    def eval(self, expr: ast.Expr, env: Env = EMPTY_ENV) -> Any:
        """The value of `expr`; may hold LazyValues; raises EvalError."""
        budget = self.budget
        budget.steps += 1
        if budget.steps > budget.limits.steps:
            budget.step(0)  # raises BudgetExceeded
        try:
            handler = _DISPATCH[type(expr)]
        except KeyError:
            raise EvalError(f"unsupported expression {type(expr).__name__}") from None
        return handler(self, expr, env)

    def value(self, expr: ast.Expr, env: Env = EMPTY_ENV) -> Any:
        """The plain value of `expr` (LazyValues resolved); raises EvalError."""
        return materialize(self.eval(expr, env))

    def attribute_value(self, expr: ast.Expr, env: Env, file: str, what: str) -> Any:
        """The plain value of an attribute's expression; an expression Terraform would
        reject gives Unknown and a warning notice at its line."""
        try:
            return self.value(expr, env)
        except EvalError as exc:
            message = str(exc)
        except RecursionError:
            return self.not_judged(f"{what}: references nested too deeply to evaluate",
                                   file, expr.line, "simplify the chain of references",
                                   "eval-error")
        except BudgetExceeded as exc:
            return self.budget_exceeded(exc, what, file, expr.line)
        self.sink.add(Notice("warning", f"cannot evaluate {what}: {message}", file, expr.line,
                             code="eval-error"))
        return Unknown(f"cannot evaluate {what}: {message}")

    def budget_exceeded(self, exc: BudgetExceeded, what: str, file: str,
                        line: int | None) -> Unknown:
        """The error notice for `exc` at `what` (file:line); raises EvaluationStopped when
        the unit's budget is used up, else the Unknown that stands for the value."""
        where = exc.where if exc.where and exc.where != what else ""
        message = (f"{what}: {where}: {exc.render().removeprefix(exc.where + ': ')}" if where
                   else f"{what}: {exc.render().removeprefix(exc.where + ': ')}")
        return self.not_judged(message, file, line, exc.hint, "budget-exceeded")

    def not_judged(self, message: str, file: str, line: int | None, hint: str,
                   code: str) -> Unknown:
        self.sink.add(Notice("error", message, file, line, hint, code=code))
        if self.budget.exhausted:
            raise EvaluationStopped(message)
        return Unknown(message)

    def render_template(self, template: ast.Template, variables: Mapping[str, Any]) -> Any:
        """`templatefile()`: a template evaluated with only its variables in scope."""
        inner = Evaluator(MappingScope(variables), self.ctx, self.recorder, self.sink)
        result = inner.value(template)
        if isinstance(result, (Unknown, str)):
            return result
        if result is None or isinstance(result, (list, dict)):
            raise EvalError(f"templatefile: the template produced a {type_name(result)}")
        return to_string(result)

    # ----- leaves ------------------------------------------------------------------------

    def _literal(self, node: ast.Literal, env: Env) -> Any:
        return node.value

    def _parens(self, node: ast.Parens, env: Env) -> Any:
        return self.eval(node.expr, env)

    def _variable(self, node: ast.Variable, env: Env) -> Any:
        if node.name in env:
            return env[node.name]
        return self.scope.lookup(node.name)

    def _splat_item(self, node: ast.SplatItem, env: Env) -> Any:
        if SPLAT_ITEM not in env:
            raise EvalError("splat item outside a splat expression")
        return env[SPLAT_ITEM]

    # ----- templates -----------------------------------------------------------------------

    def _template(self, node: ast.Template, env: Env) -> Any:
        parts = node.parts
        if len(parts) == 1 and not isinstance(parts[0], (str, ast.TemplateIf, ast.TemplateFor)):
            return self.eval(parts[0], env)
        out: list[str | Unknown] = []
        unknown = self._render_parts(parts, env, out)
        if unknown is not None:
            return unknown
        self.budget.size(sum(map(_rendered_size, out)), "a string template")
        return _joined(out)

    def _render_parts(self, parts: tuple[ast.TemplatePart, ...], env: Env,
                      out: list[str | Unknown]) -> Unknown | None:
        """Renders into `out`; an interpolated value that is unknown as a whole goes in as
        it is (the template becomes a PartialString); anything else unknown (a condition,
        a collection, an unknown inside a list) makes the whole template that Unknown."""
        for part in parts:
            if isinstance(part, str):
                out.append(part)
                continue
            if isinstance(part, ast.TemplateIf):
                cond = self.value(part.condition, env)
                if isinstance(cond, Unknown):
                    return cond
                chosen = part.then_parts if _condition(cond) else part.else_parts
                found = self._render_parts(chosen, env, out)
            elif isinstance(part, ast.TemplateFor):
                found = self._render_for(part, env, out)
            else:
                value = self.value(part, env)
                if isinstance(value, Unknown) and value.alternatives is None:
                    out.append(value)
                    continue
                found = first_unknown(value)
                if found is None:
                    out.append(_interpolate(value))
            if found is not None:
                return found
        return None

    def _render_for(self, part: ast.TemplateFor, env: Env,
                    out: list[str | Unknown]) -> Unknown | None:
        collection = self.value(part.collection, env)
        if isinstance(collection, Unknown):
            return collection
        written = 0
        for key, item in _iterate(collection):
            inner = dict(env)
            if part.key_var is not None:
                inner[part.key_var] = key
            inner[part.value_var] = item
            before = len(out)
            found = self._render_parts(part.parts, inner, out)
            if found is not None:
                return found
            written += sum(map(_rendered_size, out[before:]))
            self.budget.size(written, "a template %{for}")
        return None

    # ----- traversals ------------------------------------------------------------------------

    def _get_attr(self, node: ast.GetAttr, env: Env) -> Any:
        return get_attr(self.eval(node.obj, env), node.name)

    def _index(self, node: ast.Index, env: Env) -> Any:
        obj = self.eval(node.obj, env)
        key = self.value(node.key, env)
        if isinstance(key, Unknown):
            if isinstance(obj, (InstanceList, InstanceMap)):
                self.recorder.record(obj.address)
                return Unknown(key.reason, ref=obj.address, origin=key.origin)
            if isinstance(obj, Unknown):
                return obj
            return key
        return get_index(obj, key)

    def _splat(self, node: ast.Splat, env: Env) -> Any:
        obj = self.eval(node.obj, env)
        if isinstance(obj, Unknown):
            return obj
        if obj is None:
            return []
        items = obj if isinstance(obj, list) else [obj]
        out: list[Any] = []
        for item in items:
            inner = dict(env)
            inner[SPLAT_ITEM] = item
            out.append(self.eval(node.each, inner))
        return lazy_list(out)

    # ----- functions -----------------------------------------------------------------------

    def _call(self, node: ast.FunctionCall, env: Env) -> Any:
        if node.name == "try":
            return self._try(node, env)
        if node.name == "can":
            return self._can(node, env)
        keep_lazy = node.name in CONTAINER_FUNCTIONS
        if keep_lazy:
            args = [self._container_arg(arg, env) for arg in node.args]
        else:
            args = [self.value(arg, env) for arg in node.args]
        if node.expand_final and args:
            last = args.pop()
            if isinstance(last, Unknown):
                return last
            if not isinstance(last, list):
                raise EvalError(f"{node.name}(...): the expanded argument must be a list")
            args.extend(last)
        result = call_function(node.name, args, self.ctx)
        if keep_lazy:
            if isinstance(result, list):
                return lazy_list(result)
            if isinstance(result, dict) and not isinstance(result, ResourceObject):
                return lazy_dict(result)
        return result

    def _container_arg(self, arg: ast.Expr, env: Env) -> Any:
        value = self.eval(arg, env)
        return materialize(value) if isinstance(value, LazyValue) else value

    def _try(self, node: ast.FunctionCall, env: Env) -> Any:
        if not node.args:
            raise EvalError("try() needs at least one argument")
        errors: list[str] = []
        for arg in node.args:
            try:
                return self.value(arg, env)
            except NotRead:
                raise
            except EvalError as exc:
                errors.append(str(exc))
        raise EvalError(f"try(): no argument could be evaluated ({errors[-1]})")

    def _can(self, node: ast.FunctionCall, env: Env) -> Any:
        if len(node.args) != 1:
            raise EvalError("can() takes exactly one argument")
        try:
            value = self.value(node.args[0], env)
        except NotRead:
            raise
        except EvalError:
            return False
        found = first_unknown(value)
        return found if found is not None else True

    # ----- operators -----------------------------------------------------------------------

    def _conditional(self, node: ast.Conditional, env: Env) -> Any:
        cond = self.value(node.condition, env)
        if isinstance(cond, Unknown):
            try:
                when_true = self.value(node.true_expr, env)
                when_false = self.value(node.false_expr, env)
            except EvalError:
                return cond
            if _same(when_true, when_false):
                return when_true
            return cond
        if _condition(cond):
            return self.eval(node.true_expr, env)
        return self.eval(node.false_expr, env)

    def _binary(self, node: ast.BinaryOp, env: Env) -> Any:
        op = node.op
        if op in ("&&", "||"):
            return self._logic(node, env)
        left = self.value(node.left, env)
        right = self.value(node.right, env)
        if op in ("==", "!="):
            equal = equal_or_unknown(left, right)
            if isinstance(equal, Unknown):
                return equal
            return equal if op == "==" else not equal
        if isinstance(left, Unknown):
            _check_number(right, op)
            return left
        if isinstance(right, Unknown):
            _check_number(left, op)
            return right
        a, b = _operand(left, op), _operand(right, op)
        return _arithmetic(op, a, b)

    def _logic(self, node: ast.BinaryOp, env: Env) -> Any:
        stop = node.op == "||"  # the value that decides the result on its own
        left = self.value(node.left, env)
        if not isinstance(left, Unknown) and _logic_operand(left, node.op) == stop:
            return stop
        right = self.value(node.right, env)
        if isinstance(right, Unknown):
            return left if isinstance(left, Unknown) else right
        right_bool = _logic_operand(right, node.op)
        if right_bool == stop:
            return stop
        return left if isinstance(left, Unknown) else right_bool

    def _unary(self, node: ast.UnaryOp, env: Env) -> Any:
        value = self.value(node.operand, env)
        if isinstance(value, Unknown):
            return value
        if node.op == "!":
            return not _logic_operand(value, "!")
        return normalize_number(-_operand(value, "-"))

    # ----- collections -----------------------------------------------------------------------

    def _tuple(self, node: ast.TupleExpr, env: Env) -> Any:
        return lazy_list([self.eval(item, env) for item in node.items])

    def _object(self, node: ast.ObjectExpr, env: Env) -> Any:
        out: dict[str, Any] = {}
        for item in node.items:
            key = self.object_key(item.key, env)
            if isinstance(key, Unknown):
                return key
            out[key] = self.eval(item.value, env)
        return lazy_dict(out)

    def object_key(self, expr: ast.Expr, env: Env) -> str | Unknown:
        if isinstance(expr, ast.Literal):
            if expr.value is None:
                raise EvalError("an object key must not be null")
            return to_string(expr.value)
        if isinstance(expr, ast.Variable) and expr.name not in env:
            return expr.name  # a bare identifier key
        key = self.value(expr, env)
        if isinstance(key, Unknown):
            return key
        if key is None:
            raise EvalError("an object key must not be null")
        return to_string(key)

    def _for(self, node: ast.ForExpr, env: Env) -> Any:
        collection = self.eval(node.collection, env)
        if isinstance(collection, LazyValue):
            collection = materialize(collection)
        if isinstance(collection, Unknown):
            return collection
        tuple_out: list[Any] = []
        object_out: dict[str, Any] = {}
        pairs = _iterate(collection)
        self.budget.step(len(pairs), "a for expression")
        characters = 0
        for key, item in pairs:
            inner = dict(env)
            if node.key_var is not None:
                inner[node.key_var] = key
            inner[node.value_var] = item
            if node.condition is not None:
                keep = self.value(node.condition, inner)
                if isinstance(keep, Unknown):
                    return keep
                if not _condition(keep):
                    continue
            if node.key_expr is None:
                element = self.eval(node.value_expr, inner)
                tuple_out.append(element)
                if isinstance(element, (str, list, dict)):  # bounded while built
                    characters += len(element)
                    self.budget.size(characters + len(tuple_out), "a for expression")
                continue
            out_key = self.value(node.key_expr, inner)
            if isinstance(out_key, Unknown):
                return out_key
            if out_key is None:
                raise EvalError("a for expression produced a null key")
            text_key = to_string(out_key)
            value = self.eval(node.value_expr, inner)
            if node.group:
                object_out.setdefault(text_key, []).append(value)
            elif text_key in object_out:
                raise EvalError(f"duplicate key {text_key!r} in a for expression "
                                "(add ... after the value to group them)")
            else:
                object_out[text_key] = value
        check_value(tuple_out if node.key_expr is None else object_out, "a for expression")
        if node.key_expr is None:
            return lazy_list(tuple_out)
        if node.group:
            return lazy_dict({k: lazy_list(v) for k, v in object_out.items()})
        return lazy_dict(object_out)


_DISPATCH: dict[type, Callable[[Evaluator, Any, Env], Any]] = {
    ast.Literal: Evaluator._literal,
    ast.Template: Evaluator._template,
    ast.Variable: Evaluator._variable,
    ast.GetAttr: Evaluator._get_attr,
    ast.Index: Evaluator._index,
    ast.Splat: Evaluator._splat,
    ast.SplatItem: Evaluator._splat_item,
    ast.FunctionCall: Evaluator._call,
    ast.Conditional: Evaluator._conditional,
    ast.BinaryOp: Evaluator._binary,
    ast.UnaryOp: Evaluator._unary,
    ast.TupleExpr: Evaluator._tuple,
    ast.ObjectExpr: Evaluator._object,
    ast.ForExpr: Evaluator._for,
    ast.Parens: Evaluator._parens,
}


# ----- helpers ---------------------------------------------------------------------------


def get_attr(obj: Any, name: str) -> Any:
    """`obj.name` on an evaluated value."""
    if isinstance(obj, Unknown):
        return obj
    if isinstance(obj, LazyValue):
        return obj.get_attr(name)
    if isinstance(obj, dict):
        if name in obj:
            return obj[name]
        if isinstance(obj, ResourceObject):
            return obj.missing(name)
        raise EvalError(f"this object does not have an attribute named {name!r}")
    if obj is None:
        raise EvalError(f"attempt to get attribute {name!r} from a null value")
    raise EvalError(f"a {type_name(obj)} value does not have attributes (looking for {name!r})")


def get_index(obj: Any, key: Any) -> Any:
    """`obj[key]` on evaluated values (`key` known)."""
    if isinstance(obj, Unknown):
        return obj
    if isinstance(obj, LazyValue):
        return obj.get_index(key)
    if isinstance(obj, list):
        index = to_int(key)
        if index < 0 or index >= len(obj):
            raise EvalError(f"index {index} out of range for a list of {len(obj)} elements")
        return obj[index]
    if isinstance(obj, dict):
        if key is None:
            raise EvalError("a map key must not be null")
        text = to_string(key)
        if text in obj:
            return obj[text]
        if isinstance(obj, ResourceObject):
            return obj.missing(text)
        raise EvalError(f"the map does not have an element with key {text!r}")
    if obj is None:
        raise EvalError("attempt to index a null value")
    raise EvalError(f"a {type_name(obj)} value cannot be indexed")


def _iterate(collection: Any) -> list[tuple[Any, Any]]:
    if isinstance(collection, list):
        return list(enumerate(collection))
    if isinstance(collection, dict):
        return [(k, collection[k]) for k in sorted(collection)]
    if collection is None:
        raise EvalError("cannot iterate over a null value")
    raise EvalError(f"cannot iterate over a {type_name(collection)} value")


def _condition(value: Any) -> bool:
    if value is None:
        raise EvalError("a condition must not be null")
    return to_bool(value)


def _logic_operand(value: Any, op: str) -> bool:
    if value is None:
        raise EvalError(f"a null value cannot be an operand of {op}")
    return to_bool(value)


def _operand(value: Any, op: str) -> int | float:
    if value is None:
        raise EvalError(f"a null value cannot be an operand of {op}")
    return to_number(value)


def _check_number(value: Any, op: str) -> None:
    if not isinstance(value, Unknown) and first_unknown(value) is None:
        _operand(value, op)


def _arithmetic(op: str, a: int | float, b: int | float) -> Any:
    if op == "+":
        return normalize_number(a + b)
    if op == "-":
        return normalize_number(a - b)
    if op == "*":
        return normalize_number(a * b)
    if op == "/":
        if b == 0:
            raise EvalError("division by zero")
        if isinstance(a, int) and isinstance(b, int) and a % b == 0:
            return a // b
        return normalize_number(a / b)
    if op == "%":
        if b == 0:
            raise EvalError("modulo by zero")
        if isinstance(a, int) and isinstance(b, int):
            rem = abs(a) % abs(b)
            return -rem if a < 0 else rem
        return normalize_number(math.fmod(a, b))
    if op == "<":
        return a < b
    if op == ">":
        return a > b
    if op == "<=":
        return a <= b
    if op == ">=":
        return a >= b
    raise EvalError(f"unknown operator {op}")


def _joined(out: list[str | Unknown]) -> str | Unknown:
    """The rendered text, or a PartialString (reason and ref of its first unknown part)
    when parts are unknown."""
    unknowns = [p for p in out if isinstance(p, Unknown)]
    if not unknowns:
        return "".join(p for p in out if isinstance(p, str))
    parts: list[str | Unknown] = []
    for piece in out:
        if isinstance(piece, str) and parts and isinstance(parts[-1], str):
            parts[-1] += piece
        elif isinstance(piece, PartialString):
            parts.extend(piece.parts)
        else:
            parts.append(piece)
    return PartialString(tuple(parts), unknowns[0].reason, unknowns[0].ref)


def _rendered_size(piece: str | Unknown) -> int:
    """Characters of a rendered piece; a partly known string counts its parts too."""
    if isinstance(piece, str):
        return len(piece)
    if isinstance(piece, PartialString):
        return len(piece.parts) + sum(len(p) for p in piece.parts if isinstance(p, str))
    return 1


def _interpolate(value: Any) -> str:
    if value is None:
        raise EvalError("a template cannot interpolate a null value")
    if isinstance(value, (list, dict)):
        raise EvalError(f"a template cannot interpolate a {type_name(value)} value")
    return to_string(value)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, Unknown) or isinstance(b, Unknown):
        return isinstance(a, Unknown) and a == b
    if first_unknown(a) is not None or first_unknown(b) is not None:
        return False
    return tf_equal(a, b)


__all__ = ["Evaluator", "MappingScope", "NoticeSink", "RefRecorder", "Scope", "get_attr",
           "get_index"]
