"""`adapt_terraform`: native Terraform resources -> canonical resources, edges, notices.

The tables of Terraform for the adapter pipeline (`govern/adapters/pipeline.py`), run per
root (one scanned directory: one deployment) over its managed resources (data sources
produce nothing). `registry.py` defines the tables; they are resolved per native type on
first use (`lazy_registry.py`), so a scan imports the adapters of the types it meets:
1. build a canonical resource from every resource of a mapped type (`registry.BUILDERS`),
   with its effective tags on taggable kinds (`tags.py`);
2. fold the separate resources (`registry.FOLDERS`: S3 bucket settings, security group
   rules, IAM policies and attachments, NSG rules) into the resource they belong to, in
   source order, then read each value as the type its attribute declares, as Terraform
   converts values to the provider's schema (`govern/adapters/declared_types.py`);
3. link (`registry.LINKERS`): edges that need every resource to be folded (attached
   policies, logging targets, security groups);
4. `references` edges from the natives' references, each to the resources of the first
   address it may mean (`RootContext.qualified`; a reference to a folded native points
   at the resource it was folded into).
"""

from __future__ import annotations

from govern.adapters import pipeline
from govern.adapters.declared_types import read_declared_types
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.lazy_registry import builder_for, folder_for, linker_for
from govern.adapters.terraform.tags import apply_tags
from govern.parsers.native import NativeResource


def _managed(native: NativeResource) -> bool:
    return native.mode == "managed"


def _in_file_order(native: NativeResource) -> tuple[str, int]:
    return native.range.file, native.range.start_line


TABLES: pipeline.FormatTables[RootContext] = pipeline.FormatTables(
    context=RootContext,
    builder_for=builder_for,
    tag=apply_tags,
    folder_for=folder_for,
    fold_order=_in_file_order,
    read_values=read_declared_types,
    linker_for=linker_for,
    admits=_managed,
)

adapt_terraform = pipeline.adapt(TABLES)
