"""Functions that read the template itself: `parameters()`, `variables()`,
`copyIndex()` and `lambdaVariables()`, and the lambda functions (`filter`, `map`,
`reduce`, `sort`, `toObject`, `groupBy`, `mapValues`).

`lambda(...)` itself needs its body unevaluated, so the evaluator builds Lambda values.
"""

from __future__ import annotations

from functools import cmp_to_key
from typing import Any

from govern.model.unknown import Unknown
from govern.parsers.arm.context import CallContext, Lambda
from govern.parsers.arm.fn_base import FunctionSpec, spec, want_dict, want_int, want_list, want_str
from govern.parsers.arm.values import EvalError, first_unknown, to_text


def _parameters(args: list[Any], ctx: CallContext) -> Any:
    return ctx.parameter(want_str(args[0], "the parameter name"))


def _variables(args: list[Any], ctx: CallContext) -> Any:
    return ctx.variable(want_str(args[0], "the variable name"))


def _copy_index(args: list[Any], ctx: CallContext) -> Any:
    loop: str | None = None
    offset = 0
    for arg in args:
        if isinstance(arg, str):
            loop = arg
        else:
            offset = want_int(arg, "the offset of copyIndex()")
    index = ctx.copy_index(loop)
    if isinstance(index, Unknown):
        return index
    return index + offset


def _lambda_variables(args: list[Any], ctx: CallContext) -> Any:
    return ctx.lambda_variable(want_str(args[0], "the lambda variable name"))


def _want_lambda(value: Any, count: int, function: str) -> Lambda:
    if not isinstance(value, Lambda):
        raise EvalError(f"{function}() needs a lambda(...) argument")
    if len(value.parameters) != count:
        raise EvalError(f"the lambda of {function}() takes {count} parameter(s)")
    return value


def _filter(args: list[Any], ctx: CallContext) -> Any:
    items = want_list(args[0], "the array of filter()")
    function = _want_lambda(args[1], 1, "filter")
    kept: list[Any] = []
    for item in items:
        keep = ctx.call_lambda(function, [item])
        if isinstance(keep, Unknown):
            return keep.derived()
        if keep is True:
            kept.append(item)
        elif keep is not False:
            raise EvalError("the lambda of filter() must return a boolean")
    return kept


def _map(args: list[Any], ctx: CallContext) -> Any:
    items = want_list(args[0], "the array of map()")
    function = args[1]
    if isinstance(function, Lambda) and len(function.parameters) == 2:
        return [ctx.call_lambda(function, [item, index]) for index, item in enumerate(items)]
    function = _want_lambda(function, 1, "map")
    return [ctx.call_lambda(function, [item]) for item in items]


def _reduce(args: list[Any], ctx: CallContext) -> Any:
    items = want_list(args[0], "the array of reduce()")
    result = args[1]
    function = _want_lambda(args[2], 2, "reduce")
    for item in items:
        result = ctx.call_lambda(function, [result, item])
    return result


def _sort(args: list[Any], ctx: CallContext) -> Any:
    items = want_list(args[0], "the array of sort()")
    function = _want_lambda(args[1], 2, "sort")
    unknown: list[Unknown] = []

    def compare(a: Any, b: Any) -> int:
        if unknown:
            return 0
        less = ctx.call_lambda(function, [a, b])
        if isinstance(less, Unknown):
            unknown.append(less)
            return 0
        if less is True:
            return -1
        return 1 if ctx.call_lambda(function, [b, a]) is True else 0

    result = sorted(items, key=cmp_to_key(compare))
    if unknown:
        return Unknown(unknown[0].reason, unknown[0].ref)
    return result


def _to_object(args: list[Any], ctx: CallContext) -> Any:
    items = want_list(args[0], "the array of toObject()")
    key_of = _want_lambda(args[1], 1, "toObject")
    value_of = _want_lambda(args[2], 1, "toObject") if len(args) > 2 else None
    result: dict[str, Any] = {}
    for item in items:
        key = ctx.call_lambda(key_of, [item])
        if isinstance(key, Unknown):
            return key.derived()
        result[want_str(key, "a key of toObject()")] = (
            item if value_of is None else ctx.call_lambda(value_of, [item]))
    return result


def _group_by(args: list[Any], ctx: CallContext) -> Any:
    items = want_list(args[0], "the array of groupBy()")
    key_of = _want_lambda(args[1], 1, "groupBy")
    groups: dict[str, list[Any]] = {}
    for item in items:
        key = ctx.call_lambda(key_of, [item])
        found = first_unknown(key)
        if found is not None:
            return found.derived()
        text = to_text(key)
        assert isinstance(text, str)
        groups.setdefault(text, []).append(item)
    return groups


def _map_values(args: list[Any], ctx: CallContext) -> Any:
    value = want_dict(args[0], "the object of mapValues()")
    function = _want_lambda(args[1], 1, "mapValues")
    return {key: ctx.call_lambda(function, [item]) for key, item in value.items()}


FUNCTIONS: dict[str, FunctionSpec] = {
    "parameters": spec(_parameters, 1),
    "variables": spec(_variables, 1),
    "copyindex": spec(_copy_index, 0, 2),
    "lambdavariables": spec(_lambda_variables, 1),
    "filter": spec(_filter, 2),
    "map": spec(_map, 2),
    "reduce": spec(_reduce, 3),
    "sort": spec(_sort, 2),
    "toobject": spec(_to_object, 2, 3),
    "groupby": spec(_group_by, 2),
    "mapvalues": spec(_map_values, 2),
}
