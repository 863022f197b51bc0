"""The canonical resources of one template file while they are being built: owners of
native addresses, lookups by kind and name, edges and notices."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from govern.model.finding import Notice
from govern.model.graph import Edge
from govern.model.resource import Resource
from govern.parsers.arm.values import name_key
from govern.parsers.native import NativeResource


class ArmContext:
    def __init__(self, root: str) -> None:
        self.root = root
        self.resources: list[Resource] = []
        self.edges: set[Edge] = set()
        self.notices: list[Notice] = []
        self._owner: dict[str, Resource] = {}
        self._by_name: dict[tuple[str, Any], list[Resource]] = defaultdict(list)

    def add(self, native: NativeResource, resource: Resource) -> None:
        self.resources.append(resource)
        self._owner[native.address] = resource
        self._by_name[(resource.kind, name_key(resource.attributes.get("name")))].append(
            resource)

    def absorb(self, native: NativeResource, resource: Resource) -> None:
        """`native` was folded into `resource`."""
        if native.address not in resource.native:
            resource.native.append(native.address)
        self._owner[native.address] = resource

    def owner(self, address: str | None) -> Resource | None:
        return self._owner.get(address) if address is not None else None

    def named(self, kind: str, name: Any) -> list[Resource]:
        """Resources of `kind` whose name is `name` (case-insensitive; an unknown name
        matches the same unknown name)."""
        return list(self._by_name.get((kind, name_key(name)), ()))

    def connect(self, source: Resource, target: Resource, relation: str) -> None:
        if source.id != target.id:
            self.edges.add(Edge(source.id, target.id, relation))

    def note(self, native: NativeResource, message: str, code: str) -> None:
        self.notices.append(Notice("note", f"{native.address}: {message}",
                                   native.range.file, native.range.start_line, code=code))
