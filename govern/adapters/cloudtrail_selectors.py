"""A CloudTrail trail's event selectors, as canonical `event_selectors` and
`advanced_event_selectors`, from Terraform blocks, CloudFormation properties or the live
GetEventSelectors answer: the same shape with each format's names (`NAMES`).

Basic selectors: `read_write_type` (`All` when not written) and
`include_management_events` (true when not written) are filled in, `data_resources` is
always a list. Advanced selectors keep each field selector's operators that are set. A
block or list that is not known statically stays an Unknown element (or an Unknown list).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from govern.adapters.building import set_at, where
from govern.adapters.reading import MISSING, blocks_in, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


@dataclass(frozen=True)
class Names:
    """One format's names for the selector parts, in canonical order."""

    basic: str
    read_write_type: str
    include_management_events: str
    data_resources: str
    type: str
    values: str
    advanced: str
    name: str
    field_selectors: str
    field: str
    operators: tuple[tuple[str, str], ...]  # (canonical, native)


_OPERATORS = ("equals", "starts_with", "ends_with", "not_equals", "not_starts_with",
              "not_ends_with")
TERRAFORM = Names("event_selector", "read_write_type", "include_management_events",
                  "data_resource", "type", "values", "advanced_event_selector", "name",
                  "field_selector", "field", tuple((o, o) for o in _OPERATORS))
CLOUDFORMATION = Names("EventSelectors", "ReadWriteType", "IncludeManagementEvents",
                       "DataResources", "Type", "Values", "AdvancedEventSelectors", "Name",
                       "FieldSelectors", "Field", tuple(
                           (o, "".join(p.capitalize() for p in o.split("_")))
                           for o in _OPERATORS))
LIVE = CLOUDFORMATION  # GetEventSelectors answers with CloudFormation's names


def set_event_selectors(resource: Resource, native: NativeResource, names: Names) -> None:
    """Sets the trail's `event_selectors` and `advanced_event_selectors` that are written
    (at the location of their blocks or property)."""
    basic, advanced = event_selectors(native.attributes, names)
    for canonical, key, value in (("event_selectors", names.basic, basic),
                                  ("advanced_event_selectors", names.advanced, advanced)):
        if value is not MISSING:
            set_at(resource, canonical, value, where(native, key, False))


def event_selectors(node: Any, names: Names) -> tuple[Any, Any]:
    """(`event_selectors`, `advanced_event_selectors`) of a trail's native attributes
    `node`; MISSING for a kind of selector that is not written."""
    return (_each(node, names.basic, lambda b: _basic(b, names)),
            _each(node, names.advanced, lambda b: _advanced(b, names)))


def _each(node: Any, key: str, build: Callable[[Any], dict[str, Any]]) -> Any:
    if value_in(node, key) is MISSING:
        return MISSING
    blocks = blocks_in(node, key)
    if isinstance(blocks, Unknown):
        return blocks
    return [block if isinstance(block, Unknown) else build(block) for block in blocks]


def _basic(block: Any, names: Names) -> dict[str, Any]:
    access = value_in(block, names.read_write_type)
    management = value_in(block, names.include_management_events)
    if isinstance(management, str) and management.lower() in ("true", "false"):
        management = management.lower() == "true"
    return {"read_write_type": "All" if access is MISSING else access,
            "include_management_events": True if management is MISSING else management,
            "data_resources": _listed(_each(block, names.data_resources,
                                            lambda r: _data_resource(r, names)))}


def _data_resource(block: Any, names: Names) -> dict[str, Any]:
    found = {"type": value_in(block, names.type), "values": value_in(block, names.values)}
    return {key: value for key, value in found.items() if value is not MISSING}


def _advanced(block: Any, names: Names) -> dict[str, Any]:
    found: dict[str, Any] = {}
    name = value_in(block, names.name)
    if name is not MISSING:
        found["name"] = name
    found["field_selectors"] = _listed(_each(block, names.field_selectors,
                                             lambda f: _field(f, names)))
    return found


def _listed(value: Any) -> Any:
    """An empty list for a list that is not written."""
    return [] if value is MISSING else value


def _field(block: Any, names: Names) -> dict[str, Any]:
    found: dict[str, Any] = {}
    field = value_in(block, names.field)
    if field is not MISSING:
        found["field"] = field
    for canonical, native in names.operators:
        value = value_in(block, native)
        if value is not MISSING and value != []:  # a plan lists every operator, [] unset
            found[canonical] = value
    return found
