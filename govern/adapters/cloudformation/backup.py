"""AWS Backup: `AWS::Backup::BackupVault` (`kms_key` absent when `EncryptionKeyArn` is not
written: the AWS managed key `aws/backup`; tags from the `BackupVaultTags` map)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping

TAG_PROPERTY = "BackupVaultTags"

MAPPINGS = {
    "AWS::Backup::BackupVault": KindMapping("aws.backup.vault", (
        field("name", "BackupVaultName"),
        field("kms_key", "EncryptionKeyArn"),
    )),
}
