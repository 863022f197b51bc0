"""ARM string booleans. Templates often write a boolean property as a string (`"true"`,
`"True"`, `"false"`), and Azure Resource Manager reads it as the boolean. Every canonical
attribute declared boolean (`govern.model.kinds.BOOLEAN_ATTRIBUTES`) is read that way, once,
after a template's resources are built and folded; conversions that take a native boolean
(`negated`) read one through `arm_boolean` first."""

from __future__ import annotations

from typing import Any

from govern.model.kinds import BOOLEAN_ATTRIBUTES
from govern.model.resource import Resource, split_path
from govern.model.unknown import Unknown, has_choices, map_choices

_BOOLEAN_TEXT = {"true": True, "false": False}


def arm_boolean(value: Any) -> Any:
    """`"true"`/`"false"` (any case, surrounding spaces ignored) -> the boolean; anything
    else as it is (a string that is not a boolean is left for the caller to judge)."""
    if isinstance(value, str):
        found = _BOOLEAN_TEXT.get(value.strip().lower())
        if found is not None:
            return found
    return value


def _boolean(value: Any) -> Any:
    if isinstance(value, Unknown):
        return map_choices(value, _boolean) if has_choices(value) else value
    if isinstance(value, str):
        found = arm_boolean(value)
        return found if isinstance(found, bool) else Unknown(f"{value!r} is not a boolean")
    return value


def read_booleans(resource: Resource) -> None:
    """Read the string booleans at `resource`'s declared-boolean paths as booleans (also in
    each alternative of a conditional value); a string that is not a boolean is Unknown.
    Locations and the defaulted marks are kept."""
    for dotted in BOOLEAN_ATTRIBUTES.get(resource.kind, ()):
        path = split_path(dotted)
        value = resource.get(path, None)
        if value is None:
            continue
        converted = _boolean(value)
        if converted is not value:
            resource.set(path, converted)
