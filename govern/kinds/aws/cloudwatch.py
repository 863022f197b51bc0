"""Amazon CloudWatch: metric alarms."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string, strings

KINDS = (
    aws("aws.cloudwatch.metric_alarm", "CloudWatch metric alarm",
        string("name", "The alarm's name (Terraform `alarm_name`, CloudFormation "
               "`AlarmName`, live `AlarmName`)."),
        string("metric_name", "The metric the alarm watches (Terraform `metric_name`, "
               "CloudFormation and live `MetricName`); absent for an alarm on a metric "
               "math expression (`metric_query`, `Metrics`)."),
        string("namespace", "The namespace of that metric (Terraform `namespace`, "
               "CloudFormation and live `Namespace`)."),
        strings("alarm_actions", "What the alarm does when it goes to ALARM: SNS topics "
                "and other action ARNs (Terraform `alarm_actions`, CloudFormation and live "
                "`AlarmActions`); absent when none."),
        boolean("actions_enabled", "Whether the actions run (Terraform "
                "`actions_enabled`, CloudFormation and live `ActionsEnabled`); true when "
                "not written.", default=True)),
)
