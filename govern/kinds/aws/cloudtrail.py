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
                "`EnableLogFileValidation`; false when not written.", default=False),
        boolean("is_logging", "Whether the trail records events: Terraform "
                "`enable_logging` (true when not written), CloudFormation `IsLogging` "
                "(required: absent when a template omits it), live GetTrailStatus "
                "`IsLogging`."),
        string("cloud_watch_logs_group_arn", "The ARN of the CloudWatch Logs log group the "
               "trail delivers its events to, as written (CloudTrail's form ends in `:*`): "
               "Terraform `cloud_watch_logs_group_arn`, CloudFormation "
               "`CloudWatchLogsLogGroupArn`, live `CloudWatchLogsLogGroupArn`; absent "
               "when the trail sends nothing to CloudWatch Logs."),
        string("sns_topic", "The SNS topic notified of each log file delivery: Terraform "
               "`sns_topic_name`, CloudFormation `SnsTopicName` (a name or an ARN), live "
               "`SnsTopicARN`; absent when none is notified.")),
)
