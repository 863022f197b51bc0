"""The canonical resources of one template while they are being built
(`govern.adapters.pipeline.DeploymentContext`): which resource a logical id (or a name)
designates, and folding."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from govern.adapters.external import External, implicit_address, refs_of, value_address
from govern.adapters.pipeline import DeploymentContext
from govern.adapters.reading import MISSING, value_at
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


class TemplateContext(DeploymentContext):
    """Native addresses are logical ids."""

    def __init__(self, root: str, natives: Iterable[NativeResource] = ()) -> None:
        super().__init__(root)
        self._types = {native.address: native.native_type for native in natives}

    def absorb(self, native: NativeResource, resource: Resource) -> None:
        """`native` was folded into `resource` (the first one, when it is folded into
        several, owns its references)."""
        if native.address not in resource.native:
            resource.native.append(native.address)
        self._owner.setdefault(native.address, resource)

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
        refs = [] if value is MISSING else refs_of(value)
        if external is not None and value is not MISSING and not refs:
            address = value_address(value, f"{native.address}.{prop}" if prop
                                    else native.address)
        elif external is not None and len(refs) == 1:
            # a resource of the template: the parent it creates implicitly, if any
            address = implicit_address(self._types.get(refs[0], ""), refs[0], external[0],
                                       "GetAtt({ref}.{attribute})")
        if external is None or address is None:
            self.note(native, f"{what} not found in this template", "fold-target-not-found")
            return None
        kind, native_type, setup = external
        return self.externals.parent(native, kind, address, native_type, what, value, setup)
