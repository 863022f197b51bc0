"""Values of the ARM template language: JSON values plus `Unknown`, with the helpers every
function needs (type names, strict equality, `string()` conversion, strings with unknown
pieces).

Two kinds of Unknown are specific to ARM:

- `UnknownSegment`: a value known to be one path segment (no `/`) of a resource id, such
  as the subscription id, the resource group name or a `guid()`. A resource id whose
  unknown pieces are all segments still has a known shape (`/subscriptions/<?>`), which
  is what the scope level of a role assignment depends on.
- `UnknownString`: a string made of known and unknown pieces, as `concat`, `format` and
  the `resourceId` family build them (`/subscriptions/<?>/providers/.../<guid>`). The
  known pieces stay readable (the built-in role GUID at the end of a role definition id).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from govern.model.unknown import Unknown


class EvalError(Exception):
    """An expression ARM would reject when deploying (wrong types, missing property...)."""


class UnknownSegment(Unknown):
    """An unknown value that is one segment of a resource id (it holds no `/`)."""

    __slots__ = ()


class UnknownString(Unknown):
    """A string whose `parts` are known strings and Unknown pieces (never two adjacent
    strings, never an UnknownString)."""

    __slots__ = ("parts",)

    def __init__(self, parts: tuple[str | Unknown, ...], reason: str | None = None,
                 ref: str | None = None) -> None:
        first = next(p for p in parts if isinstance(p, Unknown))
        super().__init__(reason or first.reason, ref if ref is not None else first.ref)
        self.parts = parts

    def __repr__(self) -> str:
        return f"UnknownString({self.parts!r})"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, UnknownString) and other.parts == self.parts
                and other.ref == self.ref)

    def __hash__(self) -> int:
        return hash(("UnknownString", self.parts))

    def known_suffix(self) -> str:
        """The known text after the last unknown piece ('' when it ends with one)."""
        last = self.parts[-1]
        return last if isinstance(last, str) else ""


def join_parts(pieces: Iterable[Any], ref: str | None = None) -> str | Unknown:
    """Concatenate strings and Unknown pieces: a plain string when every piece is known,
    else an UnknownString (pieces of an UnknownString are spliced in)."""
    parts: list[str | Unknown] = []
    for piece in pieces:
        if not isinstance(piece, (str, Unknown)):
            piece = to_text(piece)
        items = piece.parts if isinstance(piece, UnknownString) else (piece,)
        for item in items:
            if isinstance(item, str):
                if not item:
                    continue
                if parts and isinstance(parts[-1], str):
                    parts[-1] = parts[-1] + item
                    continue
            parts.append(item)
    if all(isinstance(p, str) for p in parts):
        return "".join(p for p in parts if isinstance(p, str))
    return UnknownString(tuple(parts), ref=ref)


def alternatives_of(value: Any) -> tuple[Any, ...] | None:
    """The values an Unknown can take, when it says so."""
    if isinstance(value, Unknown):
        found: tuple[Any, ...] | None = getattr(value, "alternatives", None)
        return found
    return None


MAX_ALTERNATIVES = 32


def with_alternatives(reason: str, values: Iterable[Any], origin: str | None = None) -> Any:
    """An Unknown that is one of `values` (the single value when they are all equal).
    Values that are themselves Unknowns with alternatives contribute those; more than
    MAX_ALTERNATIVES give a plain Unknown. `origin`: see Unknown."""
    flat: list[Any] = []
    for value in values:
        nested = alternatives_of(value)
        flat.extend(nested if nested is not None else (value,))
    if len(flat) > MAX_ALTERNATIVES:
        return Unknown(reason, origin=origin)
    options = tuple(flat)
    first = options[0] if options else None
    if options and not isinstance(first, Unknown) and all(
            same_value(first, other) for other in options[1:]):
        return first
    return Unknown(reason, None, options, origin)


def same_value(a: Any, b: Any) -> bool:
    """Exact equality of known values, telling booleans from numbers."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, Unknown) or isinstance(b, Unknown):
        return False
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    return (type(a) is type(b) and a == b) or (is_number(a) and is_number(b) and a == b)


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def arm_equals(a: Any, b: Any) -> bool | Unknown:
    """`equals()`: structural and case-sensitive; Unknown when an Unknown could decide."""
    if isinstance(a, Unknown):
        return a
    if isinstance(b, Unknown):
        return b
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if is_number(a) and is_number(b):
        return bool(a == b)
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return False
        return _all_equal(zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        if {k.lower() for k in a} != {k.lower() for k in b}:
            return False
        lower_b = {k.lower(): v for k, v in b.items()}
        return _all_equal((v, lower_b[k.lower()]) for k, v in a.items())
    return type(a) is type(b) and bool(a == b)


def _all_equal(pairs: Iterable[tuple[Any, Any]]) -> bool | Unknown:
    pending: Unknown | None = None
    for x, y in pairs:
        found = arm_equals(x, y)
        if found is False:
            return False
        if isinstance(found, Unknown) and pending is None:
            pending = found
    return True if pending is None else pending


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "unknown"


def first_unknown(value: Any) -> Unknown | None:
    """The first Unknown anywhere inside `value`."""
    if isinstance(value, Unknown):
        return value
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            found = first_unknown(item)
            if found is not None:
                return found
    return None


def to_text(value: Any) -> str | Unknown:
    """`string()` and the pieces of `concat`/`format`: booleans as `True`/`False` (as
    .NET writes them), numbers as digits, null as '', arrays and objects as compact
    JSON. An Unknown (or a collection holding one) stays Unknown."""
    if isinstance(value, str):
        return value
    if isinstance(value, Unknown):
        return value
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if value is None:
        return ""
    found = first_unknown(value)
    if found is not None:
        return found.derived()
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def lookup_key(mapping: dict[str, Any], key: str) -> Any:
    """`mapping[key]`, falling back to a case-insensitive match (ARM property names are
    case-insensitive); raises KeyError when absent."""
    if key in mapping:
        return mapping[key]
    lowered = key.lower()
    for name, value in mapping.items():
        if name.lower() == lowered:
            return value
    raise KeyError(key)


def name_key(value: Any) -> Any:
    """A hashable key that identifies a (possibly unknown) resource name: known strings
    case-insensitively, an Unknown by what it stands for."""
    if isinstance(value, str):
        return ("s", value.lower())
    if isinstance(value, UnknownString):
        return ("p", tuple(name_key(p) for p in value.parts))
    if isinstance(value, Unknown):
        return ("u", value.reason)
    return ("v", repr(value))
