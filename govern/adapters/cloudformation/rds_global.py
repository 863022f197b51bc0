"""Aurora global databases: `AWS::RDS::GlobalCluster` (`aws.rds.global_cluster`).
`StorageEncrypted` defaults to false; a global database made from a cluster
(`SourceDBClusterIdentifier`) takes that cluster's encryption (Unknown)."""

from __future__ import annotations

from govern.adapters.building import field, set_undecided
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool
from govern.adapters.reading import MISSING, value_at
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def _finish(resource: Resource, native: NativeResource) -> None:
    source = value_at(native, "SourceDBClusterIdentifier")
    if source is MISSING or ("storage_encrypted",) not in resource.defaulted:
        return
    ref = source.ref if isinstance(source, Unknown) else None
    set_undecided(resource, "storage_encrypted",
                  Unknown("storage encryption is the source cluster's", ref))


MAPPINGS = {
    "AWS::RDS::GlobalCluster": KindMapping("aws.rds.global_cluster", (
        field("name", "GlobalClusterIdentifier"),
        field("storage_encrypted", "StorageEncrypted", function=to_bool, default=False),
    ), _finish),
}
