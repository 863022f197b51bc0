"""AWS Redshift: provisioned clusters."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string

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
               "CloudFormation `KmsKeyId`; absent with encryption on: a key AWS manages.")),
)
