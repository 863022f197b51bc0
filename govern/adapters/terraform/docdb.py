"""DocumentDB: `aws_docdb_cluster` (`storage_encrypted` defaults to false; a cluster
restored from a snapshot without it inherits the snapshot's encryption: Unknown;
`backup_retention_period` defaults to 1, the provider's default, restored or not)."""

from __future__ import annotations

from govern.adapters.building import field, set_undecided
from govern.adapters.reading import MISSING, value_at
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def finish_restored_cluster(resource: Resource, native: NativeResource) -> None:
    if (("storage_encrypted",) in resource.defaulted
            and value_at(native, "snapshot_identifier") is not MISSING):
        set_undecided(resource, "storage_encrypted",
                      Unknown("storage encryption is inherited from the snapshot"))


MAPPINGS = {
    "aws_docdb_cluster": KindMapping("aws.docdb.cluster", (
        field("name", "cluster_identifier"),
        field("storage_encrypted", default=False),
        field("kms_key", "kms_key_id"),
        field("log_exports", "enabled_cloudwatch_logs_exports"),
        field("backup_retention_period", default=1),
    ), finish_restored_cluster),
}
