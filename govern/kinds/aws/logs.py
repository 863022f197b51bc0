"""AWS CloudWatch Logs: log groups."""

from __future__ import annotations

from govern.kinds.declare import aws, integer, string

KINDS = (
    aws("aws.logs.log_group", "CloudWatch Logs log group",
        string("name", "The log group's name (CloudFormation `LogGroupName`); absent when "
               "AWS generates it."),
        string("kms_key", "The KMS key encrypting the log data: Terraform `kms_key_id`, "
               "CloudFormation `KmsKeyId`, live `kmsKeyId`; absent when not set: keys AWS "
               "owns."),
        integer("retention_in_days", "How many days log events are kept (CloudFormation "
                "`RetentionInDays`); absent: they never expire.")),
)
