"""The canonical model: source ranges, unknown values, resources and the resource graph."""

from govern.model.graph import Edge, ResourceGraph
from govern.model.resource import Resource
from govern.model.source import SourceRange
from govern.model.unknown import Unknown, is_unknown

__all__ = ["Edge", "Resource", "ResourceGraph", "SourceRange", "Unknown", "is_unknown"]
