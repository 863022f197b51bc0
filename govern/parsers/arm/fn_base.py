"""What every ARM function implementation shares: its spec and argument checks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from govern.parsers.arm.context import CallContext
from govern.parsers.arm.values import EvalError, is_number, type_name

UnknownPolicy = Literal["deep", "shallow", "custom"]
Impl = Callable[[list[Any], CallContext], Any]


@dataclass(frozen=True)
class FunctionSpec:
    """A function: its implementation, arity and how Unknown arguments propagate.

    `shallow`: an argument that is itself Unknown makes the result Unknown (the function
    copes with Unknowns nested inside arrays and objects, e.g. `length`, `concat`).
    `deep`: an Unknown anywhere in the arguments makes the result Unknown.
    `custom`: the function handles Unknown arguments itself (`coalesce`, `and`, `concat`).
    An argument that is an Unknown with known alternatives (a parameter with
    `allowedValues`, an `if` on an unknown condition) is handled by the caller for
    `shallow` and `deep` functions: the function runs on each alternative.
    """

    impl: Impl
    min_args: int
    max_args: int | None
    unknowns: UnknownPolicy = "shallow"


def spec(impl: Impl, min_args: int, max_args: int | None = -1,
         unknowns: UnknownPolicy = "shallow") -> FunctionSpec:
    """`max_args=-1` (the default) means exactly `min_args`; None means no limit."""
    return FunctionSpec(impl, min_args, min_args if max_args == -1 else max_args, unknowns)


def want_str(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise EvalError(f"{what} must be a string, not {type_name(value)}")
    return value


def want_int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            return int(value)
        raise EvalError(f"{what} must be an integer, not {type_name(value)}")
    return value


def want_number(value: Any, what: str) -> int | float:
    if not is_number(value):
        raise EvalError(f"{what} must be a number, not {type_name(value)}")
    result: int | float = value
    return result


def want_bool(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise EvalError(f"{what} must be a boolean, not {type_name(value)}")
    return value


def want_list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise EvalError(f"{what} must be an array, not {type_name(value)}")
    return value


def want_dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise EvalError(f"{what} must be an object, not {type_name(value)}")
    return value
