"""AWS RDS: manual snapshots of DB instances and of DB clusters (no CloudFormation type
creates one)."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string, strings

FORMATS = ("terraform", "tfplan", "aws-live")
SHARED = ("The AWS accounts allowed to copy and restore the snapshot, `all` making it "
          "public: Terraform `shared_accounts`, live the `restore` attribute of %s; an "
          "empty list when not written (shared with no account).")

KINDS = (
    aws("aws.rds.snapshot", "Manual RDS DB snapshot (Terraform `aws_db_snapshot`, and "
        "`aws_db_snapshot_copy` for a copy of one; live: the manual snapshots "
        "DescribeDBSnapshots lists)",
        string("name", "The snapshot identifier: Terraform `db_snapshot_identifier` "
               "(`target_db_snapshot_identifier` of a copy), live `DBSnapshotIdentifier`."),
        string("database", "The DB instance the snapshot was taken of: Terraform "
               "`db_instance_identifier`, live `DBInstanceIdentifier`; absent for a copy."),
        strings("shared_accounts", SHARED % "DescribeDBSnapshotAttributes", default=[]),
        boolean("encrypted", "Whether the snapshot is encrypted, which the configuration "
                "does not write: the `storage_encrypted` of the `aws_db_instance` its "
                "`db_instance_identifier` designates in the same configuration, else "
                "Unknown; a copy (`aws_db_snapshot_copy`) with a `kms_key_id` is encrypted "
                "with that key, one without has its source snapshot's encryption (Unknown). "
                "Live `Encrypted`."),
        formats=FORMATS),
    aws("aws.rds.cluster_snapshot", "Manual RDS DB cluster snapshot (Terraform "
        "`aws_db_cluster_snapshot`; live: the manual snapshots DescribeDBClusterSnapshots "
        "lists, not those of DocumentDB or Neptune clusters)",
        string("name", "The snapshot identifier: Terraform `db_cluster_snapshot_identifier`, "
               "live `DBClusterSnapshotIdentifier`."),
        string("cluster", "The DB cluster the snapshot was taken of: Terraform "
               "`db_cluster_identifier`, live `DBClusterIdentifier`."),
        strings("shared_accounts", SHARED % "DescribeDBClusterSnapshotAttributes",
                default=[]),
        boolean("encrypted", "Whether the snapshot is encrypted, which the configuration "
                "does not write: the `storage_encrypted` of the `aws_rds_cluster` its "
                "`db_cluster_identifier` designates in the same configuration, else "
                "Unknown. Live `StorageEncrypted`."),
        formats=FORMATS),
)
