"""Which native types each format maps to each kind, and, where the mapping is a table of
fields, which native attribute fills which canonical one (for the generated
docs/canonical-model.md; the builders themselves are in each format's registry)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class NativeMapping:
    """One native type of one format: the kind it becomes and, for a table-built kind,
    each canonical attribute with the native names it is read from (else empty: the kind
    is built by code)."""

    source_format: str
    native_type: str
    kind: str | None
    fields: tuple[tuple[str, tuple[str, ...]], ...]


def _fields(table: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    found = []
    for spec in table.fields:
        native = spec.native if isinstance(spec.native, tuple) else (spec.native,)
        found.append((spec.canonical, tuple(native)))
    return tuple(found)


def _mappings(source_format: str, builders: Mapping[str, Callable[..., Any]]
              ) -> list[NativeMapping]:
    found = []
    for native_type, build in builders.items():
        table = getattr(build, "__self__", None)
        if table is not None and hasattr(table, "fields"):
            found.append(NativeMapping(source_format, native_type, table.kind, _fields(table)))
        else:
            found.append(NativeMapping(source_format, native_type, None, ()))
    return found


def native_mappings() -> list[NativeMapping]:
    """Every native type with a builder, per format (Terraform also stands for plan JSON,
    which has the same types and attributes)."""
    from govern.adapters.arm.adapter import BUILDERS as ARM
    from govern.adapters.cloudformation.registry import BUILDERS as CLOUDFORMATION
    from govern.adapters.terraform.registry import BUILDERS as TERRAFORM

    return [*_mappings("terraform", TERRAFORM), *_mappings("cloudformation", CLOUDFORMATION),
            *_mappings("arm", ARM)]
