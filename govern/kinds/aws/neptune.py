"""AWS Neptune: database clusters and their manual snapshots."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, integer, string, strings

KINDS = (
    aws("aws.neptune.cluster", "Neptune database cluster",
        string("name", "The cluster identifier: Terraform `cluster_identifier`, "
               "CloudFormation `DBClusterIdentifier`; absent when AWS generates it."),
        boolean("storage_encrypted", "Storage encryption (CloudFormation "
                "`StorageEncrypted`); false when not written, but Unknown when restored "
                "from a snapshot (`snapshot_identifier`, `SnapshotIdentifier`) or, in "
                "CloudFormation, a source cluster (`SourceDBClusterIdentifier`).",
                default=False),
        string("kms_key", "The KMS key of the storage encryption: Terraform `kms_key_arn`, "
               "CloudFormation `KmsKeyId`; absent with encryption on: the AWS managed key "
               "`aws/rds`."),
        boolean("iam_database_authentication", "Whether IAM database authentication is on: "
                "Terraform `iam_database_authentication_enabled`, CloudFormation "
                "`IamAuthEnabled`, live `IAMDatabaseAuthenticationEnabled`; false when not "
                "written (Neptune's default).", default=False),
        strings("log_exports", "The log types exported to CloudWatch Logs (`audit`, "
                "`slowquery`): Terraform `enable_cloudwatch_logs_exports`, CloudFormation "
                "`EnableCloudwatchLogsExports`, live `EnabledCloudwatchLogsExports`; absent "
                "when not written: none."),
        integer("backup_retention_period", "The days automated backups are kept (1 to "
                "35): Terraform `backup_retention_period`, CloudFormation "
                "`BackupRetentionPeriod`, live `BackupRetentionPeriod`. When not written: 1 "
                "(the default of AWS, the provider and CloudFormation); in CloudFormation "
                "Unknown for a cluster restored from a snapshot or a source cluster "
                "(`SnapshotIdentifier`, `SourceDBClusterIdentifier`), whose restore "
                "CloudFormation does not document."),
        boolean("deletion_protection", "Whether the cluster cannot be deleted until this "
                "is turned off: Terraform `deletion_protection`, CloudFormation "
                "`DeletionProtection`, live `DeletionProtection`; false when not written "
                "(AWS's default).", default=False),
        boolean("copy_tags_to_snapshot", "Whether the cluster's tags are copied to its "
                "snapshots: Terraform `copy_tags_to_snapshot`, CloudFormation "
                "`CopyTagsToSnapshot`, live `CopyTagsToSnapshot`; false when not written "
                "(Neptune's default).", default=False)),
    aws("aws.neptune.cluster_snapshot", "Manual Neptune DB cluster snapshot (Terraform "
        "`aws_neptune_cluster_snapshot`; live: the manual snapshots of `neptune` clusters "
        "DescribeDBClusterSnapshots lists)",
        string("name", "The snapshot identifier: Terraform `db_cluster_snapshot_identifier`, "
               "live `DBClusterSnapshotIdentifier`."),
        string("cluster", "The Neptune cluster the snapshot was taken of: Terraform "
               "`db_cluster_identifier`, live `DBClusterIdentifier`."),
        boolean("encrypted", "Whether the snapshot is encrypted, which the configuration "
                "does not write: the `storage_encrypted` of the `aws_neptune_cluster` its "
                "`db_cluster_identifier` designates in the same configuration, else "
                "Unknown. Live `StorageEncrypted`."),
        formats=("terraform", "tfplan", "aws-live"), taggable=False),
)
