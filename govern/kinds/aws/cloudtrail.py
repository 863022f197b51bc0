"""AWS CloudTrail: trails."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string

KINDS = (
    aws("aws.cloudtrail.trail", "CloudTrail trail",
        string("name", "The trail's name (CloudFormation `TrailName`)."),
        string("kms_key", "The KMS key that encrypts the log files: Terraform `kms_key_id`, "
               "CloudFormation `KMSKeyId`; absent when not set: SSE-S3, keys AWS owns."),
        boolean("is_multi_region_trail", "Whether the trail logs every region "
                "(CloudFormation `IsMultiRegionTrail`); false when not written.",
                default=False),
        boolean("log_file_validation", "Whether log file integrity validation is on: "
                "Terraform `enable_log_file_validation`, CloudFormation "
                "`EnableLogFileValidation`; false when not written.", default=False)),
)
