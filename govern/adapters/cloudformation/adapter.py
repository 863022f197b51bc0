"""`adapt_cloudformation`: native CloudFormation resources -> canonical resources, edges,
notes.

The tables of CloudFormation for the adapter pipeline (`govern/adapters/pipeline.py`), run
per template (one template is one deployment):
1. build a canonical resource from every resource of a mapped type (`registry.BUILDERS`),
   with its tags (`registry.TAG_PROPERTIES`; none for the types CloudFormation cannot tag);
2. the IAM identities' own `ManagedPolicyArns` (`registry.OWN_POLICIES`: they need the
   managed policies built);
3. fold the separate resources (`registry.FOLDERS`: bucket policies, security group
   ingress/egress, IAM policies and managed policy attachments) into the resources they
   name, in source order, then read each value as the type its attribute declares, as
   CloudFormation's resource providers read the text they are given
   (`govern/adapters/declared_types.py`);
4. link (`registry.LINKERS`): `logging_target` and `security_group` edges;
5. `references` edges from the natives' references (a reference to a folded native
   points at the resource it was folded into).
"""

from __future__ import annotations

from govern.adapters import pipeline
from govern.adapters.cloudformation.building import apply_tags
from govern.adapters.cloudformation.context import TemplateContext
from govern.adapters.cloudformation.registry import (
    BUILDERS,
    FOLDERS,
    LINKERS,
    OWN_POLICIES,
    TAG_PROPERTIES,
)
from govern.adapters.declared_types import read_declared_types
from govern.model.resource import Resource
from govern.parsers.native import NativeResource

# Types of a taggable kind that CloudFormation itself cannot tag: their canonical resource
# has no `tags`, so tagging rules do not judge them.
CANNOT_BE_TAGGED = frozenset({"AWS::IAM::ManagedPolicy"})


def _context(root: str, natives: list[NativeResource]) -> TemplateContext:
    return TemplateContext(root, natives)


def _tag(resource: Resource, native: NativeResource) -> None:
    if native.native_type not in CANNOT_BE_TAGGED:
        apply_tags(resource, native, TAG_PROPERTIES.get(native.native_type, "Tags"))


def _in_line_order(native: NativeResource) -> tuple[int]:
    return (native.range.start_line,)


TABLES: pipeline.FormatTables[TemplateContext] = pipeline.FormatTables(
    context=_context,
    builder_for=BUILDERS.get,
    tag=_tag,
    before_fold=OWN_POLICIES.get,
    folder_for=FOLDERS.get,
    fold_order=_in_line_order,
    read_values=read_declared_types,
    linker_for=LINKERS.get,
)

adapt_cloudformation = pipeline.adapt(TABLES)
