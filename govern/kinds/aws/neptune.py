"""AWS Neptune: database clusters."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string

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
               "`aws/rds`.")),
)
