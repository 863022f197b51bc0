"""AWS CloudTrail: trails."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, objects, string, strings

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
               "`SnsTopicARN`; absent when none is notified."),
        string("s3_bucket_name", "The name of the S3 bucket the trail delivers its log "
               "files to: Terraform `s3_bucket_name`, CloudFormation `S3BucketName`, live "
               "`S3BucketName` (required: always present)."),
        objects("event_selectors", "The trail's basic event selectors: Terraform "
                "`event_selector` blocks, CloudFormation `EventSelectors`, live "
                "GetEventSelectors `EventSelectors`. Absent when neither these nor advanced "
                "selectors are written: the trail logs management events (read and write) "
                "and no data events. A trail has basic or advanced selectors, not both.",
                string("read_write_type", "Which events: `ReadOnly`, `WriteOnly` or `All` "
                       "(CloudFormation `ReadWriteType`); `All` when not written.",
                       values=("ReadOnly", "WriteOnly", "All"), default="All"),
                boolean("include_management_events", "Whether management events are "
                        "logged (CloudFormation `IncludeManagementEvents`); true when not "
                        "written.", default=True),
                objects("data_resources", "The data events logged: Terraform "
                        "`data_resource` blocks, CloudFormation `DataResources`; empty "
                        "when none.",
                        string("type", "The resource type, e.g. `AWS::S3::Object`, "
                               "`AWS::Lambda::Function` (CloudFormation `Type`)."),
                        strings("values", "ARN prefixes of the resources whose data events "
                                "are logged (CloudFormation `Values`): for S3 objects "
                                "`arn:aws:s3` (every bucket, any partition), "
                                "`arn:aws:s3:::bucket/` or `arn:aws:s3:::bucket/prefix`."))),
        objects("advanced_event_selectors", "The trail's advanced event selectors: "
                "Terraform `advanced_event_selector` blocks, CloudFormation "
                "`AdvancedEventSelectors`, live GetEventSelectors `AdvancedEventSelectors`; "
                "absent when none. A selector logs the events that match all of its field "
                "selectors.",
                string("name", "The selector's name (CloudFormation `Name`)."),
                objects("field_selectors", "The conditions of the selector (Terraform "
                        "`field_selector` blocks, CloudFormation `FieldSelectors`), each "
                        "with the operators it sets (absent ones are not set).",
                        string("field", "The event field tested: `eventCategory`, "
                               "`resources.type`, `readOnly`, `eventName`, `resources.ARN`, "
                               "... (CloudFormation `Field`)."),
                        strings("equals", "Values the field must equal (`Equals`)."),
                        strings("starts_with", "Prefixes the field must start with "
                                "(`StartsWith`)."),
                        strings("ends_with", "Suffixes the field must end with "
                                "(`EndsWith`)."),
                        strings("not_equals", "Values the field must not equal "
                                "(`NotEquals`)."),
                        strings("not_starts_with", "Prefixes the field must not start with "
                                "(`NotStartsWith`)."),
                        strings("not_ends_with", "Suffixes the field must not end with "
                                "(`NotEndsWith`).")))),
)
