"""AWS Backup: `aws_backup_vault` (`kms_key` absent when not written: the AWS managed key
`aws/backup`)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_backup_vault": KindMapping("aws.backup.vault", (
        field("name"),
        field("kms_key", "kms_key_arn"),
    )),
}
