"""Terraform values in Python, and the conversions and comparisons Terraform applies.

Values are plain Python: `None`, `bool`, `int`/`float` (numbers stay `int` when
integral), `str`, `list` (tuples, lists and sets; a set is a sorted list without
duplicates), `dict` (objects and maps) and `Unknown`. While an expression is evaluated,
references may also be `LazyValue`s (a resource instance, a module's outputs, `var`, ...)
that resolve one attribute at a time; `materialize` turns them into plain values.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from govern.model.unknown import Unknown
from govern.parsers.budget import BudgetExceeded, current

_NUMBER_RE = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


class EvalError(Exception):
    """An expression that Terraform would reject (type error, missing key, ...).

    Internal: `try()`/`can()` catch it; at the attribute level it becomes an `Unknown`
    plus a warning notice.
    """


class NotRead(EvalError):
    """A value that depends on a file govern would not read (outside the scanned tree,
    too large). `try()`/`can()` do not catch it: Terraform would read the file, so the
    value is unknown, not the fallback."""


class EvaluationStopped(Exception):
    """The scan unit's budget is used up: the notice is already reported, evaluation of
    the unit stops (raised past every `attribute_value`, `try()` and function boundary)."""


class LazyValue:
    """A reference resolved one attribute (or index) at a time."""

    def get_attr(self, name: str) -> Any:
        raise EvalError(f"unsupported attribute {name!r}")

    def get_index(self, key: Any) -> Any:
        raise EvalError("this value cannot be indexed")

    def materialize(self) -> Any:
        raise NotImplementedError


class ResourceObject(dict[str, Any]):
    """A resource instance as a whole object: the configured attributes; any other
    attribute is computed by the provider (`Unknown("known after apply", ref)`)."""

    def __init__(self, values: dict[str, Any], ref: str) -> None:
        super().__init__(values)
        self.ref = ref

    def missing(self, name: str) -> Unknown:
        return Unknown("known after apply", ref=self.ref)


class LazyList(list[Any]):
    """A list that holds LazyValues (directly or inside); plain lists never do, so
    `materialize` needs no deep scan of ordinary values."""


class LazyDict(dict[str, Any]):
    """A dict that holds LazyValues (directly or inside)."""


class InstanceList(LazyList):
    """The instances of a resource with `count`, remembering the resource's address."""

    def __init__(self, items: list[Any], address: str) -> None:
        super().__init__(items)
        self.address = address


class InstanceMap(LazyDict):
    """The instances of a resource with `for_each`, remembering the resource's address."""

    def __init__(self, items: dict[str, Any], address: str) -> None:
        super().__init__(items)
        self.address = address


def is_lazy(value: Any) -> bool:
    return isinstance(value, (LazyValue, LazyList, LazyDict))


def lazy_list(items: list[Any]) -> list[Any]:
    """`items`, marked as lazy when an element is."""
    for item in items:
        if isinstance(item, (LazyValue, LazyList, LazyDict)):
            return LazyList(items)
    return items


def lazy_dict(items: dict[str, Any]) -> dict[str, Any]:
    for item in items.values():
        if isinstance(item, (LazyValue, LazyList, LazyDict)):
            return LazyDict(items)
    return items


# ----- inspection ----------------------------------------------------------------------


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "tuple"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, Unknown):
        return "unknown"
    return "object"


def first_unknown(value: Any) -> Unknown | None:
    """The first Unknown in `value` (itself or anywhere inside), or None.

    Iterative, and bounded: a value with more elements than the budget's `value_size`
    (counting a part shared by several others each time it appears) raises
    BudgetExceeded instead of being walked for ever."""
    if isinstance(value, Unknown):
        return value
    if isinstance(value, dict):
        top: Any = value.values()
    elif isinstance(value, list):
        top = value
    else:
        return None
    limit = current().limits.value_size
    visited = 0
    stack: list[Iterator[Any]] = [iter(top)]
    while stack:
        for item in stack[-1]:
            visited += 1
            if isinstance(item, Unknown):
                return item
            if isinstance(item, list):
                stack.append(iter(item))
                break
            if isinstance(item, dict):
                stack.append(iter(item.values()))
                break
        else:
            stack.pop()
        if visited > limit:
            current().size(visited)
    return None


_MEASURED_KEPT = 200_000  # values remembered per budget (a fresh start beyond)


def check_value(value: Any, where: str = "") -> None:
    """Raise BudgetExceeded when `value` is larger than the budget's `value_size` (its list
    items and map entries plus the characters of the strings inside, a shared part counted
    each time it appears), or nests deeper than its `nesting`.

    Every list and map inside is measured once per scan unit (`Budget.measured`): results
    are built from values already checked (a function's arguments, a module's locals), and
    walking them again on every function call made this quadratic. The value itself is
    always measured afresh; a value inside one that refers back to it is over the budget."""
    if not isinstance(value, (list, dict)):
        return
    budget = current()
    limits = budget.limits
    measured = budget.measured
    if len(measured) > _MEASURED_KEPT:
        measured.clear()
    pending: set[int] = set()
    stack: list[tuple[Any, bool]] = [(value, False)]
    while stack:
        item, children_done = stack.pop()
        children = item.values() if isinstance(item, dict) else item
        if not children_done:
            if item is not value and _known(measured, item):
                continue  # measured since it was put on the stack (a shared part)
            if id(item) in pending:
                budget.size(limits.value_size + 1, where)  # it contains itself
            pending.add(id(item))
            stack.append((item, True))
            for child in children:
                if isinstance(child, (list, dict)) and not _known(measured, child):
                    stack.append((child, False))
            continue
        size = len(children)
        height = 1
        for child in children:
            if isinstance(child, (list, dict)):
                _, child_size, child_height = measured[id(child)]
                size += child_size
                height = max(height, child_height + 1)
            elif isinstance(child, str):
                size += len(child)
        pending.discard(id(item))
        measured[id(item)] = (item, size, height)
        if height > limits.nesting:
            budget.nesting(height, where)
        if size > limits.value_size:
            budget.size(size, where)
    del measured[id(value)]  # the value itself may still change: measured afresh next time


def _known(measured: dict[int, tuple[object, int, int]], value: Any) -> bool:
    found = measured.get(id(value))
    return found is not None and found[0] is value


def materialize(value: Any) -> Any:
    """`value` with every LazyValue inside resolved (the same object when there is none)."""
    if isinstance(value, LazyValue):
        return materialize(value.materialize())
    if isinstance(value, LazyList):
        return [materialize(v) for v in value]
    if isinstance(value, LazyDict):
        return {k: materialize(v) for k, v in value.items()}
    return value


def freeze(value: Any) -> Any:
    """A hashable key with Terraform's equality (`1 == 1.0`, `true != 1`)."""
    if isinstance(value, bool):
        return ("b", value)
    if isinstance(value, (int, float)):
        return ("n", value)
    if isinstance(value, str):
        return ("s", value)
    if value is None:
        return ("z",)
    if isinstance(value, list):
        return ("l", tuple(freeze(v) for v in value))
    if isinstance(value, dict):
        return ("m", tuple(sorted((k, freeze(v)) for k, v in value.items())))
    return ("o", id(value))


# ----- numbers and conversions ---------------------------------------------------------


MAX_INT_BITS = 14_000  # about 4,200 digits: every such integer converts to text
DIGITS = 4_300  # the longest integer text Python converts (sys.get_int_max_str_digits)


def normalize_number(value: int | float) -> int | float:
    """Integral floats become ints (Terraform has one number type); an integer too large
    to write out is an EvalError."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**63:
        return int(value)
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise BudgetExceeded(f"a number of {value.bit_length():,} bits", MAX_INT_BITS)
    return value


def number_text(value: int | float) -> str:
    value = normalize_number(value)
    if isinstance(value, int):
        return str(value)
    if value != value or value in (float("inf"), float("-inf")):
        raise EvalError("a number that is not finite cannot become a string")
    from decimal import Decimal  # only for a fraction: decimal costs 3 ms to import

    return format(Decimal(repr(value)), "f")


def parse_number(text: str) -> int | float:
    if len(text) > DIGITS:
        if _NUMBER_RE.fullmatch(text):
            raise BudgetExceeded(f"a number of {len(text):,} characters", DIGITS)
        raise EvalError(f"cannot convert {text[:20]!r}... ({len(text):,} characters) to a "
                        "number")
    if not _NUMBER_RE.fullmatch(text):
        raise EvalError(f"cannot convert {text!r} to a number")
    if re.fullmatch(r"-?\d+", text):
        return normalize_number(int(text))
    value = float(text)
    if not math.isfinite(value):
        raise BudgetExceeded(f"the number {text}", DIGITS)
    return normalize_number(value)


def to_string(value: Any) -> str:
    """Terraform's automatic conversion to string (numbers and bools convert)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number_text(value)
    if value is None:
        raise EvalError("a null value cannot be used as a string")
    raise EvalError(f"a {type_name(value)} value cannot be used as a string")


def to_number(value: Any) -> int | float:
    if isinstance(value, bool):
        raise EvalError("a bool value cannot be used as a number")
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        return parse_number(value)
    if value is None:
        raise EvalError("a null value cannot be used as a number")
    raise EvalError(f"a {type_name(value)} value cannot be used as a number")


def to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value == "true":
        return True
    if value == "false":
        return False
    if value is None:
        raise EvalError("a null value cannot be used as a bool")
    raise EvalError(f"a {type_name(value)} value cannot be used as a bool")


def to_int(value: Any, what: str = "index") -> int:
    number = to_number(value)
    if isinstance(number, float):
        raise EvalError(f"{what} must be a whole number, got {number_text(number)}")
    return number


def tf_equal(left: Any, right: Any) -> bool:
    """Terraform's `==` on known values: same type and same value."""
    if left is None or right is None:
        return left is None and right is None
    if isinstance(left, bool) or isinstance(right, bool):
        return isinstance(left, bool) and isinstance(right, bool) and left == right
    if is_number(left) and is_number(right):
        return bool(left == right)
    if isinstance(left, str) and isinstance(right, str):
        return left == right
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(
            tf_equal(a, b) for a, b in zip(left, right, strict=True))
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(tf_equal(v, right[k]) for k, v in left.items())
    return False


def equal_or_unknown(left: Any, right: Any) -> bool | Unknown:
    """Terraform's `==`: a bool, or the Unknown that keeps it from being decided.

    Only a value that is itself Unknown, or Unknown elements that decide the answer,
    make the result Unknown (`{a = Unknown} == null` is false)."""
    if isinstance(left, Unknown):
        return left
    if isinstance(right, Unknown):
        return right
    if left is None or right is None:
        return left is None and right is None
    if isinstance(left, list) and isinstance(right, list):
        if len(left) != len(right):
            return False
        return _all_equal([(a, b) for a, b in zip(left, right, strict=True)])
    if isinstance(left, dict) and isinstance(right, dict):
        if left.keys() != right.keys():
            return False
        return _all_equal([(v, right[k]) for k, v in left.items()])
    return tf_equal(left, right)


def _all_equal(pairs: list[tuple[Any, Any]]) -> bool | Unknown:
    pending: Unknown | None = None
    for a, b in pairs:
        result = equal_or_unknown(a, b)
        if isinstance(result, Unknown):
            if pending is None:
                pending = result
        elif not result:
            return False
    return pending if pending is not None else True


def sort_key(value: Any) -> tuple[int, Any]:
    """An order for set elements: numbers, then strings, then anything else by text."""
    if is_number(value):
        return (0, value)
    if isinstance(value, str):
        return (1, value)
    return (2, repr(value))


def make_set(items: list[Any]) -> list[Any] | Unknown:
    """A set (sorted, without duplicates); Unknown if an element is not known."""
    unique: dict[Any, Any] = {}
    for item in items:
        found = first_unknown(item)
        if found is not None:
            return found
        unique.setdefault(freeze(item), item)
    values = list(unique.values())
    if all(isinstance(v, str) for v in values) or all(is_number(v) for v in values):
        return sorted(values)
    return sorted(values, key=sort_key)
