"""The canonical resources of one root (one deployment) while they are being built
(`govern.adapters.pipeline.DeploymentContext`): finding the resource a separate native
resource, a value or a reference designates."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from govern.adapters.external import External, implicit_address, refs_of, value_address
from govern.adapters.pipeline import DeploymentContext
from govern.adapters.reading import MISSING, base_address, value_at
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

Folder = Callable[[NativeResource, "RootContext"], None]

# Native attributes that identify an existing resource (known in a plan's values).
IDENTITY_ATTRIBUTES = ("id", "arn")


class RootContext(DeploymentContext):
    def __init__(self, root: str, natives: Iterable[NativeResource]) -> None:
        """`natives`: the managed resources of the root, of every type: a reference to one
        of them never designates a parent declared outside the scanned code."""
        super().__init__(root)
        self._by_base: dict[str, list[Resource]] = defaultdict(list)
        self._in_base: set[tuple[str, int]] = set()  # (base, id(resource)): linear adds
        self._by_identity: dict[str, list[Resource]] = defaultdict(list)
        self._declared: set[str] = set()  # managed native addresses (and their bases)
        self._types: dict[str, str] = {}  # the native type of each of them
        for native in natives:
            self._declared.add(native.address)
            self._declared.add(base_address(native.address))
            self._types[native.address] = self._types[base_address(native.address)] = \
                native.native_type

    # ----- registering ---------------------------------------------------------------

    def add(self, native: NativeResource, resource: Resource) -> None:
        """A canonical resource built from `native`: the one, or one of its parts (a
        reference to the native designates all of its parts, as one to a resource with
        several instances designates all of them)."""
        super().add(native, resource)
        if resource.address == native.address:
            self._alias(native.address, resource)
        else:
            for whole in dict.fromkeys((native.address, base_address(native.address))):
                self._by_base[whole].append(resource)
        identities = {value for attribute in IDENTITY_ATTRIBUTES
                      if isinstance(value := native.attributes.get(attribute), str) and value}
        for identity in sorted(identities):  # an IAM policy's id is its ARN: once
            self._by_identity[identity].append(resource)

    def absorb(self, native: NativeResource, resource: Resource) -> None:
        """`native` was folded into `resource`."""
        if native.address not in resource.native:
            resource.native.append(native.address)
        self._alias(native.address, resource)

    def _alias(self, address: str, resource: Resource) -> None:
        self._owner[address] = resource
        base = base_address(address)
        if base != address and (base, id(resource)) not in self._in_base:
            self._in_base.add((base, id(resource)))  # resources live as long as self
            self._by_base[base].append(resource)

    def referenced(self, native: NativeResource, reference: str) -> list[Resource]:
        """The resources a reference of `native` points at: those of the first address
        it may mean (`qualified`) that has any."""
        for address in self.qualified(reference, native.module):
            targets = self.at(address)
            if targets:
                return targets
        return []

    # ----- finding the resource a value designates -----------------------------------

    def designated(self, value: Any, kinds: Iterable[str], native: NativeResource,
                   by_name: bool = True) -> list[Resource]:
        """The canonical resources of `kinds` that `value` (an attribute of `native`)
        designates: an Unknown whose `ref` is a resource's address (or the address of a
        resource with several instances: then all of them); a literal equal to a resource's
        known `id` or `arn` (a plan knows them for resources that already exist); or, when
        `by_name`, a literal equal to a resource's known `name`."""
        wanted = set(kinds)
        if isinstance(value, Unknown):
            if value.ref is None:
                return []
            for ref in self.qualified(value.ref, native.module):
                found = self.at(ref)
                matching = [r for r in found if r.kind in wanted]
                if matching:
                    return matching
            return []
        if isinstance(value, str):
            identified = [r for r in self._by_identity.get(value, ()) if r.kind in wanted]
            if identified or not by_name:
                return identified
            names = self._names()
            return [r for kind in sorted(wanted) for r in names.get((kind, value), ())]
        return []

    def at(self, address: str) -> list[Resource]:
        """The canonical resources of an address: the one it names, or every instance of a
        resource with `count`/`for_each`."""
        exact = self._owner.get(address)
        if exact is not None:
            return [exact]
        return list(self._by_base.get(address, ()))

    @staticmethod
    def qualified(ref: str, module: str) -> list[str]:
        """The addresses a reference made inside `module` may mean: the full address first
        (what the Terraform evaluator writes, also for a root resource passed into a module),
        then the address relative to the module."""
        if module and not ref.startswith("module."):
            return [ref, f"{module}.{ref}"]
        return [ref]

    def fold_target(self, native: NativeResource, attribute: str, kinds: Iterable[str],
                    what: str, by_name: bool = True,
                    keep: Callable[[Resource], bool] | None = None,
                    external: External | None = None) -> Resource | None:
        """The one resource `native.<attribute>` designates, or None with a note."""
        value = value_at(native, attribute)
        return self.single(native, value, kinds, what, by_name, keep, external, attribute)

    def single(self, native: NativeResource, value: Any, kinds: Iterable[str], what: str,
               by_name: bool = True,
               keep: Callable[[Resource], bool] | None = None,
               external: External | None = None, attribute: str = "",
               address: Any = MISSING) -> Resource | None:
        """The one resource `value` designates (among those `keep` accepts), or None with
        a note saying it was not found or was ambiguous. With `external` (the parent's
        kind, native type and a setup for a new stand-in), a value that designates nothing
        in the scanned code gives the external parent it names (`govern.adapters.external`).
        """
        found = [] if value is MISSING else self.designated(value, kinds, native, by_name)
        if keep is not None:
            found = [r for r in found if keep(r)]
        if len(found) == 1:
            return found[0]
        if found:
            names = ", ".join(r.address for r in found)
            self.note(native, f"{what} is ambiguous (one of {names})", "fold-target-ambiguous")
            return None
        outside = (self._outside(value, native, attribute, external[0])
                   if external is not None else None)
        if external is None or outside is None:
            self.note(native, f"{what} not found in this configuration",
                      "fold-target-not-found")
            return None
        if address is not MISSING:  # the caller's identity for the parent (NSG: group/name)
            outside = self._outside(address, native, attribute, external[0]) or outside
        kind, native_type, setup = external
        return self.externals.parent(native, kind, outside, native_type, what, value, setup)

    def _outside(self, value: Any, native: NativeResource, attribute: str,
                 kind: str) -> str | None:
        """The address of the parent of `kind` that `value` names when it is not declared
        in the scanned code: declared elsewhere, or created implicitly by a resource of
        this root (IMPLICIT_PARENTS); None when it refers to another resource of this root
        (of another kind, or of a type govern does not map), or names nothing."""
        if value is MISSING:
            return None
        for ref in refs_of(value):
            for address in self.qualified(ref, native.module):
                if self.at(address) or address in self._declared:
                    return implicit_address(self._types.get(address, ""), address, kind,
                                            "{ref}.{attribute}")
        return value_address(value, f"{native.address}.{attribute}" if attribute
                             else native.address)
