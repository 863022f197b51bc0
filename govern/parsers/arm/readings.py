"""What the second reading of a template (template.py, parsers/deploy_choices.py) can take
from the first, value by value.

A resource whose evaluation read a parameter left to the deployer is evaluated again in
the second reading, but often only a few of its values read one (a VM's
`hardwareProfile.vmSize` reads `vmSize`; its `networkProfile` does not). In the first
reading, `ValueTracker` notes the path of each template string whose value read one
(`Evaluator.tree` hands it every string of the resource), and whether something else did
(a copy loop's count: then nothing of the resource is taken over). In the second,
`ValueReuse` gives the first reading's value of every member and
element on no such path instead of evaluating it again: it would be the same, since it
reads nothing that differs between the readings. A resource's top-level members are taken
over only when written with the spelling the first reading's attributes keep
(`properties`, not `Properties`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from govern.model.resource import Path
from govern.model.unknown import Unknown
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


class ValueTracker:
    """First reading: the paths of the strings whose value read a parameter left open
    (`read`), and of those that looked another resource up (`looked_up`: they may differ
    when which resources exist reads such a parameter). Neither reaches
    `Evaluator.read_choice` or `Registry.consulted`: what is left there after the
    resource's values were evaluated happened elsewhere (not attributed to a path)."""

    reusing = False

    def __init__(self) -> None:
        self.read: set[Path] = set()
        self.looked_up: set[Path] = set()

    def string(self, ev: Evaluator, node: JNode, env: Env, path: Path) -> Any:
        if not node.value.startswith("["):  # a literal reads nothing
            return ev.string_value(node.value, env, node.line)
        registry = ev.registry
        outer = (ev.read_choice, registry.consulted)
        ev.read_choice = registry.consulted = False
        try:
            return ev.string_value(node.value, env, node.line)
        finally:
            if ev.read_choice:
                self.read.add(path)
            if registry.consulted:
                self.looked_up.add(path)
            ev.read_choice, registry.consulted = outer

    def member(self, ev: Evaluator, node: JNode, env: Env, path: Path,
               locations: Locations | None, skip: Callable[[Path], bool] | None) -> Any:
        return ev.tree(node, env, path, locations, skip)


class ValueReuse:
    """Second reading: the first reading's value of each member or element on no path
    that read a parameter left open."""

    reusing = True

    def __init__(self, first: NativeResource, read: frozenset[Path]) -> None:
        self.first = first
        self.dirty = {path[:size] for path in read for size in range(1, len(path) + 1)}

    def string(self, ev: Evaluator, node: JNode, env: Env, path: Path) -> Any:
        return ev.string_value(node.value, env, node.line)

    def member(self, ev: Evaluator, node: JNode, env: Env, path: Path,
               locations: Locations | None, skip: Callable[[Path], bool] | None) -> Any:
        if path not in self.dirty and locations is not None and _kept_spelling(path):
            value = _value_at(self.first.attributes, path)
            if value is not _MISSING:
                # its locations are not copied: merging the readings keeps the first's
                # locations over the second's (deploy_choices.merge_readings)
                return value
        return ev.tree(node, env, path, locations, skip)


def _kept_spelling(path: Path) -> bool:
    key = path[0]
    return isinstance(key, str) and USUAL_KEYS.get(key.lower(), key) == key


def _value_at(attributes: dict[str, Any], path: Path) -> Any:
    value: Any = attributes
    for part in path:
        if isinstance(value, dict) and isinstance(part, str) and not isinstance(
                value, Unknown):
            value = value.get(part, _MISSING)
        elif isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
            value = value[part]
        else:
            return _MISSING
        if value is _MISSING:
            return _MISSING
    return value
