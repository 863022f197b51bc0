"""The adapter pipeline, one for every format: native resources -> canonical resources,
edges and notices, run on each deployment alone from the format's tables (`FormatTables`).

A deployment (`NativeResource.root`) is a Terraform root module, a CloudFormation template,
or an ARM template file with its nested deployments. Its passes, in order:
1. build a canonical resource from every native of a mapped type (`builder_for`; a bug in
   a builder loses that resource only: `build_guarded`), with its tags (`tag`) when its
   kind is taggable. A builder may give several: the *parts* of a native that stands for
   several canonical resources (an authoritative Google IAM policy: one grant per
   binding), each with its own address `<native address>#<part>` (Terraform addresses
   never hold `#`) and id; a reference to the native designates all of its parts, like a
   reference to a resource with several instances;
2. before folding (`before_fold`), what a built resource takes from other built ones
   (CloudFormation: the IAM identities' own `ManagedPolicyArns`);
3. fold the separate natives (`folder_for`) into the resources they name, in `fold_order`
   (else in the order of the natives);
4. read each value as the type its attribute declares (`read_values`);
5. link (`linker_for`): edges that need every resource to be folded;
6. `references` edges from the natives' references to the resources the context resolves
   them to (`DeploymentContext.referenced`): a reference to a folded native points at the
   resource it was folded into.

So adding a native type to a kind that exists is an entry in a format's tables (and its
fixtures). `DeploymentContext` is what the passes need of a format's context (the
canonical resources of one deployment while they are being built), and the code the
formats' contexts share.
"""

from __future__ import annotations

import sys
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from govern.adapters.external import ExternalParents
from govern.adapters.result import AdaptResult
from govern.model.finding import Notice
from govern.model.graph import Edge
from govern.model.kinds import KINDS
from govern.model.resource import Resource
from govern.parsers.native import NativeResource


class DeploymentContext:
    """The canonical resources of one deployment while they are being built: the native
    address each one owns, edges and notices. A format's context adds how a value (or a
    reference) designates resources."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.resources: list[Resource] = []
        self.primary: list[tuple[Resource, NativeResource]] = []  # built, with its native
        self.edges: set[Edge] = set()
        self.notices: list[Notice] = []
        self._owner: dict[str, Resource] = {}  # native address -> its canonical resource
        self._parts: dict[str, list[Resource]] = defaultdict(list)  # native -> its parts
        self._by_name: dict[tuple[str, str], list[Resource]] | None = None
        self.externals = ExternalParents(self.resources, self.notices)

    def add(self, native: NativeResource, resource: Resource) -> None:
        """A canonical resource built from `native`: the one, or one of its parts (whose
        address is not the native's)."""
        self.resources.append(resource)
        self.primary.append((resource, native))
        if resource.address == native.address:
            self._owner[native.address] = resource
        else:
            self._owner[resource.address] = resource
            self._parts[native.address].append(resource)
        self._by_name = None

    def owner(self, address: str) -> Resource | None:
        return self._owner.get(address)

    def became(self, address: str) -> list[Resource]:
        """What the native at `address` became: the resource it built or was folded into,
        or its parts."""
        owner = self._owner.get(address)
        return [owner] if owner is not None else list(self._parts.get(address, ()))

    def referenced(self, native: NativeResource, reference: str) -> list[Resource]:
        """The resources a reference of `native` points at: the owner of the address it
        names."""
        target = self.owner(reference)
        return [target] if target is not None else []

    def _names(self) -> dict[tuple[str, str], list[Resource]]:
        """The resources by kind and known `name`."""
        if self._by_name is None:
            self._by_name = defaultdict(list)
            for resource in self.resources:
                name = resource.attributes.get("name")
                if isinstance(name, str):
                    self._by_name[(resource.kind, name)].append(resource)
        return self._by_name

    def connect(self, source: Resource, target: Resource, relation: str) -> None:
        if source.id != target.id:
            self.edges.add(Edge(source.id, target.id, relation))

    def note(self, native: NativeResource, message: str, code: str) -> None:
        self.notices.append(Notice(level="note", message=f"{native.address}: {message}",
                                   file=native.range.file, line=native.range.start_line,
                                   code=code))


C = TypeVar("C", bound=DeploymentContext)
# None: the native is not a resource of its own here (an ElastiCache cluster that is a
# member of a replication group); a list: its parts (see the module's docstring)
Builder = Callable[[NativeResource], Resource | list[Resource] | None]
# a step on a built resource: before folding, or linking it
Step = Callable[[Resource, NativeResource, C], None]
Fold = Callable[[NativeResource, C], None]


def _none(native_type: str) -> None:
    return None


@dataclass(frozen=True)
class FormatTables(Generic[C]):
    """What the pipeline needs of a format: each lookup takes a native type and gives its
    function, or None for a type the pass does not handle."""

    # a new context for a deployment (its root) and its natives
    context: Callable[[str, list[NativeResource]], C]
    builder_for: Callable[[str], Builder | None]
    read_values: Callable[[Resource], None]  # each value as its attribute's declared type
    tag: Callable[[Resource, NativeResource], None] | None = None  # on taggable kinds
    before_fold: Callable[[str], Step[C] | None] = _none
    folder_for: Callable[[str], Fold[C] | None] = _none
    # the order in which separate natives are folded (a stable sort of the natives)
    fold_order: Callable[[NativeResource], tuple[Any, ...]] | None = None
    linker_for: Callable[[str], Step[C] | None] = _none
    admits: Callable[[NativeResource], bool] | None = None  # the natives adapted (all)


def adapt(tables: FormatTables[C]) -> Callable[[Sequence[NativeResource]], AdaptResult]:
    """The adapter of a format: `adapt_per_root` with its tables."""

    def adapt_format(natives: Sequence[NativeResource]) -> AdaptResult:
        """Canonical resources (in source order), edges and notices for the natives; those
        of a type without a mapping produce nothing."""
        admits = tables.admits
        return adapt_per_root(natives if admits is None else filter(admits, natives),
                              tables)

    return adapt_format


def adapt_per_root(natives: Iterable[NativeResource], tables: FormatTables[C]
                   ) -> AdaptResult:
    """Adapt each deployment (`NativeResource.root`) on its own, in order of first
    appearance, and join the results: resources in source order, edges sorted."""
    by_root: dict[str, list[NativeResource]] = defaultdict(list)
    for native in natives:
        by_root[native.root].append(native)
    result = AdaptResult()
    edges: set[Edge] = set()
    for root, group in by_root.items():
        adapted = adapt_deployment(root, group, tables)
        result.resources.extend(adapted.resources)
        result.notices.extend(adapted.notices)
        edges.update(adapted.edges)
    result.edges.extend(sorted(edges))
    return result


def adapt_deployment(root: str, natives: list[NativeResource], tables: FormatTables[C]
                     ) -> C:
    """The passes of the pipeline over the natives of one deployment."""
    ctx = tables.context(root, natives)
    for native in natives:
        build = tables.builder_for(native.native_type)
        if build is None:
            continue
        for resource in build_guarded(build, native, ctx.notices):
            if tables.tag is not None and KINDS[resource.kind].taggable:
                tables.tag(resource, native)
            ctx.add(native, resource)

    for resource, native in ctx.primary:
        step = tables.before_fold(native.native_type)
        if step is not None:
            step(resource, native, ctx)

    folds = [(native, fold) for native in natives
             if (fold := tables.folder_for(native.native_type)) is not None]
    order = tables.fold_order
    if order is not None:
        folds.sort(key=lambda pair: order(pair[0]))
    for native, fold in folds:
        fold(native, ctx)
    for resource in ctx.resources:
        tables.read_values(resource)

    for resource, native in ctx.primary:
        link = tables.linker_for(native.native_type)
        if link is not None:
            link(resource, native, ctx)

    for native in natives:
        for source in ctx.became(native.address):
            for reference in native.references:
                for target in ctx.referenced(native, reference):
                    ctx.connect(source, target, "references")
    return ctx


def build_guarded(build: Builder, native: NativeResource, notices: list[Notice]
                  ) -> list[Resource]:
    """What `build(native)` built, as a list; a bug in a builder (an exception) loses that
    native's resources only: an error notice at its line says so (the scan exits 3) and the
    rest of the scan goes on. With --debug the traceback goes to standard error."""
    try:
        built = build(native)
        return built if isinstance(built, list) else [] if built is None else [built]
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
        return []
