"""AWS Neptune: database clusters."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string, strings

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
                "when not written: none.")),
)
