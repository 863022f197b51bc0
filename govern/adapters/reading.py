"""Reading native Terraform resources: values at paths, nested blocks, where things were
written, and address arithmetic."""

from __future__ import annotations

import re
from functools import partial
from typing import Any, Final

from govern.model.resource import Path, split_path
from govern.model.source import SourceRange
from govern.model.unknown import Unknown, has_choices, map_choices
from govern.parsers.native import NativeResource


class _Missing:
    """Marks a value that was not set (absent or null)."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing()

_INSTANCE_KEY = re.compile(r"\[[^\]]*\]$")


def as_path(path: Path | str) -> Path:
    return split_path(path) if isinstance(path, str) else path


def _value_below(node: Any, rest: Path) -> Any:
    """value_in for one alternative: None (not set) where it is absent."""
    found = value_in(node, rest)
    return None if found is MISSING else found


def value_in(node: Any, path: Path | str) -> Any:
    """The value at `path` inside `node`; MISSING when absent or null. Below an Unknown the
    value is that Unknown; below a conditional one (with `alternatives`, e.g. a
    CloudFormation `Fn::If` block), an Unknown of the same reason whose alternatives are
    the values at the rest of the path in each alternative (None where one has none)."""
    parts = as_path(path)
    for index, part in enumerate(parts):
        if isinstance(node, Unknown):
            if not has_choices(node):
                return node
            return map_choices(node, partial(_value_below, rest=parts[index:]))
        if isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int):
            node = node[part] if 0 <= part < len(node) else None
        else:
            return MISSING
        if node is None:
            return MISSING
    return node


def value_at(native: NativeResource, path: Path | str) -> Any:
    """The evaluated value of a native attribute; MISSING when it was not set."""
    return value_in(native.attributes, path)


def blocks_in(node: Any, path: Path | str) -> list[Any] | Unknown:
    """The nested blocks at `path` (a list of dicts, possibly with Unknown elements); an
    Unknown when the block list itself is not known (a `dynamic` block over an Unknown)."""
    value = value_in(node, path)
    if value is MISSING:
        return []
    if isinstance(value, Unknown):
        return value
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [item for item in value if item is not None]
    return Unknown("expected a block")


def first_block(node: Any, path: Path | str) -> Any:
    """The first nested block at `path`: a dict, an Unknown, or MISSING."""
    found = blocks_in(node, path)
    if isinstance(found, Unknown):
        return found
    return found[0] if found else MISSING


def nested_block(node: Any, path: str) -> Any:
    """The first block at a Terraform block path `a.0.b` (the first `b` block of the first
    `a` block): a dict, an Unknown (a level not known statically), or MISSING."""
    parts = path.split(".0.")
    block = first_block(node, parts[0])
    for part in parts[1:]:
        if isinstance(block, dict):
            block = first_block(block, part)
    return block


def located(native: NativeResource, path: Path | str) -> SourceRange | None:
    """Where `path` (or its nearest written ancestor) was written in `native`."""
    parts = as_path(path)
    while parts:
        found = native.locations.get(parts)
        if found is not None:
            return found
        parts = parts[:-1]
    return None


def located_or_resource(native: NativeResource, path: Path | str) -> SourceRange:
    """As `located`, falling back to the native resource's own range."""
    return located(native, path) or native.range


def base_address(address: str) -> str:
    """`aws_s3_bucket.b[0]` -> `aws_s3_bucket.b`."""
    return _INSTANCE_KEY.sub("", address)


def local_address(address: str) -> str:
    """The address without its module path: `module.a.aws_s3_bucket.b` -> `aws_s3_bucket.b`."""
    parts = _split_address(address)
    while len(parts) >= 2 and parts[0] == "module":
        parts = parts[2:]
    return ".".join(parts)


def resource_type_of(address: str) -> str:
    """`module.a.data.aws_caller_identity.me[0]` -> `data.aws_caller_identity`;
    `aws_s3_bucket.b` -> `aws_s3_bucket`."""
    parts = _split_address(local_address(address))
    if parts and parts[0] == "data" and len(parts) > 1:
        return f"data.{parts[1]}"
    return parts[0] if parts else ""


def _split_address(address: str) -> list[str]:
    """Split on dots outside of brackets and quotes."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    quoted = False
    for char in address:
        if char == '"':
            quoted = not quoted
        elif not quoted and char == "[":
            depth += 1
        elif not quoted and char == "]":
            depth -= 1
        if char == "." and depth == 0 and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts
