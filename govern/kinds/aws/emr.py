"""AWS EMR: security configurations (the encryption settings clusters name)."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string

_ENCRYPTION = "the security configuration JSON (Terraform `configuration`, CloudFormation "

KINDS = (
    aws("aws.emr.security_configuration", "EMR security configuration",
        string("name", "The configuration's name: Terraform `name`, CloudFormation `Name` "
               "(absent when AWS generates it), live `Name`."),
        boolean("at_rest_encryption_enabled", "`EncryptionConfiguration"
                ".EnableAtRestEncryption` of " + _ENCRYPTION + "`SecurityConfiguration`, live "
                "DescribeSecurityConfiguration); false when not written.", default=False),
        boolean("in_transit_encryption_enabled", "`EncryptionConfiguration"
                ".EnableInTransitEncryption` of " + _ENCRYPTION + "`SecurityConfiguration`, "
                "live DescribeSecurityConfiguration); false when not written.",
                default=False),
        boolean("local_disk_encryption_enabled", "Whether cluster instances' local disks "
                "are encrypted: at-rest encryption enabled with an `EncryptionConfiguration"
                ".AtRestEncryptionConfiguration.LocalDiskEncryptionConfiguration` in "
                + _ENCRYPTION + "`SecurityConfiguration`, live); false when not written.",
                default=False),
        boolean("ebs_encryption_enabled", "Whether the cluster instances' EBS volumes (root "
                "and storage) are encrypted too: local disk encryption enabled with "
                "`LocalDiskEncryptionConfiguration.EnableEbsEncryption` true in "
                + _ENCRYPTION + "`SecurityConfiguration`, live); false when not written.",
                default=False),
        taggable=False),
)
