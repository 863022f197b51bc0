"""AWS Relational Database Service (RDS): database instances and clusters."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string, strings

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
               "`aws/rds`.")),
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
               "`aws/rds`.")),
)
