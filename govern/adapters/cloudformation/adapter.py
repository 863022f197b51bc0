"""`adapt_cloudformation`: native CloudFormation resources -> canonical resources, edges,
notes.

Per template (one template is one deployment), in five passes:
1. build a canonical resource from every resource of a mapped type, with its tags;
2. the IAM identities' own `ManagedPolicyArns` (they need the managed policies built);
3. fold the separate resources (bucket policies, security group ingress/egress, IAM
   policies and managed policy attachments) into the resources they name, in source order,
   then read each value as the type its attribute declares, as CloudFormation's resource
   providers read the text they are given (`govern/adapters/declared_types.py`);
4. link: `logging_target` and `security_group` edges;
5. `references` edges from the natives' references (a reference to a folded native
   points at the resource it was folded into).
"""

from __future__ import annotations

from collections.abc import Sequence

from govern.adapters.cloudformation.building import apply_tags, taggable
from govern.adapters.cloudformation.context import TemplateContext
from govern.adapters.cloudformation.registry import (
    BUILDERS,
    FOLDERS,
    LINKERS,
    OWN_POLICIES,
    TAG_PROPERTIES,
)
from govern.adapters.declared_types import read_declared_types
from govern.adapters.result import AdaptResult, adapt_per_root, build_guarded
from govern.parsers.native import NativeResource


def adapt_cloudformation(natives: Sequence[NativeResource]) -> AdaptResult:
    """Canonical resources (in source order), edges and notes for CloudFormation natives.
    Types without a mapping produce nothing."""
    return adapt_per_root(natives, _adapt_template)


# Types of a taggable kind that CloudFormation itself cannot tag: their canonical resource
# has no `tags`, so tagging rules do not judge them.
CANNOT_BE_TAGGED = frozenset({"AWS::IAM::ManagedPolicy"})


def _adapt_template(root: str, natives: list[NativeResource]) -> TemplateContext:
    ctx = TemplateContext(root)
    for native in natives:
        build = BUILDERS.get(native.native_type)
        if build is None:
            continue
        resource = build_guarded(build, native, ctx.notices)
        if resource is None:
            continue
        if taggable(resource.kind) and native.native_type not in CANNOT_BE_TAGGED:
            apply_tags(resource, native, TAG_PROPERTIES.get(native.native_type, "Tags"))
        ctx.add(native, resource)
    for resource, native in ctx.primary:
        own = OWN_POLICIES.get(native.native_type)
        if own is not None:
            own(resource, native, ctx)
    for native in sorted((n for n in natives if n.native_type in FOLDERS),
                         key=lambda n: n.range.start_line):
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
            target = ctx.owner(reference)
            if target is not None:
                ctx.connect(source, target, "references")
    return ctx
