"""Array and object functions: construction, membership, size, slicing, set operations.

Unknown elements inside arrays and objects pass through: `length` of an array with an
Unknown element is known, `contains` is Unknown only when the item is not among the
known elements and an Unknown element could be it.
"""

from __future__ import annotations

from typing import Any

from govern.model.unknown import Unknown
from govern.parsers.arm.context import CallContext
from govern.parsers.arm.fn_base import (
    FunctionSpec,
    spec,
    want_dict,
    want_int,
    want_list,
    want_str,
)
from govern.parsers.arm.values import (
    EvalError,
    arm_equals,
    first_unknown,
    lookup_key,
    to_text,
    type_name,
)
from govern.parsers.budget import current

MAX_RANGE = 10_000


def _array(args: list[Any], ctx: CallContext) -> Any:
    value = args[0]
    return value if isinstance(value, list) else [value]


def _create_array(args: list[Any], ctx: CallContext) -> Any:
    return list(args)


def _create_object(args: list[Any], ctx: CallContext) -> Any:
    if len(args) % 2:
        raise EvalError("createObject() takes key and value pairs")
    result: dict[str, Any] = {}
    for index in range(0, len(args), 2):
        key = args[index]
        if isinstance(key, Unknown):
            return key.derived()
        result[want_str(key, "an object key")] = args[index + 1]
    return result


def _contains(args: list[Any], ctx: CallContext) -> Any:
    container, item = args
    if isinstance(container, dict):
        if isinstance(item, Unknown):
            return item
        key = want_str(item, "the key").lower()
        return any(k.lower() == key for k in container)
    if isinstance(container, list):
        pending: Unknown | None = None
        for element in container:
            same = arm_equals(element, item)
            if same is True:
                return True
            if isinstance(same, Unknown) and pending is None:
                pending = same
        return False if pending is None else pending
    if isinstance(item, Unknown):
        return item
    if isinstance(container, str):
        text = to_text(item)
        return isinstance(text, str) and text in container
    raise EvalError(f"contains() needs an array, object or string, not {type_name(container)}")


def _empty(args: list[Any], ctx: CallContext) -> Any:
    value = args[0]
    if value is None:
        return True
    if isinstance(value, (str, list, dict)):
        return len(value) == 0
    raise EvalError(f"empty() needs an array, object or string, not {type_name(value)}")


def _length(args: list[Any], ctx: CallContext) -> Any:
    value = args[0]
    if isinstance(value, (str, list, dict)):
        return len(value)
    if value is None:
        return 0
    raise EvalError(f"length() needs an array, object or string, not {type_name(value)}")


def _slice(take: bool) -> Any:
    def impl(args: list[Any], ctx: CallContext) -> Any:
        value = args[0]
        count = max(0, want_int(args[1], "the number of elements"))
        if not isinstance(value, (list, str)):
            raise EvalError(f"{'take' if take else 'skip'}() needs an array or string, "
                            f"not {type_name(value)}")
        return value[:count] if take else value[count:]
    return impl


def _union(args: list[Any], ctx: CallContext) -> Any:
    present = [a for a in args if a is not None]
    if not present:
        return None
    if all(isinstance(a, dict) for a in present):
        merged: dict[str, Any] = {}
        for arg in present:
            merged = _merge(merged, arg)
        return merged
    if all(isinstance(a, list) for a in present):
        result: list[Any] = []
        for arg in present:
            for item in arg:
                if not any(arm_equals(item, seen) is True for seen in result):
                    result.append(item)
        return result
    raise EvalError("union() needs all arrays or all objects")


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Objects merged key by key (case-insensitively); nested objects merge recursively,
    other values (arrays too) are replaced."""
    result = dict(base)
    lowered = {k.lower(): k for k in result}
    for key, value in extra.items():
        existing = lowered.get(key.lower())
        if existing is not None:
            old = result.pop(existing)
            if isinstance(old, dict) and isinstance(value, dict):
                value = _merge(old, value)
        result[key] = value
        lowered[key.lower()] = key
    return result


def _intersection(args: list[Any], ctx: CallContext) -> Any:
    if all(isinstance(a, dict) for a in args):
        first: dict[str, Any] = args[0]
        result = {}
        for key, value in first.items():
            keep: bool | Unknown = True
            for other in args[1:]:
                try:
                    theirs = lookup_key(other, key)
                except KeyError:
                    keep = False
                    break
                same = arm_equals(value, theirs)
                if same is not True:
                    keep = same
                    if same is False:
                        break
            if isinstance(keep, Unknown):
                return keep
            if keep:
                result[key] = value
        return result
    if all(isinstance(a, list) for a in args):
        items: list[Any] = []
        for item in args[0]:
            verdicts = [_contains([other, item], ctx) for other in args[1:]]
            if any(isinstance(v, Unknown) for v in verdicts):
                found = next(v for v in verdicts if isinstance(v, Unknown))
                return found.derived()
            if all(verdicts) and not any(arm_equals(item, seen) is True for seen in items):
                items.append(item)
        return items
    raise EvalError("intersection() needs all arrays or all objects")


def _items(args: list[Any], ctx: CallContext) -> Any:
    value = want_dict(args[0], "the argument of items()")
    return [{"key": key, "value": value[key]} for key in sorted(value, key=str.upper)]


def _object_keys(args: list[Any], ctx: CallContext) -> Any:
    return list(want_dict(args[0], "the argument of objectKeys()"))


def _try_get(args: list[Any], ctx: CallContext) -> Any:
    value = args[0]
    for key in args[1:]:
        if value is None:
            return None
        if isinstance(value, Unknown):
            return value
        if isinstance(key, Unknown):
            return key
        if isinstance(value, dict):
            try:
                value = lookup_key(value, want_str(key, "the key"))
            except KeyError:
                return None
        elif isinstance(value, list):
            index = want_int(key, "the index")
            value = value[index] if 0 <= index < len(value) else None
        else:
            return None
    return value


def _flatten(args: list[Any], ctx: CallContext) -> Any:
    result: list[Any] = []
    for item in want_list(args[0], "the argument of flatten()"):
        if isinstance(item, Unknown):
            return item.derived()
        result.extend(want_list(item, "every element of flatten()'s array"))
        current().size(len(result), "flatten()")
    return result


def _join(args: list[Any], ctx: CallContext) -> Any:
    items = want_list(args[0], "the array")
    delimiter = want_str(args[1], "the delimiter")
    found = first_unknown(items)
    if found is not None:
        return found.derived()
    texts = [str(to_text(item)) for item in items]
    current().size(sum(map(len, texts)) + len(delimiter) * len(texts), "join()")
    return delimiter.join(texts)


def _range(args: list[Any], ctx: CallContext) -> Any:
    start = want_int(args[0], "the start")
    count = want_int(args[1], "the count")
    if count < 0 or count > MAX_RANGE:
        raise EvalError(f"range() count {count} is outside 0..{MAX_RANGE}")
    return list(range(start, start + count))


def _shallow_merge(args: list[Any], ctx: CallContext) -> Any:
    result: dict[str, Any] = {}
    for item in want_list(args[0], "the argument of shallowMerge()"):
        if isinstance(item, Unknown):
            return item.derived()
        result.update(want_dict(item, "every element of shallowMerge()'s array"))
    return result


FUNCTIONS: dict[str, FunctionSpec] = {
    "array": spec(_array, 1),
    "createarray": spec(_create_array, 0, None, unknowns="custom"),
    "createobject": spec(_create_object, 0, None, unknowns="custom"),
    "contains": spec(_contains, 2, unknowns="custom"),
    "empty": spec(_empty, 1),
    "length": spec(_length, 1),
    "take": spec(_slice(take=True), 2),
    "skip": spec(_slice(take=False), 2),
    "union": spec(_union, 1, None),
    "intersection": spec(_intersection, 1, None),
    "items": spec(_items, 1),
    "objectkeys": spec(_object_keys, 1),
    "tryget": spec(_try_get, 2, None, unknowns="custom"),
    "flatten": spec(_flatten, 1),
    "join": spec(_join, 2),
    "range": spec(_range, 2),
    "shallowmerge": spec(_shallow_merge, 1),
}
