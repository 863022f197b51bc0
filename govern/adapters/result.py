"""What an adapter returns: canonical resources, the edges between them, and notices."""

from __future__ import annotations

import sys
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from govern.model.finding import Notice
from govern.model.graph import Edge
from govern.model.resource import Resource
from govern.parsers.native import NativeResource


@dataclass(frozen=True)
class AdaptResult:
    """Resources in source order, edges sorted and without duplicates, notices in the
    order they were found."""

    resources: list[Resource] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


class _Adapted(Protocol):
    """What adapting one deployment (root module, template) leaves behind."""

    resources: list[Resource]
    notices: list[Notice]
    edges: set[Edge]


def adapt_per_root(natives: Iterable[NativeResource],
                   adapt_root: Callable[[str, list[NativeResource]], _Adapted]
                   ) -> AdaptResult:
    """Adapt each deployment (`NativeResource.root`) on its own, in order of first
    appearance, and join the results: resources in source order, edges sorted."""
    by_root: dict[str, list[NativeResource]] = defaultdict(list)
    for native in natives:
        by_root[native.root].append(native)
    result = AdaptResult()
    edges: set[Edge] = set()
    for root, group in by_root.items():
        adapted = adapt_root(root, group)
        result.resources.extend(adapted.resources)
        result.notices.extend(adapted.notices)
        edges.update(adapted.edges)
    result.edges.extend(sorted(edges))
    return result


def build_guarded(build: Callable[[NativeResource], Resource], native: NativeResource,
                  notices: list[Notice]) -> Resource | None:
    """`build(native)`; a bug in a builder (an exception) loses that resource only: an
    error notice at its line says so (the scan exits 3) and the rest of the scan goes on.
    With --debug the traceback goes to standard error."""
    try:
        return build(native)
    except Exception as exc:  # a bug in govern, met on this input
        from govern.error_handler import debug_enabled

        if debug_enabled():
            traceback.print_exc(file=sys.stderr)
        what = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        notices.append(Notice(
            "error", f"{native.address}: internal error in govern while reading this "
            f"{native.native_type} ({what}); its rules were not evaluated",
            native.range.file, native.range.start_line,
            "please report it with the output of --debug", code="internal-error"))
        return None
