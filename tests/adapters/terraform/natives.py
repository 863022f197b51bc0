"""Building native Terraform resources by hand for adapter tests."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from govern.model.resource import Path, split_path
from govern.model.source import SourceRange
from govern.parsers.native import NativeResource

FILE = "main.tf"


def lines(start: int, end: int | None = None, file: str = FILE) -> SourceRange:
    return SourceRange(file, start, start if end is None else end)


def native(address: str, attributes: Mapping[str, Any] | None = None, *,
           line: int = 1, end: int | None = None,
           locations: Mapping[str, int | tuple[int, int]] | None = None,
           references: Iterable[str] = (), provider: dict[str, Any] | None = None,
           provider_range: SourceRange | None = None, root: str = "infra",
           file: str = FILE, mode: str = "managed") -> NativeResource:
    """`native("module.m.aws_s3_bucket.b[0]", {...}, line=3, locations={"bucket": 4})`.

    The native type and module come from the address; `locations` maps dotted native paths
    to a line (or a `(start, end)` pair) in `file`."""
    parts = address.split(".")
    module_parts: list[str] = []
    while parts[0] == "module":
        module_parts += parts[:2]
        parts = parts[2:]
    native_type = parts[1] if parts[0] == "data" else parts[0]
    located: dict[Path, SourceRange] = {}
    for path, where in (locations or {}).items():
        start, stop = where if isinstance(where, tuple) else (where, where)
        located[split_path(path)] = SourceRange(file, start, stop)
    return NativeResource(
        format="terraform", native_type=native_type, address=address,
        range=SourceRange(file, line, end if end is not None else line + 9),
        attributes=dict(attributes or {}), locations=located, references=list(references),
        mode="data" if parts[0] == "data" else mode, provider=provider,
        provider_range=provider_range, module=".".join(module_parts), root=root)


def rid(address: str, root: str = "infra") -> str:
    return f"terraform:{root}:{address}"
