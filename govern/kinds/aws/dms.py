"""AWS Database Migration Service (DMS): replication instances."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string

KINDS = (
    aws("aws.dms.replication_instance", "DMS replication instance",
        string("name", "The instance's identifier: Terraform `replication_instance_id`, "
               "CloudFormation `ReplicationInstanceIdentifier`."),
        boolean("publicly_accessible", "Whether the instance has a public IP address "
                "(CloudFormation `PubliclyAccessible`). When not written: false in "
                "Terraform (the provider's default), true in CloudFormation and the DMS "
                "API, both written as defaults."),
        string("kms_key", "The KMS key that encrypts the instance's storage: Terraform "
               "`kms_key_arn`, CloudFormation `KmsKeyId`; absent when not written: the "
               "AWS managed key `aws/dms` (live: also when DMS reports that key, by "
               "`kms:DescribeKey`)."),
        boolean("auto_minor_version_upgrade", "Whether DMS applies minor engine version "
                "upgrades to the instance in its maintenance window: Terraform "
                "`auto_minor_version_upgrade`, CloudFormation `AutoMinorVersionUpgrade`, "
                "live `AutoMinorVersionUpgrade`; true when not written (the default of the "
                "DMS API, which the provider and CloudFormation leave to it).",
                default=True)),
)
