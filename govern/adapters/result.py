"""What an adapter returns: canonical resources, the edges between them, and notices."""

from __future__ import annotations

from dataclasses import dataclass, field

from govern.model.finding import Notice
from govern.model.graph import Edge
from govern.model.resource import Resource


@dataclass(frozen=True)
class AdaptResult:
    """Resources in source order, edges sorted and without duplicates, notices in the
    order they were found."""

    resources: list[Resource] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
