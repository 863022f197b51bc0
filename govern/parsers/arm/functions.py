"""ARM template functions: lookup by name (case-insensitive, as ARM does).

The implementations live in `fn_*.py`; `if` and `lambda` need unevaluated arguments, so
the evaluator implements them, and user-defined functions (`namespace.name(...)`) come
from the template's `functions` section. A name that is none of these is not supported:
the value is Unknown and a warning says so once per file.
"""

from __future__ import annotations

from govern.parsers.arm import (
    fn_collections,
    fn_encoding,
    fn_logic,
    fn_scope,
    fn_strings,
    fn_template,
)
from govern.parsers.arm.fn_base import FunctionSpec

FUNCTIONS: dict[str, FunctionSpec] = {
    **fn_strings.FUNCTIONS,
    **fn_collections.FUNCTIONS,
    **fn_logic.FUNCTIONS,
    **fn_encoding.FUNCTIONS,
    **fn_scope.FUNCTIONS,
    **fn_template.FUNCTIONS,
}

LAMBDA_FUNCTIONS = frozenset({"filter", "map", "reduce", "sort", "toobject", "groupby",
                              "mapvalues"})


def lookup(name: str) -> FunctionSpec | None:
    """The function called `name` (any case), or None."""
    lowered = name.lower()
    found = FUNCTIONS.get(lowered)
    if found is None:
        found = fn_scope.list_function(lowered)
    return found
