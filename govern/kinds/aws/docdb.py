"""Amazon DocumentDB: clusters."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, integer, string, strings

KINDS = (
    aws("aws.docdb.cluster", "DocumentDB cluster",
        string("name", "The cluster's identifier: Terraform `cluster_identifier`, "
               "CloudFormation `DBClusterIdentifier`; absent when AWS generates it."),
        boolean("storage_encrypted", "Whether the cluster's storage is encrypted "
                "(CloudFormation `StorageEncrypted`); false when not written. Unknown when "
                "not written on a cluster restored from a snapshot (`snapshot_identifier`, "
                "`SnapshotIdentifier`) or, in CloudFormation, from a source cluster "
                "(`SourceDBClusterIdentifier`): it inherits their encryption.",
                default=False),
        string("kms_key", "The KMS key that encrypts the storage: Terraform `kms_key_id`, "
               "CloudFormation `KmsKeyId`; absent when not written: the AWS managed key "
               "`aws/rds` when the storage is encrypted."),
        strings("log_exports", "The log types exported to CloudWatch Logs (`audit`, "
                "`profiler`): Terraform `enabled_cloudwatch_logs_exports`, CloudFormation "
                "`EnableCloudwatchLogsExports`, live `EnabledCloudwatchLogsExports`; absent "
                "when not written: none."),
        integer("backup_retention_period", "The days automated backups are kept (1 to "
                "35): Terraform `backup_retention_period`, CloudFormation "
                "`BackupRetentionPeriod`, live `BackupRetentionPeriod`. When not written: 1 "
                "(the default of AWS, the provider and CloudFormation); in CloudFormation "
                "Unknown for a cluster restored from a snapshot or a source cluster "
                "(`SnapshotIdentifier`, `SourceDBClusterIdentifier`), whose restore "
                "CloudFormation does not document.")),
)
