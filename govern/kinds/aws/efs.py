"""Amazon EFS (Elastic File System): file systems."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string

KINDS = (
    aws("aws.efs.file_system", "EFS file system",
        boolean("encrypted", "Whether the file system is encrypted at rest (CloudFormation "
                "`Encrypted`); false when not written. CloudFormation's tags are "
                "`FileSystemTags`.", default=False),
        string("kms_key", "The KMS key of an encrypted file system: Terraform `kms_key_id`, "
               "CloudFormation `KmsKeyId`; absent: the AWS managed key "
               "`aws/elasticfilesystem` (live: also when EFS reports that key, by "
               "`kms:DescribeKey`)."),
        tags_doc="CloudFormation: `FileSystemTags`"),
)
