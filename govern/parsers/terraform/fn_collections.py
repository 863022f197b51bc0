"""Collection functions: lists, maps, sets and type conversions between them.

Unknown handling (see FunctionSpec): most are `deep`. `shallow` ones (merge, concat,
lookup, length, keys, values, element, slice, reverse, one, tolist, tomap, zipmap,
sensitive, nonsensitive) give a precise answer when only values nested inside their
arguments are Unknown. `coalesce`, `coalescelist`, `compact` and `flatten` are `custom`:
they are Unknown only when an Unknown element could change the answer.
"""

from __future__ import annotations

from typing import Any

from govern.model.unknown import Unknown
from govern.parsers.budget import current
from govern.parsers.terraform.fn_base import (
    FunctionContext,
    FunctionSpec,
    arg_bool,
    arg_int,
    arg_list,
    arg_map,
    arg_num,
    arg_str,
    fixed,
    is_primitive,
    variadic,
)
from govern.parsers.terraform.values import (
    EvalError,
    ResourceObject,
    freeze,
    is_number,
    make_set,
    normalize_number,
    tf_equal,
    to_string,
)


def _merge(args: list[Any], ctx: FunctionContext) -> Any:
    out: dict[str, Any] = {}
    for arg in args:
        if arg is None:
            continue
        out.update(arg_map(arg, "merge argument"))
    return out


def _concat(args: list[Any], ctx: FunctionContext) -> Any:
    out: list[Any] = []
    for arg in args:
        out.extend(arg_list(arg, "concat argument"))
    return out


def _lookup(args: list[Any], ctx: FunctionContext) -> Any:
    mapping = arg_map(args[0], "lookup map")
    if isinstance(args[1], Unknown):
        return args[1]
    key = arg_str(args[1], "lookup key")
    if key in mapping:
        return mapping[key]
    if isinstance(mapping, ResourceObject):
        return mapping.missing(key)
    if len(args) == 3:
        return args[2]
    raise EvalError(f"lookup: the map has no key {key!r} and no default was given")


def _length(args: list[Any], ctx: FunctionContext) -> Any:
    value = args[0]
    if isinstance(value, ResourceObject):
        return Unknown("the attributes of a resource are known after apply", ref=value.ref)
    if isinstance(value, (list, dict, str)):
        return len(value)
    raise EvalError("length: argument must be a string, list or map")


def _element(args: list[Any], ctx: FunctionContext) -> Any:
    items = arg_list(args[0], "element list")
    if isinstance(args[1], Unknown):
        return args[1]
    index = arg_int(args[1], "element index")
    if not items:
        raise EvalError("element: cannot use element function with an empty list")
    if index < 0:
        raise EvalError("element: index must not be negative")
    return items[index % len(items)]


def _index(args: list[Any], ctx: FunctionContext) -> Any:
    for position, item in enumerate(arg_list(args[0], "index list")):
        if tf_equal(item, args[1]):
            return position
    raise EvalError("index: item not found in the list")


def _contains(args: list[Any], ctx: FunctionContext) -> Any:
    wanted = freeze(args[1])
    return any(freeze(item) == wanted for item in arg_list(args[0], "contains list"))


def _keys(args: list[Any], ctx: FunctionContext) -> Any:
    return sorted(arg_map(args[0], "keys argument"))


def _values(args: list[Any], ctx: FunctionContext) -> Any:
    mapping = arg_map(args[0], "values argument")
    return [mapping[k] for k in sorted(mapping)]


def _zipmap(args: list[Any], ctx: FunctionContext) -> Any:
    keys, values = arg_list(args[0], "zipmap keys"), arg_list(args[1], "zipmap values")
    unknown = next((k for k in keys if isinstance(k, Unknown)), None)
    if unknown is not None:
        return unknown
    if len(keys) != len(values):
        raise EvalError("zipmap: the keys and values lists must have the same length")
    return {arg_str(k, "zipmap key"): v for k, v in zip(keys, values, strict=True)}


def _range(args: list[Any], ctx: FunctionContext) -> Any:
    nums = [arg_num(a, "range argument") for a in args]
    start: int | float = 0
    step: int | float = 1
    if len(nums) == 1:
        end = nums[0]
    else:
        start, end = nums[0], nums[1]
        step = nums[2] if len(nums) == 3 else (1 if end >= start else -1)
    if step == 0:
        raise EvalError("range: step must not be zero")
    count = (end - start) / step
    if count > 0:
        limit = current().limits.value_size
        current().size(int(count) + 1 if count <= limit else limit + 1, "range()")
    out: list[Any] = []
    value = start
    while (step > 0 and value < end) or (step < 0 and value > end):
        out.append(normalize_number(value))
        value += step
    return out


def _slice(args: list[Any], ctx: FunctionContext) -> Any:
    items = arg_list(args[0], "slice list")
    start, end = arg_int(args[1], "start index"), arg_int(args[2], "end index")
    if start < 0 or end > len(items) or start > end:
        raise EvalError(f"slice: indices {start}..{end} out of range for {len(items)} elements")
    return items[start:end]


def _reverse(args: list[Any], ctx: FunctionContext) -> Any:
    return list(reversed(arg_list(args[0], "reverse argument")))


def _sort(args: list[Any], ctx: FunctionContext) -> Any:
    items = arg_list(args[0], "sort argument")
    return sorted(arg_str(item, "sort element") for item in items)


def _distinct(args: list[Any], ctx: FunctionContext) -> Any:
    unique: dict[Any, Any] = {}
    for item in arg_list(args[0], "distinct argument"):
        unique.setdefault(freeze(item), item)
    return list(unique.values())


def _flatten(args: list[Any], ctx: FunctionContext) -> Any:
    out: list[Any] = []

    def walk(items: list[Any]) -> Unknown | None:
        for item in items:
            if isinstance(item, Unknown):
                return item
            if isinstance(item, list):
                found = walk(item)
                if found is not None:
                    return found
            else:
                out.append(item)
                if len(out) > limit:
                    current().size(len(out), "flatten()")
        return None

    limit = current().limits.value_size
    if isinstance(args[0], Unknown):
        return args[0]
    unknown = walk(arg_list(args[0], "flatten argument"))
    return unknown if unknown is not None else out


def _compact(args: list[Any], ctx: FunctionContext) -> Any:
    if isinstance(args[0], Unknown):
        return args[0]
    out: list[Any] = []
    for item in arg_list(args[0], "compact argument"):
        if isinstance(item, Unknown):
            return item
        if item is not None and item != "":
            out.append(arg_str(item, "compact element"))
    return out


def _coalesce(args: list[Any], ctx: FunctionContext) -> Any:
    for arg in args:
        if isinstance(arg, Unknown):
            return arg
        if arg is not None and arg != "":
            if is_primitive(arg) and any(isinstance(a, str) for a in args):
                return to_string(arg)
            return arg
    raise EvalError("coalesce: no non-null, non-empty argument")


def _coalescelist(args: list[Any], ctx: FunctionContext) -> Any:
    for arg in args:
        if isinstance(arg, Unknown):
            return arg
        if arg_list(arg, "coalescelist argument"):
            return arg
    return []


def _one(args: list[Any], ctx: FunctionContext) -> Any:
    items = arg_list(args[0], "one argument")
    if len(items) > 1:
        raise EvalError("one: the list has more than one element")
    return items[0] if items else None


def _alltrue(args: list[Any], ctx: FunctionContext) -> Any:
    return all(arg_bool(i, "alltrue element") for i in arg_list(args[0], "alltrue argument"))


def _anytrue(args: list[Any], ctx: FunctionContext) -> Any:
    return any(arg_bool(i, "anytrue element") for i in arg_list(args[0], "anytrue argument"))


def _tolist(args: list[Any], ctx: FunctionContext) -> Any:
    if args[0] is None:
        return None
    return list(arg_list(args[0], "tolist argument"))


def to_set(value: Any) -> Any:
    items = arg_list(value, "toset argument")
    kinds = {type(i) for i in items if i is not None}
    if len(kinds) > 1 and all(is_primitive(i) for i in items):
        items = [to_string(i) for i in items]
    return make_set(items)


def _toset(args: list[Any], ctx: FunctionContext) -> Any:
    return None if args[0] is None else to_set(args[0])


def _tomap(args: list[Any], ctx: FunctionContext) -> Any:
    if args[0] is None:
        return None
    return dict(arg_map(args[0], "tomap argument"))


def _chunklist(args: list[Any], ctx: FunctionContext) -> Any:
    items, size = arg_list(args[0], "chunklist list"), arg_int(args[1], "chunk size")
    if size < 0:
        raise EvalError("chunklist: size must not be negative")
    if size == 0:
        return [items]
    return [items[i:i + size] for i in range(0, len(items), size)]


def _setunion(args: list[Any], ctx: FunctionContext) -> Any:
    return make_set([i for a in args for i in arg_list(a, "setunion argument")])


def _setintersection(args: list[Any], ctx: FunctionContext) -> Any:
    first = arg_list(args[0], "setintersection argument")
    rest = [arg_list(a, "setintersection argument") for a in args[1:]]
    keep = [{freeze(o) for o in r} for r in rest]
    return make_set([i for i in first if all(freeze(i) in k for k in keep)])


def _setsubtract(args: list[Any], ctx: FunctionContext) -> Any:
    other = arg_list(args[1], "setsubtract argument")
    items = arg_list(args[0], "setsubtract argument")
    drop = {freeze(o) for o in other}
    return make_set([i for i in items if freeze(i) not in drop])


def _setproduct(args: list[Any], ctx: FunctionContext) -> Any:
    lists = [arg_list(arg, "setproduct argument") for arg in args]
    size = 1
    for items in lists:
        size = min(size * len(items), current().limits.value_size + 1)
    current().size(size, "setproduct()")
    out: list[list[Any]] = [[]]
    for items in lists:
        out = [[*prefix, item] for prefix in out for item in items]
    return out


def _matchkeys(args: list[Any], ctx: FunctionContext) -> Any:
    values, keys = arg_list(args[0], "matchkeys values"), arg_list(args[1], "matchkeys keys")
    search = arg_list(args[2], "matchkeys searchset")
    if len(values) != len(keys):
        raise EvalError("matchkeys: values and keys must have the same length")
    wanted = {freeze(s) for s in search}
    return [v for v, k in zip(values, keys, strict=True) if freeze(k) in wanted]


def _transpose(args: list[Any], ctx: FunctionContext) -> Any:
    out: dict[str, list[str]] = {}
    for key, items in arg_map(args[0], "transpose argument").items():
        for item in arg_list(items, "transpose value"):
            out.setdefault(arg_str(item, "transpose element"), []).append(key)
    return {k: sorted(v) for k, v in sorted(out.items())}


def _sum(args: list[Any], ctx: FunctionContext) -> Any:
    items = arg_list(args[0], "sum argument")
    if not items:
        raise EvalError("sum: cannot sum an empty list")
    total: int | float = 0
    for item in items:
        total += arg_num(item, "sum element")
    return normalize_number(total)


def _identity(args: list[Any], ctx: FunctionContext) -> Any:
    return args[0]


def _issensitive(args: list[Any], ctx: FunctionContext) -> Any:
    return False


FUNCTIONS: dict[str, FunctionSpec] = {
    "merge": variadic(_merge, 0, "shallow"),
    "concat": variadic(_concat, 0, "shallow"),
    "lookup": FunctionSpec(_lookup, 2, 3, "shallow"),
    "length": fixed(_length, 1, "shallow"),
    "element": fixed(_element, 2, "shallow"),
    "index": fixed(_index, 2),
    "contains": fixed(_contains, 2),
    "keys": fixed(_keys, 1, "shallow"),
    "values": fixed(_values, 1, "shallow"),
    "zipmap": fixed(_zipmap, 2, "shallow"),
    "range": FunctionSpec(_range, 1, 3),
    "slice": fixed(_slice, 3, "shallow"),
    "reverse": fixed(_reverse, 1, "shallow"),
    "sort": fixed(_sort, 1),
    "distinct": fixed(_distinct, 1),
    "flatten": fixed(_flatten, 1, "custom"),
    "compact": fixed(_compact, 1, "custom"),
    "coalesce": variadic(_coalesce, 1, "custom"),
    "coalescelist": variadic(_coalescelist, 1, "custom"),
    "one": fixed(_one, 1, "shallow"),
    "alltrue": fixed(_alltrue, 1),
    "anytrue": fixed(_anytrue, 1),
    "tolist": fixed(_tolist, 1, "shallow"),
    "toset": fixed(_toset, 1),
    "tomap": fixed(_tomap, 1, "shallow"),
    "chunklist": fixed(_chunklist, 2, "shallow"),
    "setunion": variadic(_setunion, 1),
    "setintersection": variadic(_setintersection, 1),
    "setsubtract": fixed(_setsubtract, 2),
    "setproduct": variadic(_setproduct, 1),
    "matchkeys": fixed(_matchkeys, 3),
    "transpose": fixed(_transpose, 1),
    "sum": fixed(_sum, 1),
    "sensitive": fixed(_identity, 1, "shallow"),
    "nonsensitive": fixed(_identity, 1, "shallow"),
    "issensitive": fixed(_issensitive, 1, "shallow"),
}

__all__ = ["FUNCTIONS", "is_number", "to_set"]
