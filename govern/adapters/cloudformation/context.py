"""The canonical resources of one template while they are being built: which resource a
logical id (or a name) designates, folding, edges and notes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from govern.adapters.external import ExternalParents, Setup, refs_of, value_address
from govern.adapters.reading import MISSING, value_at
from govern.model.finding import Notice
from govern.model.graph import Edge
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

# how to make an external parent: its kind, native type, and a setup for a new one
External = tuple[str, str, Setup | None]


class TemplateContext:
    def __init__(self, root: str) -> None:
        self.root = root
        self.resources: list[Resource] = []
        self.primary: list[tuple[Resource, NativeResource]] = []
        self.edges: set[Edge] = set()
        self.notices: list[Notice] = []
        self._owner: dict[str, Resource] = {}  # logical id -> its canonical resource
        self._by_name: dict[tuple[str, str], list[Resource]] | None = None
        self.externals = ExternalParents(self.resources, self.notices)

    def add(self, native: NativeResource, resource: Resource) -> None:
        self.resources.append(resource)
        self.primary.append((resource, native))
        self._owner[native.address] = resource
        self._by_name = None

    def absorb(self, native: NativeResource, resource: Resource) -> None:
        """`native` was folded into `resource` (the first one, when it is folded into
        several, owns its references)."""
        if native.address not in resource.native:
            resource.native.append(native.address)
        self._owner.setdefault(native.address, resource)

    def owner(self, logical_id: str) -> Resource | None:
        return self._owner.get(logical_id)

    def designated(self, value: Any, kinds: Iterable[str], by_name: bool = True
                   ) -> list[Resource]:
        """The resources of `kinds` that `value` designates: a `Ref`/`Fn::GetAtt` to a
        resource (an Unknown whose `ref` is its logical id), or, when `by_name`, a literal
        equal to a resource's known `name`."""
        wanted = set(kinds)
        if isinstance(value, Unknown):
            found = self._owner.get(value.ref) if value.ref is not None else None
            return [found] if found is not None and found.kind in wanted else []
        if by_name and isinstance(value, str):
            names = self._names()
            return [r for kind in sorted(wanted) for r in names.get((kind, value), ())]
        return []

    def _names(self) -> dict[tuple[str, str], list[Resource]]:
        if self._by_name is None:
            self._by_name = defaultdict(list)
            for resource in self.resources:
                name = resource.attributes.get("name")
                if isinstance(name, str):
                    self._by_name[(resource.kind, name)].append(resource)
        return self._by_name

    def fold_target(self, native: NativeResource, prop: str, kinds: Iterable[str],
                    what: str, by_name: bool = True,
                    external: External | None = None) -> Resource | None:
        """The one resource `native.<prop>` designates, or None with a note."""
        return self.single(native, value_at(native, prop), kinds, what, by_name, external,
                           prop)

    def single(self, native: NativeResource, value: Any, kinds: Iterable[str], what: str,
               by_name: bool = True, external: External | None = None,
               prop: str = "") -> Resource | None:
        """The one resource `value` designates, or None with a note saying it was not
        found or was ambiguous. With `external` (the parent's kind, native type and a setup
        for a new stand-in), a value that designates nothing in the template (a parameter,
        `Fn::ImportValue`, a literal id, name or ARN) gives the external parent it names
        (`govern.adapters.external`)."""
        found = [] if value is MISSING else self.designated(value, kinds, by_name)
        if len(found) == 1:
            return found[0]
        if found:
            names = ", ".join(r.address for r in found)
            self.note(native, f"{what} is ambiguous (one of {names})", "fold-target-ambiguous")
            return None
        address = None
        if external is not None and value is not MISSING and not refs_of(value):
            # (a value with a ref comes from a resource of the template)
            address = value_address(value, f"{native.address}.{prop}" if prop
                                    else native.address)
        if external is None or address is None:
            self.note(native, f"{what} not found in this template", "fold-target-not-found")
            return None
        kind, native_type, setup = external
        return self.externals.parent(native, kind, address, native_type, what, value, setup)

    def connect(self, source: Resource, target: Resource, relation: str) -> None:
        if source.id != target.id:
            self.edges.add(Edge(source.id, target.id, relation))

    def note(self, native: NativeResource, message: str, code: str) -> None:
        self.notices.append(Notice(level="note", message=f"{native.address}: {message}",
                                   file=native.range.file, line=native.range.start_line,
                                   code=code))
