"""Terraform's built-in functions: lookup by name, arity checks, Unknown propagation.

The implementations live in `fn_*.py`. `try` and `can` need their arguments
unevaluated, so the evaluator implements them; `call_function` sees only values.

Unknown propagation (each function's `FunctionSpec.unknowns`):
- by default, an Unknown anywhere in the arguments makes the result Unknown (the first
  Unknown found, so its `ref` survives);
- `merge`, `concat`, `length`, `keys`, `values`, `lookup`, `element`, `slice`,
  `reverse`, `one`, `zipmap` (values), `tolist`, `tomap`, `chunklist`, `sensitive`,
  `nonsensitive`, `templatefile` only look at the shape of their arguments, so Unknown
  values nested inside pass through and the result is otherwise exact;
- `coalesce`/`coalescelist` are Unknown only if an Unknown comes before the first usable
  argument; `compact`/`flatten` only if an element itself is Unknown;
- `uuid`, `timestamp`, `plantimestamp`, `bcrypt` are always Unknown;
- a function govern does not implement gives `Unknown("function X not supported")`.
"""

from __future__ import annotations

from typing import Any

from govern.model.unknown import Unknown
from govern.parsers.budget import BudgetExceeded, current
from govern.parsers.terraform import (
    fn_collections,
    fn_encoding,
    fn_files,
    fn_format,
    fn_numbers,
    fn_strings,
)
from govern.parsers.terraform.fn_base import FunctionContext, FunctionSpec
from govern.parsers.terraform.values import (
    EvalError,
    EvaluationStopped,
    NotRead,
    check_value,
    first_unknown,
    normalize_number,
)

FUNCTIONS: dict[str, FunctionSpec] = {
    **fn_strings.FUNCTIONS,
    **fn_format.FUNCTIONS,
    **fn_collections.FUNCTIONS,
    **fn_numbers.FUNCTIONS,
    **fn_encoding.FUNCTIONS,
    **fn_files.FUNCTIONS,
}

LAZY_FUNCTIONS = frozenset({"try", "can"})
_FILE_READERS = frozenset({"file", "filebase64", "templatefile"})

# Functions that only rearrange collections: they may receive collections whose elements
# are still lazy references (a module's outputs, resource instances), so that only the
# elements used later get evaluated.
CONTAINER_FUNCTIONS = frozenset({
    "merge", "concat", "values", "keys", "lookup", "element", "slice", "reverse", "one",
    "tolist", "tomap", "flatten", "length", "coalescelist", "chunklist", "zipmap",
})


def is_supported(name: str) -> bool:
    return name in FUNCTIONS or name in LAZY_FUNCTIONS


def call_function(name: str, args: list[Any], ctx: FunctionContext) -> Any:
    """Call a Terraform function on evaluated arguments.

    Raises EvalError for a wrong number or type of arguments (what Terraform rejects).
    """
    spec = FUNCTIONS.get(name.removeprefix("core::"))
    if spec is None:
        return Unknown(f"function {name} not supported")
    if len(args) < spec.min_args or (spec.max_args is not None and len(args) > spec.max_args):
        raise EvalError(f"{name}() takes {_arity(spec)} arguments, got {len(args)}")
    if spec.unknowns == "deep":
        found = first_unknown(args)
        if found is not None:
            return found
    elif spec.unknowns == "shallow":
        for arg in args:
            if isinstance(arg, Unknown):
                return arg
    try:
        result = spec.impl(args, ctx)
    except NotRead as exc:
        raise NotRead(f"{name}(): {exc}") from None
    except EvalError as exc:
        raise EvalError(f"{name}(): {exc}") from None
    except BudgetExceeded as exc:
        if exc.where:
            raise
        raise BudgetExceeded(exc.what, exc.limit, f"{name}()") from None
    except EvaluationStopped:
        raise
    except RecursionError:
        raise EvalError(f"{name}(): value nested too deeply") from None
    except Exception as exc:  # the function boundary: a bad input is never a traceback
        raise EvalError(f"{name}(): {exc}") from None
    return _bounded(name, result)


def _bounded(name: str, result: Any) -> Any:
    """The result, checked against the budget (its size, its nesting, a number that
    cannot be written out)."""
    if isinstance(result, str):
        if name not in _FILE_READERS:  # those are bounded by the file size limit
            current().size(len(result), f"the result of {name}()")
    elif isinstance(result, (list, dict)):
        current().step(len(result))
        check_value(result, f"the result of {name}()")
    elif isinstance(result, int) and not isinstance(result, bool):
        try:
            return normalize_number(result)
        except EvalError as exc:
            raise EvalError(f"{name}(): {exc}") from None
    return result


def _arity(spec: FunctionSpec) -> str:
    if spec.max_args is None:
        return f"at least {spec.min_args}"
    if spec.max_args == spec.min_args:
        return str(spec.min_args)
    return f"{spec.min_args} to {spec.max_args}"


__all__ = ["CONTAINER_FUNCTIONS", "FUNCTIONS", "FunctionContext", "call_function",
           "is_supported"]
