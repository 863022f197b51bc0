"""Aurora global databases: `aws_rds_global_cluster` (`aws.rds.global_cluster`).

`storage_encrypted` defaults to false; a global database made from a cluster
(`source_db_cluster_identifier`) takes that cluster's encryption: Unknown until the linker
finds the `aws_rds_cluster` it designates in the same root.
"""

from __future__ import annotations

from govern.adapters.building import field, set_undecided, where
from govern.adapters.reading import MISSING, value_at
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

SOURCE = "source_db_cluster_identifier"


def _finish(resource: Resource, native: NativeResource) -> None:
    """The encryption not written of a global database made from a cluster is the
    cluster's."""
    source = value_at(native, SOURCE)
    if source is MISSING or ("storage_encrypted",) not in resource.defaulted:
        return
    ref = source.ref if isinstance(source, Unknown) else None
    set_undecided(resource, "storage_encrypted",
                  Unknown("storage encryption is the source cluster's", ref))


def link_source_cluster(resource: Resource, native: NativeResource,
                        ctx: RootContext) -> None:
    """The `storage_encrypted` of the one `aws_rds_cluster` of this root that
    `source_db_cluster_identifier` designates (and whether it was defaulted)."""
    if not isinstance(resource.get("storage_encrypted"), Unknown):
        return
    found = ctx.designated(value_at(native, SOURCE), ["aws.rds.cluster"], native)
    if len(found) != 1:
        return
    value = found[0].get("storage_encrypted")
    if value is None or isinstance(value, Unknown):
        return
    resource.set("storage_encrypted", value, where(native, SOURCE, False),
                 defaulted=("storage_encrypted",) in found[0].defaulted)


MAPPINGS = {
    "aws_rds_global_cluster": KindMapping("aws.rds.global_cluster", (
        field("name", "global_cluster_identifier"),
        field("storage_encrypted", default=False),
    ), _finish),
}

LINKERS = {"aws_rds_global_cluster": link_source_cluster}
