"""The resources of one template file, by type and name, for resolving references.

`resourceId(...)`, `reference(...)`, `list*(...)` and `dependsOn` name resources by id,
by name, by `type/name`, by copy loop name or (languageVersion 2.0) by symbolic name. A
name that is not known statically is matched by what it stands for: a resource named
`[parameters('name')]` is the one `resourceId('...', parameters('name'))` designates,
whatever the value. Types and known names compare case-insensitively, as in Azure.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from govern.model.unknown import Unknown
from govern.parsers.arm.values import UnknownString, join_parts, name_key


def full_name(names: list[Any]) -> Any:
    """Name segments joined with `/` (Unknown pieces kept)."""
    pieces: list[Any] = []
    for position, name in enumerate(names):
        if position:
            pieces.append("/")
        pieces.append(name)
    joined = join_parts(pieces)
    if isinstance(joined, UnknownString) and len(joined.parts) == 1:
        return joined.parts[0]
    return joined


def parse_provider_path(text: str) -> tuple[str, list[str]] | None:
    """`.../providers/NS.Type/name/child/childName` -> (`NS.Type/child`, [name, childName]);
    None when `text` does not end with a resource path."""
    lowered = text.lower()
    at = lowered.rfind("/providers/")
    rest = text[at + len("/providers/"):] if at >= 0 else text
    segments = [s for s in rest.split("/") if s]
    if len(segments) < 3 or len(segments) % 2 == 0 or "." not in segments[0]:
        return None
    types = [segments[0], *segments[1::2]]
    return "/".join(types), segments[2::2]


class Registry:
    def __init__(self) -> None:
        # addresses as insertion-ordered sets (dicts): adding one is O(1) with any number
        # of instances of the same name (copy loops)
        self._by_type_name: dict[tuple[str, Any], dict[str, None]] = defaultdict(dict)
        self._by_name: dict[Any, dict[str, None]] = defaultdict(dict)
        self._by_loop: dict[str, dict[str, None]] = defaultdict(dict)
        self._by_symbol: dict[str, dict[str, None]] = defaultdict(dict)
        self._types: set[str] = set()
        self._addresses: set[str] = set()
        self.consulted = False  # a lookup was made since it was last set False

    def unique(self, address: str) -> str:
        """`address`, or `address#2`, `#3`... when the file already has it."""
        candidate = address
        number = 1
        while candidate in self._addresses:
            number += 1
            candidate = f"{address}#{number}"
        self._addresses.add(candidate)
        return candidate

    def add(self, address: str, resource_type: str, name: Any, loop: str | None = None,
            symbol: str | None = None) -> None:
        type_key = resource_type.lower()
        key = name_key(name)
        self._types.add(type_key)
        self._by_type_name[(type_key, key)][address] = None
        self._by_name[key][address] = None
        if loop:
            self._by_loop[loop.lower()][address] = None
        if symbol:
            self._by_symbol[symbol.lower()][address] = None

    def by_type_and_names(self, resource_type: str, names: list[Any]) -> str | None:
        self.consulted = True
        found = self._by_type_name.get((resource_type.lower(), name_key(full_name(names))))
        return next(iter(found)) if found and len(found) == 1 else None

    def designated(self, value: Any) -> list[str]:
        """The addresses a `dependsOn` entry or `reference()` argument designates."""
        self.consulted = True
        if isinstance(value, Unknown):
            if value.ref is not None:
                return [value.ref]
            return list(self._by_name.get(name_key(value), ()))
        if not isinstance(value, str) or not value:
            return []
        lowered = value.lower()
        if lowered in self._by_symbol:
            return list(self._by_symbol[lowered])
        if lowered in self._by_loop:
            return list(self._by_loop[lowered])
        if value.startswith("/") or "/providers/" in lowered:
            parsed = parse_provider_path(value)
            if parsed is None:
                return []
            found = self.by_type_and_names(parsed[0], list(parsed[1]))
            return [found] if found else []
        for type_key in self._types:
            if lowered.startswith(type_key + "/"):
                names = value[len(type_key) + 1:].split("/")
                matches = self._by_type_name.get((type_key, name_key(full_name(list(names)))))
                if matches:
                    return list(matches)
        parsed = parse_provider_path(value)
        if parsed is not None:
            found_id = self.by_type_and_names(parsed[0], list(parsed[1]))
            if found_id:
                return [found_id]
        return list(self._by_name.get(name_key(value), ()))

