"""Neptune: `aws_neptune_cluster` (`storage_encrypted` defaults to false; a cluster
restored from a snapshot without it inherits the snapshot's encryption: Unknown;
`iam_database_authentication_enabled`, `deletion_protection` and `copy_tags_to_snapshot`
default to false, `backup_retention_period` to 1, the provider's default, restored or
not)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.docdb import finish_restored_cluster
from govern.adapters.terraform.mapping import KindMapping

# the same engine family as DocumentDB: restored clusters inherit encryption likewise
MAPPINGS = {
    "aws_neptune_cluster": KindMapping("aws.neptune.cluster", (
        field("name", "cluster_identifier"),
        field("storage_encrypted", default=False),
        field("kms_key", "kms_key_arn"),
        field("iam_database_authentication", "iam_database_authentication_enabled",
              default=False),
        field("log_exports", "enable_cloudwatch_logs_exports"),
        field("backup_retention_period", default=1),
        field("deletion_protection", default=False),
        field("copy_tags_to_snapshot", default=False),
    ), finish_restored_cluster),
}
