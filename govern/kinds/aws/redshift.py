"""AWS Redshift: provisioned clusters."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, integer, string

KINDS = (
    aws("aws.redshift.cluster", "Redshift provisioned cluster",
        string("name", "The cluster identifier: Terraform `cluster_identifier`, "
               "CloudFormation `ClusterIdentifier`."),
        boolean("encrypted", "Encryption at rest (CloudFormation `Encrypted`). When not "
                "written: true in CloudFormation (AWS's default since January 2025); "
                "Unknown in Terraform, where the default depends on the provider version "
                "(false before v6, true from v6); Unknown in both when restored from a "
                "snapshot (`snapshot_identifier`, `SnapshotIdentifier`)."),
        boolean("publicly_accessible", "Whether the cluster can be reached from the "
                "internet (CloudFormation `PubliclyAccessible`). When not written: false "
                "in CloudFormation (AWS's default since January 2025); Unknown in "
                "Terraform, where the default depends on the provider version (true "
                "before v6, false from v6)."),
        string("kms_key", "The KMS key of the encryption: Terraform `kms_key_id`, "
               "CloudFormation `KmsKeyId`; absent with encryption on: a key AWS manages. Live: "
               "absent for a key AWS manages (`kms:DescribeKey`)."),
        boolean("allow_version_upgrade", "Whether major engine version upgrades may be "
                "applied in the maintenance window: Terraform `allow_version_upgrade`, "
                "CloudFormation `AllowVersionUpgrade`, live `AllowVersionUpgrade`; true "
                "when not written (AWS's and the provider's default).", default=True),
        integer("automated_snapshot_retention_period", "The days automated snapshots are "
                "kept, 0 when they are off: Terraform `automated_snapshot_retention_period`, "
                "CloudFormation `AutomatedSnapshotRetentionPeriod`, live "
                "`AutomatedSnapshotRetentionPeriod`. When not written: 1 (AWS's and the "
                "provider's default); Unknown in CloudFormation for a cluster restored from "
                "a snapshot (`SnapshotIdentifier`), which then keeps the snapshot's "
                "cluster's period.", default=1),
        boolean("enhanced_vpc_routing", "Whether COPY and UNLOAD traffic between the "
                "cluster and its data repositories goes through the VPC: Terraform "
                "`enhanced_vpc_routing`, CloudFormation `EnhancedVpcRouting`, live "
                "`EnhancedVpcRouting`; false when not written.", default=False),
        boolean("audit_logging", "Whether audit logging (the connection, user and user "
                "activity logs, to S3 or CloudWatch Logs) is on: Terraform `logging.enable` "
                "(provider v5) or a separate `aws_redshift_logging` for the cluster, "
                "CloudFormation `LoggingProperties` written, live `LoggingEnabled` of "
                "DescribeLoggingStatus; false when not written.", default=False)),
)
