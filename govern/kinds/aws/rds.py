"""AWS Relational Database Service (RDS): database instances, clusters and global
databases."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, integer, string, strings

IAM_AUTH = ("Whether IAM database authentication is on (IAM users and roles connect with "
            "an authentication token): Terraform `iam_database_authentication_enabled`, "
            "CloudFormation `EnableIAMDatabaseAuthentication`, live "
            "`IAMDatabaseAuthenticationEnabled`; false when not written (AWS's default, "
            "also for a replica or a restored database).")
LOG_EXPORTS = ("The log types exported to CloudWatch Logs (e.g. `audit`, `error`, "
               "`general`, `slowquery`, `postgresql`): Terraform "
               "`enabled_cloudwatch_logs_exports`, CloudFormation "
               "`EnableCloudwatchLogsExports`, live `EnabledCloudwatchLogsExports`; absent "
               "when not written: none.")

COPY_TAGS = ("Whether the database's tags are copied to its snapshots (automated and "
             "manual ones): Terraform `copy_tags_to_snapshot`, CloudFormation "
             "`CopyTagsToSnapshot`, live `CopyTagsToSnapshot`; false when not written "
             "(AWS's default: tags are not copied).")

KINDS = (
    aws("aws.rds.instance", "RDS database instance (Terraform `aws_db_instance`, and "
        "`aws_rds_cluster_instance` for an Aurora cluster's instance)",
        string("name", "The instance identifier: Terraform `identifier`, CloudFormation "
               "`DBInstanceIdentifier`; absent when AWS generates it."),
        string("engine", "The database engine as written, e.g. `mysql`, `postgres` "
               "(CloudFormation `Engine`); Unknown when not written on a database created "
               "from a snapshot, a source database or a backup, whose engine it takes. "
               "Live: DocumentDB and Neptune instances are not RDS instances."),
        string("cluster", "The DB cluster the instance belongs to: Terraform "
               "`cluster_identifier` (`aws_rds_cluster_instance`), CloudFormation "
               "`DBClusterIdentifier`, live `DBClusterIdentifier`; absent for an instance "
               "outside a cluster. A member's IAM authentication and log exports are its "
               "cluster's settings."),
        boolean("iam_database_authentication", IAM_AUTH + " Not set for a member of a "
                "cluster (`cluster`), whose setting is the cluster's."),
        strings("log_exports", LOG_EXPORTS + " Not set for a member of a cluster, whose "
                "exports are the cluster's."),
        boolean("publicly_accessible", "Whether the instance has a public address "
                "(CloudFormation `PubliclyAccessible`); false when not written.",
                default=False),
        boolean("storage_encrypted", "Storage encryption (CloudFormation "
                "`StorageEncrypted`); false when not written, but Unknown when inherited "
                "from a snapshot, a source database or a point-in-time restore (Terraform "
                "`snapshot_identifier`, `replicate_source_db`, `restore_to_point_in_time`, "
                "`s3_import`; CloudFormation `DBSnapshotIdentifier`, "
                "`DBClusterSnapshotIdentifier`, `SourceDBInstanceIdentifier`, "
                "`SourceDBInstanceAutomatedBackupsArn`, `SourceDbiResourceId`) and, in "
                "CloudFormation, for an instance of an Aurora cluster "
                "(`DBClusterIdentifier`: the cluster's volume holds the data). A Terraform "
                "`aws_rds_cluster_instance` cannot set it: it is the `storage_encrypted` of "
                "the `aws_rds_cluster` its `cluster_identifier` designates in the same "
                "configuration, else Unknown. Live: AWS reports a cluster instance's "
                "encryption as its cluster's.",
                default=False),
        string("kms_key", "The KMS key of the storage encryption: Terraform `kms_key_id`, "
               "CloudFormation `KmsKeyId`; absent with encryption on: the AWS managed key "
               "`aws/rds`."),
        boolean("performance_insights_enabled", "Whether Performance Insights collects "
                "the instance's database load and query statistics: Terraform "
                "`performance_insights_enabled`, CloudFormation "
                "`EnablePerformanceInsights`, live `PerformanceInsightsEnabled`; false when not "
                "written.", default=False),
        string("performance_insights_kms_key", "The KMS key encrypting the Performance "
               "Insights data: Terraform `performance_insights_kms_key_id`, CloudFormation "
               "`PerformanceInsightsKMSKeyId`, live `PerformanceInsightsKMSKeyId` when it is "
               "customer managed (`kms:DescribeKey`); absent when not written: the AWS "
               "managed key `aws/rds`."),
        boolean("auto_minor_version_upgrade", "Whether AWS applies new minor engine "
                "versions in the maintenance window: Terraform `auto_minor_version_upgrade` "
                "(`aws_db_instance` and `aws_rds_cluster_instance`), CloudFormation "
                "`AutoMinorVersionUpgrade`, live `AutoMinorVersionUpgrade`; true when not "
                "written (the default of AWS, the provider and CloudFormation).",
                default=True),
        boolean("deletion_protection", "Whether the instance cannot be deleted until this "
                "is turned off: Terraform `deletion_protection`, CloudFormation "
                "`DeletionProtection`, live `DeletionProtection`; false when not written "
                "(AWS's default). Not set for a member of a cluster (`cluster`), whose "
                "protection is the cluster's."),
        integer("backup_retention_period", "The days automated backups are kept, 0 when "
                "they are off: Terraform `backup_retention_period`, CloudFormation "
                "`BackupRetentionPeriod`, live `BackupRetentionPeriod`. When not written: "
                "1 (AWS's default, which CloudFormation documents and the provider leaves "
                "to AWS); Unknown for an instance made from another database's data (a "
                "read replica, a snapshot, a point-in-time or S3 restore: Terraform "
                "`replicate_source_db`, `snapshot_identifier`, `restore_to_point_in_time`, "
                "`s3_import`; CloudFormation `SourceDBInstanceIdentifier`, "
                "`DBSnapshotIdentifier`, `DBClusterSnapshotIdentifier`, "
                "`SourceDBInstanceAutomatedBackupsArn`, `SourceDbiResourceId`). Not set for "
                "a member of a cluster, whose backups are the cluster's."),
        boolean("multi_az", "Whether the instance is a Multi-AZ deployment (a standby, or "
                "two readable standbys, in other Availability Zones that RDS fails over "
                "to): Terraform `multi_az`, CloudFormation `MultiAZ`, live `MultiAZ`; false "
                "when not written (AWS's default, also for a read replica or a restored "
                "instance). Not set for a member of a cluster (`cluster`): Aurora "
                "replicates the cluster volume across Availability Zones itself."),
        string("ca_certificate", "The CA of the instance's server certificate, e.g. "
               "`rds-ca-rsa2048-g1`: Terraform `ca_cert_identifier` (`aws_db_instance` "
               "and `aws_rds_cluster_instance`), CloudFormation "
               "`CACertificateIdentifier`, live `CACertificateIdentifier`. Absent when "
               "not written: RDS gives a new instance the account's default CA for new "
               "instances (DescribeCertificates `DefaultCertificateForNewLaunches`: the "
               "Region's system default, `rds-ca-rsa2048-g1`, unless the account "
               "overrides it with ModifyCertificates)."),
        boolean("copy_tags_to_snapshot", COPY_TAGS + " Not set for a member of a cluster "
                "(`cluster`): AWS ignores it there, the cluster's setting applies.")),
    aws("aws.rds.cluster", "RDS/Aurora cluster",
        string("name", "The cluster identifier: Terraform `cluster_identifier`, "
               "CloudFormation `DBClusterIdentifier`; absent when AWS generates it."),
        string("engine", "The database engine as written, e.g. `aurora-mysql`, "
               "`aurora-postgresql` (CloudFormation `Engine`). Live: DocumentDB and "
               "Neptune clusters are their own kinds."),
        boolean("iam_database_authentication", IAM_AUTH, default=False),
        strings("log_exports", LOG_EXPORTS),
        string("engine_mode", "Terraform `engine_mode`, CloudFormation `EngineMode`, as "
               "written; absent when not written (`provisioned`).",
               values=("provisioned", "serverless", "parallelquery", "global",
                       "multimaster")),
        boolean("storage_encrypted", "Storage encryption (CloudFormation "
                "`StorageEncrypted`). When not written: false, true for `engine_mode = "
                "\"serverless\"` (Aurora Serverless v1 is always encrypted), Unknown when "
                "the engine mode is; and Unknown when inherited from a snapshot, a source "
                "cluster or a point-in-time restore (Terraform `snapshot_identifier`, "
                "`replication_source_identifier`, `restore_to_point_in_time`, `s3_import`; "
                "CloudFormation `SnapshotIdentifier`, `SourceDBClusterIdentifier`, "
                "`ReplicationSourceIdentifier`, `GlobalClusterIdentifier`)."),
        string("kms_key", "The KMS key of the storage encryption: Terraform `kms_key_id`, "
               "CloudFormation `KmsKeyId`; absent with encryption on: the AWS managed key "
               "`aws/rds` (live: also when RDS reports that key, by `kms:DescribeKey`)."),
        boolean("performance_insights_enabled", "Whether Performance Insights collects "
                "the cluster's database load and query statistics: Terraform "
                "`performance_insights_enabled`, CloudFormation "
                "`PerformanceInsightsEnabled`, live `PerformanceInsightsEnabled`; false when not "
                "written (a cluster-level setting of Aurora and Multi-AZ DB clusters).",
                default=False),
        string("performance_insights_kms_key", "The KMS key encrypting the Performance "
               "Insights data: Terraform `performance_insights_kms_key_id`, CloudFormation "
               "`PerformanceInsightsKmsKeyId`, live `PerformanceInsightsKMSKeyId` when it is "
               "customer managed (`kms:DescribeKey`); absent when not written: the AWS "
               "managed key `aws/rds`."),
        boolean("deletion_protection", "Whether the cluster cannot be deleted until this "
                "is turned off: Terraform `deletion_protection`, CloudFormation "
                "`DeletionProtection`, live `DeletionProtection`; false when not written "
                "(AWS's default).", default=False),
        integer("backup_retention_period", "The days automated backups are kept (1 to "
                "35: a cluster's backups cannot be turned off): Terraform "
                "`backup_retention_period`, CloudFormation `BackupRetentionPeriod`, live "
                "`BackupRetentionPeriod`. When not written: 1 (the default of AWS, the "
                "provider and CloudFormation); in CloudFormation Unknown for a cluster "
                "restored from a snapshot or a source cluster (`SnapshotIdentifier`, "
                "`SourceDBClusterIdentifier`), whose restore CloudFormation does not "
                "document."),
        boolean("copy_tags_to_snapshot", COPY_TAGS + " (Aurora and Multi-AZ DB "
                "clusters).", default=False),
        integer("backtrack_window", "How far back, in seconds, an Aurora MySQL cluster "
                "can be rewound in place (backtracking; 0 turns it off): Terraform "
                "`backtrack_window`, CloudFormation `BacktrackWindow`, live "
                "`BacktrackWindow`; 0 when not written (AWS's default, for a restored "
                "cluster too).", default=0),
        string("global_cluster", "The Aurora global database the cluster belongs to: "
               "Terraform `global_cluster_identifier`, CloudFormation "
               "`GlobalClusterIdentifier`, live `GlobalClusterIdentifier`; absent for a "
               "cluster outside a global database.")),
    aws("aws.rds.global_cluster", "Aurora global database (Terraform "
        "`aws_rds_global_cluster`, CloudFormation `AWS::RDS::GlobalCluster`)",
        string("name", "The global cluster identifier: Terraform "
               "`global_cluster_identifier`, CloudFormation `GlobalClusterIdentifier`, live "
               "`GlobalClusterIdentifier`."),
        boolean("storage_encrypted", "Storage encryption of the global database: "
                "Terraform `storage_encrypted`, CloudFormation `StorageEncrypted`, live "
                "`StorageEncrypted`. When not written: false, but the source cluster's "
                "when the global database is made from one (Terraform "
                "`source_db_cluster_identifier`, CloudFormation "
                "`SourceDBClusterIdentifier`): in Terraform the `storage_encrypted` of the "
                "`aws_rds_cluster` it designates in the same configuration, else Unknown.",
                default=False),
        taggable=False),
)
