"""`adapt_terraform`: native Terraform resources -> canonical resources, edges, notices.

Per root (one scanned directory: one deployment), in four passes:
1. build a canonical resource from every managed resource of a mapped type;
2. fold the separate resources (S3 bucket settings, security group rules, IAM policies
   and attachments, NSG rules) into the resource they belong to, in source order, then
   read each value as the type its attribute declares, as Terraform converts values to
   the provider's schema (`govern/adapters/declared_types.py`);
3. link: edges that need every resource to be folded (attached policies, logging
   targets, security groups);
4. effective tags on taggable kinds, and `references` edges from the natives'
   references (a reference to a folded native points at the resource it was folded into).
"""

from __future__ import annotations

from collections.abc import Sequence

from govern.adapters.declared_types import read_declared_types
from govern.adapters.result import AdaptResult, adapt_per_root, build_guarded
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.registry import BUILDERS, FOLDERS, LINKERS
from govern.adapters.terraform.tags import apply_tags
from govern.model.kinds import KINDS
from govern.parsers.native import NativeResource


def adapt_terraform(natives: Sequence[NativeResource]) -> AdaptResult:
    """Canonical resources (in source order), edges and notes for Terraform natives.
    Data sources and native types without a mapping produce nothing."""
    return adapt_per_root((n for n in natives if n.mode == "managed"), _adapt_root)


def _adapt_root(root: str, natives: list[NativeResource]) -> RootContext:
    ctx = RootContext(root)
    ctx.declare(natives)
    for native in natives:
        build = BUILDERS.get(native.native_type)
        if build is None:
            continue
        resource = build_guarded(build, native, ctx.notices)
        if resource is None:
            continue
        if KINDS[resource.kind].taggable:
            apply_tags(resource, native)
        ctx.add(native, resource)

    order = {id(native): index for index, native in enumerate(natives)}
    folded = sorted((n for n in natives if n.native_type in FOLDERS),
                    key=lambda n: (n.range.file, n.range.start_line, order[id(n)]))
    for native in folded:
        FOLDERS[native.native_type](native, ctx)
    for resource in ctx.resources:
        read_declared_types(resource)

    for resource, native in ctx.primary:
        link = LINKERS.get(native.native_type)
        if link is not None:
            link(resource, native, ctx)

    for native in natives:
        source = ctx.owner(native.address)
        if source is None:
            continue
        for reference in native.references:
            for address in ctx.qualified(reference, native.module):
                targets = ctx.at(address)
                if targets:
                    for target in targets:
                        ctx.connect(source, target, "references")
                    break
    return ctx
