"""What an adapter returns: canonical resources, the edges between them, and notices."""

from __future__ import annotations

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
