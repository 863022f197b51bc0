"""A template read twice: with its parameters' defaults, and with the parameters whose
value the deployer chooses among allowed values left open. Where the two readings differ,
the value is a `Defaulted`: the default reading, and the values every allowed choice can
give. Rules then fail what deploys by default and pass only what every allowed choice
makes compliant (govern/engine/conditions.py `_over_choices`)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import Any

from govern.model.finding import Notice
from govern.model.unknown import Defaulted, Unknown, leaf_alternatives
from govern.parsers.native import NativeResource

_ABSENT = object()


def merge_readings(default: list[NativeResource], chosen: list[NativeResource],
                   key: Callable[[NativeResource], Hashable], reason: str
                   ) -> tuple[list[NativeResource], list[NativeResource]]:
    """The resources of the default reading, each merged with the resource of the chosen
    reading that has the same `key` (where both readings have as many resources of that
    key; otherwise as it is), and the resources of keys only the chosen reading has
    (created only with a value other than a default), in the chosen reading's order."""
    first: dict[Hashable, list[NativeResource]] = {}
    second: dict[Hashable, list[NativeResource]] = {}
    for native in default:
        first.setdefault(key(native), []).append(native)
    for native in chosen:
        second.setdefault(key(native), []).append(native)
    merged: list[NativeResource] = []
    for native in default:
        group, other = first[key(native)], second.get(key(native), [])
        if len(group) != len(other):
            merged.append(native)
            continue
        two = other[group.index(native)]
        if two is native:  # the second reading kept the first's (parsers/arm/readings.py)
            merged.append(native)
            continue
        merged.append(replace(
            native, attributes=merge_values(native.attributes, two.attributes, reason),
            locations={**two.locations, **native.locations},
            references=list(dict.fromkeys([*native.references, *two.references]))))
    return merged, [native for native in chosen if key(native) not in first]


def only_chosen_note(native: NativeResource, parameters: str) -> Notice:
    """The note on a resource that only a value other than a default creates."""
    return Notice("note", f"{native.address}: checked although the parameters' defaults do "
                  f"not create it (another allowed value of {parameters} does)",
                  native.range.file, native.range.start_line, code="condition-unknown")


def merge_values(default: Any, chosen: Any, reason: str) -> Any:
    """One value from the default reading and the chosen reading of the same place."""
    if default is chosen or _same(default, chosen):
        return default
    if _plain(default, dict) and _plain(chosen, dict):
        keys = [*default, *(k for k in chosen if k not in default)]
        return {key: _merge_present(default.get(key, _ABSENT), chosen.get(key, _ABSENT),
                                    reason) for key in keys}
    if _plain(default, list) and _plain(chosen, list) and len(default) == len(chosen):
        return [merge_values(d, c, reason) for d, c in zip(default, chosen, strict=True)]
    return _defaulted(default, chosen, reason)


def _merge_present(default: Any, chosen: Any, reason: str) -> Any:
    if default is _ABSENT or chosen is _ABSENT:
        return _defaulted(None if default is _ABSENT else default,
                          None if chosen is _ABSENT else chosen, reason)
    return merge_values(default, chosen, reason)


def _defaulted(default: Any, chosen: Any, reason: str) -> Defaulted:
    if isinstance(chosen, Unknown):
        return Defaulted(default, chosen.reason, chosen.ref, leaf_alternatives(chosen))
    return Defaulted(default, reason, None, (chosen,))


def _plain(value: Any, kind: type) -> bool:
    return isinstance(value, kind) and not isinstance(value, Unknown)


def _same(one: Any, other: Any) -> bool:
    try:
        return type(one) is type(other) and bool(one == other)
    except TypeError:  # an Unknown inside asked for its truth
        return False
