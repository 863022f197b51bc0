"""The resource graph: canonical resources and the references and attachments between them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from govern.model.resource import Resource


@dataclass(frozen=True, order=True)
class Edge:
    """`source` refers to or is attached to `target`; `relation` names how
    (e.g. `references`, `attached_policy`, `security_group`)."""

    source: str
    target: str
    relation: str


class ResourceGraph:
    def __init__(self, resources: Iterable[Resource] = (), edges: Iterable[Edge] = ()) -> None:
        self._resources: dict[str, Resource] = {}
        self._by_kind: dict[str, list[Resource]] = defaultdict(list)
        self._out: dict[str, list[Edge]] = defaultdict(list)
        self._in: dict[str, list[Edge]] = defaultdict(list)
        # (kind, attribute) -> string value -> resources (`with_value`), built when asked
        self._by_value: dict[tuple[str, str], dict[str, list[Resource]]] = {}
        for resource in resources:
            self.add(resource)
        for edge in edges:
            self.connect(edge)

    def add(self, resource: Resource) -> None:
        if resource.id in self._resources:
            raise ValueError(f"duplicate resource id {resource.id}")
        self._resources[resource.id] = resource
        self._by_kind[resource.kind].append(resource)
        if self._by_value:
            self._by_value.clear()

    def connect(self, edge: Edge) -> None:
        if edge in self._out[edge.source]:
            return
        self._out[edge.source].append(edge)
        self._in[edge.target].append(edge)

    def __len__(self) -> int:
        return len(self._resources)

    def __iter__(self) -> Iterator[Resource]:
        return iter(self._resources.values())

    def __contains__(self, resource_id: object) -> bool:
        return resource_id in self._resources

    def get(self, resource_id: str) -> Resource | None:
        return self._resources.get(resource_id)

    def of_kind(self, kind: str) -> list[Resource]:
        return list(self._by_kind.get(kind, ()))

    def with_value(self, kind: str, attribute: str, value: str) -> list[Resource]:
        """The resources of `kind` whose `attribute` is the string `value` (in the order
        they were added): a lookup by name without a walk over every resource of the
        kind each time (the index is built on the first lookup of that kind and
        attribute)."""
        index = self._by_value.get((kind, attribute))
        if index is None:
            index = {}
            for resource in self._by_kind.get(kind, ()):
                held = resource.get(attribute)
                if isinstance(held, str):
                    index.setdefault(held, []).append(resource)
            self._by_value[(kind, attribute)] = index
        return list(index.get(value, ()))

    def in_context(self, kind: str, context: str) -> list[Resource]:
        """The resources of `kind` in the deployment `context` (indexed like
        `with_value`)."""
        key = (kind, "\x00context")
        index = self._by_value.get(key)
        if index is None:
            index = {}
            for resource in self._by_kind.get(kind, ()):
                index.setdefault(resource.context, []).append(resource)
            self._by_value[key] = index
        return list(index.get(context, ()))

    def kinds(self) -> list[str]:
        return sorted(k for k, v in self._by_kind.items() if v)

    def edges(self) -> list[Edge]:
        return sorted(e for edges in self._out.values() for e in edges)

    def related(self, resource: Resource, relation: str | None = None,
                direction: str = "out") -> list[Resource]:
        """Resources connected to `resource` (outgoing by default), optionally by one relation."""
        table = self._out if direction == "out" else self._in
        found: list[Resource] = []
        for edge in table.get(resource.id, ()):
            if relation is not None and edge.relation != relation:
                continue
            other_id = edge.target if direction == "out" else edge.source
            other = self._resources.get(other_id)
            if other is not None:
                found.append(other)
        return found

    def merge(self, other: ResourceGraph) -> None:
        for resource in other:
            self.add(resource)
        for edge in other.edges():
            self.connect(edge)
