"""Neptune: `AWS::Neptune::DBCluster`, as in the Terraform adapter: `StorageEncrypted`
defaults to false; a cluster restored from a snapshot (`SnapshotIdentifier`) or to a point
in time (`SourceDBClusterIdentifier`) without it inherits its source's encryption
(Unknown). `BackupRetentionPeriod` defaults to 1 (Unknown on a restored cluster) and
`DeletionProtection` and `CopyTagsToSnapshot` to false."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.databases import to_int
from govern.adapters.cloudformation.docdb import finish_restored_cluster
from govern.adapters.cloudformation.values import to_bool

# the same engine family as DocumentDB: restored clusters inherit encryption likewise
MAPPINGS = {
    "AWS::Neptune::DBCluster": KindMapping("aws.neptune.cluster", (
        field("name", "DBClusterIdentifier"),
        field("storage_encrypted", "StorageEncrypted", function=to_bool, default=False),
        field("kms_key", "KmsKeyId"),
        field("iam_database_authentication", "IamAuthEnabled", function=to_bool,
              default=False),
        field("log_exports", "EnableCloudwatchLogsExports"),
        field("backup_retention_period", "BackupRetentionPeriod", function=to_int,
              default=1),
        field("deletion_protection", "DeletionProtection", function=to_bool, default=False),
        field("copy_tags_to_snapshot", "CopyTagsToSnapshot", function=to_bool,
              default=False),
    ), finish_restored_cluster),
}
