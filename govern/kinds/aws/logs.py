"""AWS CloudWatch Logs: log groups, with their metric filters."""

from __future__ import annotations

from govern.kinds.declare import aws, integer, objects, string

KINDS = (
    aws("aws.logs.log_group", "CloudWatch Logs log group",
        string("name", "The log group's name (CloudFormation `LogGroupName`); absent when "
               "AWS generates it."),
        string("kms_key", "The KMS key encrypting the log data: Terraform `kms_key_id`, "
               "CloudFormation `KmsKeyId`, live `kmsKeyId`; absent when not set: keys AWS "
               "owns."),
        integer("retention_in_days", "How many days log events are kept (CloudFormation "
                "`RetentionInDays`); absent: they never expire (Terraform's `0` says the "
                "same)."),
        objects("metric_filters", "The metric filters on the log group, one item per "
                "filter: Terraform `aws_cloudwatch_log_metric_filter` and CloudFormation "
                "`AWS::Logs::MetricFilter` naming it by `log_group_name`/`LogGroupName`, "
                "live DescribeMetricFilters (Unknown when that call fails). Absent when "
                "the code declares none; on a log group declared outside the scanned code "
                "the list starts with one Unknown element for the filters declared "
                "elsewhere.",
                string("name", "The filter's name (Terraform `name`, CloudFormation "
                       "`FilterName`, live `filterName`)."),
                string("pattern", "The filter pattern, as written (Terraform `pattern`, "
                       "CloudFormation `FilterPattern`, live `filterPattern`)."),
                objects("metric_transformations", "The metrics it publishes: Terraform's "
                        "`metric_transformation` block, CloudFormation "
                        "`MetricTransformations`, live `metricTransformations`.",
                        string("metric_name", "The metric's name (Terraform `name`, "
                               "CloudFormation `MetricName`, live `metricName`)."),
                        string("metric_namespace", "The metric's namespace (Terraform "
                               "`namespace`, CloudFormation `MetricNamespace`, live "
                               "`metricNamespace`)."))),
        ),
)
