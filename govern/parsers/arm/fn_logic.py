"""Logical, comparison and numeric functions.

`if` is not here: it evaluates only the branch it takes, so the evaluator implements it.
`and`/`or` are three-valued: `and(false, <unknown>)` is false, `or(true, <unknown>)` true.
Integer division truncates toward zero and `mod` keeps the sign of the dividend (as .NET).
Integers are 64-bit, as in ARM: `int()` or arithmetic outside that range, and `float()` of
text that is no finite number, cannot be evaluated.
"""

from __future__ import annotations

import math
from typing import Any

from govern.model.unknown import Unknown
from govern.parsers.arm.context import CallContext
from govern.parsers.arm.fn_base import (
    FunctionSpec,
    spec,
    want_bool,
    want_int,
    want_list,
    want_number,
)
from govern.parsers.arm.values import EvalError, arm_equals, is_number, type_name

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1


def _and(args: list[Any], ctx: CallContext) -> Any:
    pending: Unknown | None = None
    for arg in args:
        if isinstance(arg, Unknown):
            if pending is None:
                pending = arg
        elif not want_bool(arg, "every argument of and()"):
            return False
    return True if pending is None else pending.derived()


def _or(args: list[Any], ctx: CallContext) -> Any:
    pending: Unknown | None = None
    for arg in args:
        if isinstance(arg, Unknown):
            if pending is None:
                pending = arg
        elif want_bool(arg, "every argument of or()"):
            return True
    return False if pending is None else pending.derived()


def _not(args: list[Any], ctx: CallContext) -> Any:
    return not want_bool(args[0], "the argument of not()")


def _bool(args: list[Any], ctx: CallContext) -> Any:
    value = args[0]
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    if isinstance(value, int):
        return value != 0
    raise EvalError(f"bool() cannot convert {type_name(value)} {value!r}")


def _int(args: list[Any], ctx: CallContext) -> Any:
    value = args[0]
    if isinstance(value, bool):
        raise EvalError("int() cannot convert a boolean")
    if isinstance(value, int):
        return _int64(value, "int()")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise EvalError(f"int() cannot convert {value!r}")
        return _int64(int(value), "int()")
    if isinstance(value, str):
        try:
            return _int64(int(value.strip()), "int()")
        except ValueError:  # also: more than 4,300 digits
            shown = value if len(value) <= 40 else f"{value[:37]}..."
            raise EvalError(f"int() cannot convert {shown!r}") from None
    raise EvalError(f"int() cannot convert {type_name(value)}")


def _int64(value: int, what: str) -> int:
    """`value` when ARM's 64-bit integers can hold it."""
    if not INT64_MIN <= value <= INT64_MAX:
        raise EvalError(f"{what}: the result is outside the 64-bit integer range")
    return value


def _float(args: list[Any], ctx: CallContext) -> Any:
    value = args[0]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            result = float(value.strip())
        except ValueError:
            result = math.nan
        if not math.isfinite(result):
            shown = value if len(value) <= 40 else f"{value[:37]}..."
            raise EvalError(f"float() cannot convert {shown!r}")
        return result
    raise EvalError(f"float() cannot convert {type_name(value)}")


def _constant(value: Any) -> Any:
    def impl(args: list[Any], ctx: CallContext) -> Any:
        return value
    return impl


def _equals(args: list[Any], ctx: CallContext) -> Any:
    return arm_equals(args[0], args[1])


def _compare(name: str) -> Any:
    def impl(args: list[Any], ctx: CallContext) -> Any:
        a, b = args
        if (is_number(a) and is_number(b)) or (isinstance(a, str) and isinstance(b, str)):
            if name == "greater":
                return a > b
            if name == "greaterorequals":
                return a >= b
            if name == "less":
                return a < b
            return a <= b
        raise EvalError(f"cannot compare {type_name(a)} with {type_name(b)}")
    return impl


def _coalesce(args: list[Any], ctx: CallContext) -> Any:
    for arg in args:
        if isinstance(arg, Unknown):
            return arg.derived()
        if arg is not None:
            return arg
    return None


def _arithmetic(name: str) -> Any:
    def impl(args: list[Any], ctx: CallContext) -> Any:
        a = want_int(args[0], f"the first argument of {name}()")
        b = want_int(args[1], f"the second argument of {name}()")
        if name == "add":
            return _int64(a + b, f"{name}()")
        if name == "sub":
            return _int64(a - b, f"{name}()")
        if name == "mul":
            return _int64(a * b, f"{name}()")
        if b == 0:
            raise EvalError(f"{name}() by zero")
        quotient = abs(a) // abs(b) * (1 if (a >= 0) == (b >= 0) else -1)
        return quotient if name == "div" else a - b * quotient
    return impl


def _extreme(largest: bool) -> Any:
    def impl(args: list[Any], ctx: CallContext) -> Any:
        values = args
        if len(args) == 1 and isinstance(args[0], list):
            values = want_list(args[0], "the argument")
        if not values:
            raise EvalError("min()/max() of an empty array")
        for value in values:
            if isinstance(value, Unknown):
                return value.derived()
            want_number(value, "every argument")
        return max(values) if largest else min(values)
    return impl


FUNCTIONS: dict[str, FunctionSpec] = {
    "and": spec(_and, 1, None, unknowns="custom"),
    "or": spec(_or, 1, None, unknowns="custom"),
    "not": spec(_not, 1),
    "bool": spec(_bool, 1),
    "int": spec(_int, 1),
    "float": spec(_float, 1),
    "true": spec(_constant(True), 0),
    "false": spec(_constant(False), 0),
    "null": spec(_constant(None), 0),
    "equals": spec(_equals, 2, unknowns="custom"),
    "greater": spec(_compare("greater"), 2),
    "greaterorequals": spec(_compare("greaterorequals"), 2),
    "less": spec(_compare("less"), 2),
    "lessorequals": spec(_compare("lessorequals"), 2),
    "coalesce": spec(_coalesce, 1, None, unknowns="custom"),
    "add": spec(_arithmetic("add"), 2),
    "sub": spec(_arithmetic("sub"), 2),
    "mul": spec(_arithmetic("mul"), 2),
    "div": spec(_arithmetic("div"), 2),
    "mod": spec(_arithmetic("mod"), 2),
    "min": spec(_extreme(largest=False), 1, None),
    "max": spec(_extreme(largest=True), 1, None),
}
