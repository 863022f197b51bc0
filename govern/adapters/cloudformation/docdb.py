"""DocumentDB: `AWS::DocDB::DBCluster`, as in the Terraform adapter: `StorageEncrypted`
defaults to false; a cluster restored from a snapshot (`SnapshotIdentifier`) or to a point
in time (`SourceDBClusterIdentifier`) without it inherits its source's encryption
(Unknown). `BackupRetentionPeriod` defaults to 1 (CloudFormation's default), Unknown on a
restored cluster, whose restore CloudFormation does not document."""

from __future__ import annotations

from govern.adapters.building import field, set_undecided
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.databases import to_int
from govern.adapters.cloudformation.values import to_bool
from govern.adapters.reading import MISSING, value_at
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

_INHERITS_FROM = {"SnapshotIdentifier": "the snapshot",
                  "SourceDBClusterIdentifier": "the source cluster"}


def finish_restored_cluster(resource: Resource, native: NativeResource) -> None:
    """Storage encryption and backup retention not written on a restored cluster."""
    if ("backup_retention_period",) in resource.defaulted:
        for prop, source in _INHERITS_FROM.items():
            value = value_at(native, prop)
            if value is not MISSING:
                set_undecided(resource, "backup_retention_period", Unknown(
                    f"the backup retention of a cluster restored from {source} is not "
                    "written", value.ref if isinstance(value, Unknown) else None))
                break
    if ("storage_encrypted",) not in resource.defaulted:
        return
    for prop, source in _INHERITS_FROM.items():
        value = value_at(native, prop)
        if value is not MISSING:
            set_undecided(resource, "storage_encrypted",
                          Unknown(f"storage encryption is inherited from {source}",
                                  value.ref if isinstance(value, Unknown) else None))
            return


MAPPINGS = {
    "AWS::DocDB::DBCluster": KindMapping("aws.docdb.cluster", (
        field("name", "DBClusterIdentifier"),
        field("storage_encrypted", "StorageEncrypted", function=to_bool, default=False),
        field("kms_key", "KmsKeyId"),
        field("log_exports", "EnableCloudwatchLogsExports"),
        field("backup_retention_period", "BackupRetentionPeriod", function=to_int,
              default=1),
    ), finish_restored_cluster),
}
