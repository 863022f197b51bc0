"""Evaluating template values: JSON trees whose strings may be `[...]` expressions.

`Evaluator` (one per template file) evaluates expressions and JSON trees, records the
line range of every path it evaluates, expands property `copy` loops (`copy_loops.py`),
and reports:
- an expression that does not parse: an `error` notice (`expression-error`) at its line;
  the value is Unknown and the scan goes on;
- an expression ARM would reject when deploying (a missing property, a wrong type): a
  `warning` (`eval-error`), the value Unknown;
- a function govern does not know: a `warning` (`unsupported-function`) once per file.

`Env` is the environment of one evaluation (the template's parameters and variables, the
deployment target, copy loop indexes, lambda variables, a user function's arguments) and
is what functions see as their `CallContext`.

Evaluation is bounded by the scan unit's budget (`govern.parsers.budget`): every JSON node,
function call and lambda call is a step; a value a function builds charges its size (string
characters, array elements, object members) as steps and may not exceed `value_size`; copy
loops charge their instances. Going over raises `BudgetExceeded`, which the template turns
into an error naming the resource being evaluated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from govern.model.finding import Notice, NoticeLevel
from govern.model.resource import Path
from govern.model.source import SourceRange, source_range
from govern.model.unknown import Unknown
from govern.parsers.arm.context import CallContext, Lambda, Target
from govern.parsers.arm.copy_loops import property_copies
from govern.parsers.arm.expression_lexer import ExpressionSyntaxError
from govern.parsers.arm.expression_parser import (
    Call,
    Literal,
    Member,
    Node,
    expression_text,
    literal_text,
    parse_expression,
    unparse,
)
from govern.parsers.arm.fn_base import FunctionSpec
from govern.parsers.arm.functions import LAMBDA_FUNCTIONS, lookup
from govern.parsers.arm.readings import ValueReuse, ValueTracker
from govern.parsers.arm.values import (
    MAX_ALTERNATIVES,
    EvalError,
    alternatives_of,
    first_unknown,
    lookup_key,
    type_name,
    with_alternatives,
)
from govern.parsers.budget import current
from govern.parsers.json_positions import JNode

if TYPE_CHECKING:
    from govern.parsers.arm.registry import Registry
    from govern.parsers.arm.template_scope import TemplateScope
    from govern.parsers.native import NativeResource

Locations = dict[Path, SourceRange]
# functions that return a value that already exists (charged when it was built)
_NOT_BUILT = frozenset({"parameters", "variables", "lambdavariables", "coalesce", "tryget",
                        "first", "last", "reference", "copyindex"})


class Env(CallContext):
    """The environment of an evaluation."""

    __slots__ = ("_target", "args", "copies", "current", "ev", "lambdas", "refs", "scope")

    def __init__(self, ev: Evaluator, scope: TemplateScope, target: Target,
                 copies: dict[str, Any] | None = None,
                 lambdas: dict[str, Any] | None = None,
                 args: dict[str, Any] | None = None,
                 refs: set[str] | None = None) -> None:
        self.ev = ev
        self.scope = scope
        self._target = target
        self.copies = copies or {}
        self.lambdas = lambdas or {}
        self.args = args  # a user-defined function's arguments (lower-case names)
        self.refs = refs  # addresses of resources the evaluated values refer to
        self.current: Call | None = None

    def derive(self, *, copies: dict[str, Any] | None = None,
               lambdas: dict[str, Any] | None = None,
               refs: set[str] | None = None) -> Env:
        return Env(self.ev, self.scope, self._target,
                   self.copies if copies is None else copies,
                   self.lambdas if lambdas is None else lambdas,
                   self.args, self.refs if refs is None else refs)

    def with_copy(self, loop: str, index: Any, resource_loop: bool = False) -> Env:
        copies = {**self.copies, loop.lower(): index}
        if resource_loop:
            copies[""] = index
        return self.derive(copies=copies)

    # ----- CallContext ------------------------------------------------------------------

    @property
    def target(self) -> Target:
        return self._target

    def parameter(self, name: str) -> Any:
        if self.args is not None:
            try:
                return lookup_key(self.args, name)
            except KeyError:
                raise EvalError(f"the function has no parameter '{name}'") from None
        return self.scope.parameter(name)

    def variable(self, name: str) -> Any:
        if self.args is not None:
            raise EvalError("user-defined functions cannot read variables")
        return self.scope.variable(name)

    def copy_index(self, loop: str | None) -> Any:
        if loop is not None:
            try:
                return self.copies[loop.lower()]
            except KeyError:
                raise EvalError(f"copyIndex('{loop}') is outside a copy loop named "
                                f"'{loop}'") from None
        if "" in self.copies:
            return self.copies[""]
        if self.copies:
            return list(self.copies.values())[-1]
        raise EvalError("copyIndex() is used outside a copy loop")

    def lambda_variable(self, name: str) -> Any:
        try:
            return lookup_key(self.lambdas, name)
        except KeyError:
            raise EvalError(f"no lambda variable '{name}'") from None

    def call_lambda(self, function: Any, args: list[Any]) -> Any:
        if not isinstance(function, Lambda):
            raise EvalError("expected a lambda(...)")
        if len(function.parameters) != len(args):
            raise EvalError(f"the lambda takes {len(function.parameters)} parameter(s), "
                            f"not {len(args)}")
        bound = dict(function.closure)
        bound.update(zip(function.parameters, args, strict=True))
        self.ev.budget.step(1, self.ev.resource)
        return self.ev.eval(function.body, self.derive(lambdas=bound))

    def address_of_id(self, resource_type: str, names: list[Any]) -> str | None:
        found = self.ev.registry.by_type_and_names(resource_type, names)
        if found is not None and self.refs is not None:
            self.refs.add(found)
        return found

    def address_of(self, name_or_id: Any) -> str | None:
        found = self.ev.registry.designated(name_or_id)
        if found and self.refs is not None:
            self.refs.update(found)
        return found[0] if len(found) == 1 else None

    def call_text(self) -> str:
        return unparse(self.current) if self.current is not None else ""

    def warn(self, message: str, code: str) -> None:
        self.ev.warn(message, code)


class Evaluator:
    """Evaluates the values of one template file (and its nested templates)."""

    def __init__(self, file: str, registry: Registry) -> None:
        self.file = file
        self.registry = registry
        self.notices: list[Notice] = []
        self.line = 0
        self.budget = current()
        self.resource = ""  # the resource being evaluated (and its line), for budget errors
        self.resource_line = 0
        self._said: set[tuple[str, int, str]] = set()
        self._unsupported: set[str] = set()
        # the two readings of a template (template.py): whether what is being evaluated
        # read a parameter left to the deployer; the first reading's top-level resources
        # that the second would read the same (by address, type and line); and, in the
        # second reading, those resources, not evaluated again
        self.read_choice = False
        self.expansion_read_choice = False  # of the top-level resources
        self.same_both_ways: list[NativeResource] = []
        self.reuse: dict[tuple[str, str, int], NativeResource] | None = None
        # and value by value (readings.py): the first reading's resources that read one in
        # some values only, with their paths; the tracker or reuse of the resource being
        # evaluated, given its values by tree()
        self.same_in_part: dict[tuple[str, str, int], tuple[NativeResource, frozenset[Path]]] = {}
        self.reuse_in_part: dict[tuple[str, str, int],
                                 tuple[NativeResource, frozenset[Path]]] | None = None
        self.values: ValueTracker | ValueReuse | None = None

    # ----- notices --------------------------------------------------------------------

    def _notice(self, level: NoticeLevel, message: str, code: str, line: int | None,
                hint: str | None = None) -> None:
        key = (code, line or 0, message)
        if key in self._said:
            return
        self._said.add(key)
        self.notices.append(Notice(level, message, self.file, line, hint, code))

    def warn(self, message: str, code: str, line: int | None = None) -> None:
        self._notice("warning", message, code, line if line is not None else self.line)

    def note(self, message: str, code: str, line: int | None) -> None:
        self._notice("note", message, code, line)

    def error(self, message: str, code: str, line: int | None, hint: str | None = None
              ) -> None:
        self._notice("error", message, code, line, hint)

    # ----- JSON trees -----------------------------------------------------------------

    def tree(self, node: JNode, env: Env, path: Path = (), locations: Locations | None = None,
             skip: Callable[[Path], bool] | None = None) -> Any:
        """The evaluated value of a JSON tree; records the range of every path in
        `locations`; `skip(path)` leaves members out (and unevaluated)."""
        if locations is not None:
            locations[path] = source_range(self.file, node.line, node.end_line)
        budget = self.budget
        budget.steps += 1  # budget.step(1, ...) inlined: this runs for every JSON value
        if budget.steps > budget.limits.steps:
            budget.step(0, self.resource)  # raises BudgetExceeded
        kind = node.kind
        # the two readings of a template (readings.py): the resource being evaluated
        values = self.values if locations is not None else None
        if kind == "string":
            if values is not None:
                return values.string(self, node, env, path)
            return self.string_value(node.value, env, node.line)
        reuse = values if values is not None and values.reusing else None
        if kind == "object":
            result: dict[str, Any] = {}
            loops: JNode | None = None
            for key, _, child in node.members:
                if child.kind == "array" and key.lower() == "copy":
                    loops = child
                    continue
                child_path = (*path, key)
                if skip is not None and skip(child_path):
                    continue
                if reuse is not None:
                    result[key] = reuse.member(self, child, env, child_path, locations, skip)
                else:
                    result[key] = self.tree(child, env, child_path, locations, skip)
            if loops is not None:
                property_copies(self, loops, env, path, locations, result)
            return result
        if kind == "array":
            if reuse is not None:
                return [reuse.member(self, element, env, (*path, index), locations, skip)
                        for index, element in enumerate(node.elements)]
            return [self.tree(element, env, (*path, index), locations, skip)
                    for index, element in enumerate(node.elements)]
        return node.value

    # ----- expressions ----------------------------------------------------------------

    def string_value(self, text: str, env: Env, line: int) -> Any:
        """A template string: a literal, or the value of its expression."""
        source = expression_text(text)
        if source is None:
            return literal_text(text)
        shown = text if len(text) <= 80 else text[:77] + "..."
        try:
            node = parse_expression(source)
        except ExpressionSyntaxError as exc:
            self.error(f"invalid template expression {shown}: {exc.message} (column "
                       f"{exc.column + 1})", "expression-error", line,
                       "quote strings with ' and double a quote inside one ('')")
            return Unknown(f"invalid template expression {shown}")
        outer = self.line
        self.line = line
        try:
            result = self.eval(node, env)
            if isinstance(result, Lambda):
                raise EvalError("a lambda(...) is only an argument of filter(), map(), "
                                "reduce(), sort(), toObject(), groupBy() or mapValues()")
            return result
        except EvalError as exc:
            self.warn(f"cannot evaluate {shown}: {exc}", "eval-error", line)
            return Unknown(f"cannot evaluate {shown}: {exc}")
        except RecursionError:
            self.warn(f"cannot evaluate {shown}: nested too deeply", "eval-error", line)
            return Unknown(f"cannot evaluate {shown}: nested too deeply")
        finally:
            self.line = outer

    def eval(self, node: Node, env: Env) -> Any:
        if isinstance(node, Literal):
            return node.value
        if isinstance(node, Call):
            return self.call(node, env)
        if isinstance(node, Member):
            return member(self.eval(node.target, env), node.name)
        return index(self.eval(node.target, env), self.eval(node.index, env))

    def call(self, node: Call, env: Env) -> Any:
        budget = self.budget
        budget.steps += 1  # budget.step(1, ...) inlined, as in tree()
        if budget.steps > budget.limits.steps:
            budget.step(0, self.resource)
        name = node.name.lower()
        if node.namespace is not None:
            return self.call_user(node, env)
        if name == "if":
            return self._if(node, env)
        if name == "lambda":
            return self._lambda(node, env)
        spec = lookup(name)
        if spec is None:
            if name not in self._unsupported:
                self._unsupported.add(name)
                self.warn(f"function {node.name}() is not supported by govern; values that "
                          f"use it are unknown", "unsupported-function", self.line)
            return Unknown(f"function {node.name}() is not supported by govern")
        args = [self.eval(arg, env) for arg in node.args]
        if len(args) < spec.min_args or (spec.max_args is not None
                                         and len(args) > spec.max_args):
            raise EvalError(f"{node.name}() takes {_arity(spec)} argument(s), got {len(args)}")
        if name not in LAMBDA_FUNCTIONS and any(isinstance(arg, Lambda) for arg in args):
            raise EvalError(f"{node.name}() does not take a lambda(...)")
        return self.apply(spec, node, args, env)

    def apply(self, spec: FunctionSpec, node: Call, args: list[Any], env: Env) -> Any:
        """Call a function on evaluated arguments, running it on each alternative of an
        argument that has known alternatives."""
        unknown = False
        for arg in args:
            if isinstance(arg, Unknown):
                unknown = True
                break
        if unknown:  # (most calls have none: they skip this)
            every = [alternatives_of(arg) for arg in args]
            combinations = 1
            for options in every:
                combinations *= len(options) if options is not None else 1
            for position, (arg, options) in enumerate(zip(args, every, strict=True)):
                if options is None:
                    continue
                if combinations > MAX_ALTERNATIVES:
                    break
                assert isinstance(arg, Unknown)
                results = []
                for option in options:
                    try:
                        results.append(self.apply(spec, node, [*args[:position], option,
                                                               *args[position + 1:]], env))
                    except EvalError as exc:
                        results.append(Unknown(f"cannot evaluate {unparse(node)}: {exc}"))
                return with_alternatives(arg.reason, results)
            if spec.unknowns == "shallow":
                for arg in args:
                    if isinstance(arg, Unknown):
                        return arg.derived()
        if spec.unknowns == "deep":
            found = first_unknown(args)
            if found is not None:
                return found.derived()
        env.current = node
        try:
            result = spec.impl(args, env)
        except EvalError as exc:
            raise EvalError(f"{node.name}(): {exc}") from None
        if isinstance(result, (str, list, dict)) and node.name.lower() not in _NOT_BUILT:
            where = f"{node.name}()"
            self.budget.size(len(result), where)
            self.budget.step(len(result), where)
        return result

    def _if(self, node: Call, env: Env) -> Any:
        if len(node.args) != 3:
            raise EvalError(f"if() takes 3 arguments, got {len(node.args)}")
        condition = self.eval(node.args[0], env)
        if isinstance(condition, bool):
            return self.eval(node.args[1 if condition else 2], env)
        if not isinstance(condition, Unknown):
            raise EvalError(f"the condition of if() must be a boolean, not "
                            f"{type_name(condition)}")
        options = alternatives_of(condition)
        wanted: tuple[bool, ...] = (True, False)
        if options is not None and all(isinstance(o, bool) for o in options):
            wanted = tuple(c for c in (True, False) if any(o is c for o in options))
        branches = []
        for choice in wanted:
            try:
                branches.append(self.eval(node.args[1 if choice else 2], env))
            except EvalError as exc:
                branches.append(Unknown(f"cannot evaluate {unparse(node)}: {exc}"))
        if len(branches) == 1:
            return branches[0]
        return with_alternatives(condition.reason, branches)

    def _lambda(self, node: Call, env: Env) -> Lambda:
        if len(node.args) < 2:
            raise EvalError("lambda() needs parameter names and a body")
        names = []
        for arg in node.args[:-1]:
            value = self.eval(arg, env)
            if not isinstance(value, str):
                raise EvalError("lambda() parameter names must be strings")
            names.append(value)
        return Lambda(tuple(names), node.args[-1], tuple(env.lambdas.items()))

    def call_user(self, node: Call, env: Env) -> Any:
        assert node.namespace is not None
        function = env.scope.function(node.namespace, node.name)
        if function is None:
            raise EvalError(f"the template defines no function {node.namespace}.{node.name}")
        args = [self.eval(arg, env) for arg in node.args]
        if len(args) != len(function.parameters):
            raise EvalError(f"{node.namespace}.{node.name}() takes "
                            f"{len(function.parameters)} argument(s), got {len(args)}")
        if function.output is None:
            raise EvalError(f"{node.namespace}.{node.name}() has no output value")
        bound = {name.lower(): value for name, value in zip(function.parameters, args,
                                                            strict=True)}
        inner = Env(self, env.scope, env.target, args=bound, refs=env.refs)
        return self.tree(function.output, inner)


def member(target: Any, name: str) -> Any:
    """`target.name`: a property of an object (case-insensitive)."""
    if isinstance(target, dict):
        try:
            return lookup_key(target, name)
        except KeyError:
            raise EvalError(f"the object has no property '{name}'") from None
    if isinstance(target, Unknown):
        return _over_alternatives(target, lambda value: member(value, name))
    raise EvalError(f"cannot read property '{name}' of {type_name(target)}")


def index(target: Any, key: Any) -> Any:
    """`target[key]`: an array element or an object property."""
    if isinstance(key, Unknown):
        if isinstance(target, Unknown):
            return target.derived()
        return _over_alternatives(key, lambda value: index(target, value))
    if isinstance(target, Unknown):
        return _over_alternatives(target, lambda value: index(value, key))
    if isinstance(target, list):
        if isinstance(key, bool) or not isinstance(key, int):
            raise EvalError(f"an array index must be an integer, not {type_name(key)}")
        if not 0 <= key < len(target):
            raise EvalError(f"index {key} is outside the array (length {len(target)})")
        return target[key]
    if isinstance(target, dict):
        if not isinstance(key, str):
            raise EvalError(f"an object key must be a string, not {type_name(key)}")
        return member(target, key)
    raise EvalError(f"cannot index {type_name(target)}")


def _over_alternatives(target: Unknown, step: Callable[[Any], Any]) -> Any:
    options = alternatives_of(target)
    if options is None:
        return target.derived()
    results = []
    for option in options:
        try:
            results.append(step(option))
        except EvalError as exc:
            results.append(Unknown(str(exc)))
    return with_alternatives(target.reason, results)


def _arity(spec: FunctionSpec) -> str:
    if spec.max_args is None:
        return f"at least {spec.min_args}"
    if spec.max_args == spec.min_args:
        return str(spec.min_args)
    return f"{spec.min_args} to {spec.max_args}"
