"""Reading native ARM resources: values at property paths (case-insensitively, as Azure
reads property names) with the path as written, and where it was written."""

from __future__ import annotations

from typing import Any, Final

from govern.model.resource import Path
from govern.model.source import SourceRange
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


class _Missing:
    """A value that was not set (absent or null)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing()


def find(node: Any, path: Path) -> tuple[Any, Path]:
    """The value at `path` below `node` and the path as written (keys in their written
    case). The value is MISSING when absent or null, and the Unknown itself below an
    Unknown."""
    written: list[str | int] = []
    for part in path:
        if isinstance(node, Unknown):
            return node, tuple(written)
        if isinstance(node, dict) and isinstance(part, str):
            key = _key(node, part)
            if key is None:
                return MISSING, (*written, part)
            node = node[key]
            written.append(key)
        elif isinstance(node, list) and isinstance(part, int):
            if not 0 <= part < len(node):
                return MISSING, (*written, part)
            node = node[part]
            written.append(part)
        else:
            return MISSING, (*written, part)
        if node is None:
            return MISSING, tuple(written)
    return node, tuple(written)


def _key(mapping: dict[str, Any], wanted: str) -> str | None:
    if wanted in mapping:
        return wanted
    lowered = wanted.lower()
    for key in mapping:
        if key.lower() == lowered:
            return key
    return None


def value_at(native: NativeResource, *path: str | int) -> Any:
    """The value of a native attribute path (`"properties", "minimumTlsVersion"`)."""
    return find(native.attributes, path)[0]


def value_in(node: Any, *path: str | int) -> Any:
    return find(node, path)[0]


def located(native: NativeResource, written: Path) -> SourceRange | None:
    """Where a written path (or its nearest written ancestor) is in `native`."""
    parts = written
    while parts:
        found = native.locations.get(parts)
        if found is not None:
            return found
        parts = parts[:-1]
    return None
