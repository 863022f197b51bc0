"""What the second reading of a template (template.py, parsers/deploy_choices.py) can take
from the first, member by member.

A resource whose evaluation read a parameter left to the deployer is evaluated again in
the second reading, but often only a few of its members read one (a VM's `hardwareProfile`
reads `vmSize`; its `networkProfile` does not). In the first reading, `MemberTracker`
notes which members did: the resource's top-level members and the members of its
`properties` (`Evaluator.tree` hands those to it). In the second, `MemberReuse` gives the
first reading's value (and source locations) of every other member instead of evaluating
it again: it would be the same, since it reads nothing that differs between the readings.
Only members written with the spelling the first reading's attributes keep
(`properties`, not `Properties`) are taken over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from govern.model.resource import Path
from govern.parsers.json_positions import JNode
from govern.parsers.native import NativeResource

if TYPE_CHECKING:
    from govern.parsers.arm.evaluator import Env, Evaluator, Locations

_MISSING = object()
# the usual spelling of a resource's top-level keys (resources._normalize_keys respells
# `Properties` as `properties` in the first reading's attributes)
USUAL_KEYS = {key.lower(): key for key in (
    "type", "apiVersion", "name", "location", "tags", "sku", "kind", "properties",
    "dependsOn", "scope", "identity", "zones", "plan", "comments", "managedBy",
    "extendedLocation", "subscriptionId", "resourceGroup")}


def tracks(path: Path) -> bool:
    """Whether the members of the object at `path` (of a resource) are handed over one
    by one: those of the resource itself and of its `properties`."""
    return not path or path == ("properties",)


class MemberTracker:
    """First reading: the member paths whose evaluation read a parameter left open."""

    def __init__(self) -> None:
        self.read: set[Path] = set()

    def member(self, ev: Evaluator, node: JNode, env: Env, path: Path,
               locations: Locations | None, skip: Callable[[Path], bool] | None) -> Any:
        outer, ev.read_choice = ev.read_choice, False
        try:
            return ev.tree(node, env, path, locations, skip)
        finally:
            if ev.read_choice:
                self.read.add(path)
            ev.read_choice = outer or ev.read_choice


class MemberReuse:
    """Second reading: the first reading's value of each member that read nothing left
    open."""

    def __init__(self, first: NativeResource, read: frozenset[Path]) -> None:
        self.first = first
        self.read = read

    def member(self, ev: Evaluator, node: JNode, env: Env, path: Path,
               locations: Locations | None, skip: Callable[[Path], bool] | None) -> Any:
        if path not in self.read and locations is not None and _kept_spelling(path):
            value = _value_at(self.first.attributes, path)
            if value is not _MISSING:
                size = len(path)
                for where, source in self.first.locations.items():
                    if where[:size] == path:
                        locations[where] = source
                return value
        return ev.tree(node, env, path, locations, skip)


def _kept_spelling(path: Path) -> bool:
    key = str(path[-1])
    if len(path) == 1:
        return USUAL_KEYS.get(key.lower(), key) == key
    return path[0] == "properties"


def _value_at(attributes: dict[str, Any], path: Path) -> Any:
    if len(path) == 1:
        return attributes.get(str(path[0]), _MISSING)
    properties = attributes.get("properties")
    if not isinstance(properties, dict):
        return _MISSING
    return properties.get(str(path[1]), _MISSING)
