"""AWS Backup: vaults."""

from __future__ import annotations

from govern.kinds.declare import aws, string

KINDS = (
    aws("aws.backup.vault", "AWS Backup vault",
        string("name", "The vault's name (CloudFormation `BackupVaultName`)."),
        string("kms_key", "The KMS key that encrypts the backups: Terraform `kms_key_arn`, "
               "CloudFormation `EncryptionKeyArn`; absent when not written (and live for "
               "that key): the AWS managed key `aws/backup`. CloudFormation's tags are the "
               "`BackupVaultTags` map."),
        tags_doc="CloudFormation: the `BackupVaultTags` map"),
)
