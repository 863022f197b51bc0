"""ARM kinds built from a table of properties (as `govern.adapters.terraform.mapping` for
azurerm), with the conversions most Azure properties need."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from govern.adapters.arm.booleans import arm_boolean
from govern.adapters.arm.building import (
    Convert,
    apply_tags,
    copy,
    new_resource,
    set_default,
)
from govern.adapters.arm.reading import MISSING
from govern.adapters.arm.storage import set_context
from govern.model.kinds import KINDS
from govern.model.resource import Resource, split_path
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

Finish = Callable[[Resource, NativeResource], None]


@dataclass(frozen=True)
class ArmField:
    """A canonical attribute (dotted) from an ARM property path (dotted, below the
    resource), converted, else `default` (written and marked as defaulted)."""

    canonical: str
    native: str
    function: Convert | None = None
    default: Any = MISSING


@dataclass(frozen=True)
class ArmMapping:
    """`name`, `resource_group_name` (where the deployment goes), the fields, and `tags`
    for taggable kinds."""

    kind: str
    fields: tuple[ArmField, ...]
    finish: Finish | None = None

    def build(self, native: NativeResource) -> Resource:
        resource = new_resource(native, self.kind)
        copy(resource, native, ("name",), ("name",))
        set_context(resource, native)
        for spec in self.fields:
            canonical = split_path(spec.canonical)
            written = copy(resource, native, split_path(spec.native), canonical,
                           spec.function)
            if not written and spec.default is not MISSING:
                set_default(resource, canonical, spec.default)
        if self.finish is not None:
            self.finish(resource, native)
        if KINDS[self.kind].taggable:
            apply_tags(resource, native)
        return resource


def enabled(value: Any) -> Any:
    """`publicNetworkAccess`-style values: `Enabled` -> true, `Disabled` -> false (any case);
    anything else (`SecuredByPerimeter`) is Unknown."""
    if isinstance(value, str):
        lowered = value.lower()
        if lowered == "enabled":
            return True
        if lowered == "disabled":
            return False
    return Unknown(f"{value!r}: access depends on settings outside the resource "
                   f"(e.g. a network security perimeter)")


def negated(value: Any) -> Any:
    """A `disable...` boolean (or string boolean, `"true"`) read as the matching
    `..._enabled`."""
    value = arm_boolean(value)
    if isinstance(value, bool):
        return not value
    return Unknown(f"{value!r} is not a boolean")


def text(value: Any) -> Any:
    """A version written as a number (`1.2`) as the string Azure reads (`"1.2"`)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def pluck(key: str) -> Convert:
    """An array of objects -> the list of their `key` (`ipRules[].value`); Unknown
    elements stay Unknown."""
    def function(value: Any) -> Any:
        if not isinstance(value, list):
            return Unknown("expected an array")
        result: list[Any] = []
        for item in value:
            if isinstance(item, dict):
                found = next((v for k, v in item.items() if k.lower() == key.lower()),
                             None)
                result.append(Unknown(f"the entry has no {key}") if found is None
                              else found)
            elif isinstance(item, Unknown):
                result.append(item)
            elif item is not None:
                result.append(Unknown(f"the entry is not an object with {key}"))
        return result
    return function
