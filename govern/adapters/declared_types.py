"""Values read as their declared type, the way the source format's engine reads them.

Terraform converts a value to the type of the provider's schema before the provider sees
it (`priority = "100"` is the number 100, `enabled = "true"` the boolean, `ports = [22]`
the string "22"), and CloudFormation hands every scalar to the resource provider as text,
which reads it by the property's type. The adapters copy values as written; this pass,
run once per resource after it is built and folded, converts each scalar to the type its
canonical attribute declares (govern/kinds/): a string of digits at an integer, `"true"` or
`"false"` (any case) at a boolean, a number or boolean at a string. A string that cannot
be the declared boolean or integer is Unknown (the deployment would reject it). Values
inside an Unknown's alternatives are converted too; locations and defaulted marks stay.
"""

from __future__ import annotations

import re
from typing import Any

from govern.kinds import KINDS, OPEN_TYPES
from govern.kinds.declare import Attribute
from govern.model.resource import Resource
from govern.model.unknown import Unknown, has_choices, map_choices

_INTEGER = re.compile(r"^\s*[-+]?\d{1,18}\s*$")
_BOOLEAN_TEXT = {"true": True, "false": False}


def read_declared_types(resource: Resource) -> None:
    """Convert `resource`'s scalars to their declared types, in place."""
    kind = KINDS.get(resource.kind)
    if kind is not None:
        _object(kind.attributes, resource.attributes)


def _object(declared: tuple[Attribute, ...], values: dict[str, Any]) -> None:
    for attribute in declared:
        if attribute.name in values:
            values[attribute.name] = _value(attribute, attribute.type,
                                            values[attribute.name])


def _value(attribute: Attribute, type_: str, value: Any) -> Any:
    if type_ in OPEN_TYPES or value is None:
        return value
    if isinstance(value, Unknown):
        if not has_choices(value):
            return value
        return map_choices(value, lambda item: _value(attribute, type_, item))
    if type_ == "object":
        if isinstance(value, dict):
            _object(attribute.attributes, value)
        return value
    if type_ == "list":
        if isinstance(value, list):
            element = attribute.items or "any"
            return [_value(attribute, "object" if element == "object" else element, item)
                    for item in value]
        return value
    return _scalar(type_, value)


def _scalar(type_: str, value: Any) -> Any:
    if type_ == "boolean" and isinstance(value, str):
        found = _BOOLEAN_TEXT.get(value.strip().lower())
        return found if found is not None else Unknown(f"{value!r} is not a boolean")
    if type_ == "integer" and isinstance(value, str):
        if _INTEGER.match(value):
            return int(value)
        return Unknown(f"{value!r} is not a whole number")
    if type_ == "string" and isinstance(value, (bool, int, float)):
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value) if not isinstance(value, float) or not value.is_integer() \
            else str(int(value))
    return value
