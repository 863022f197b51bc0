"""AWS Config: configuration recorders and configuration aggregators."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, objects, string, strings

KINDS = (
    aws("aws.config.configuration_recorder", "AWS Config configuration recorder",
        string("name", "The recorder's name (CloudFormation `Name`)."),
        boolean("all_supported", "Whether every supported regional resource type is "
                "recorded, new types included: `recording_group.all_supported` "
                "(Terraform; true when not written), `RecordingGroup.AllSupported` "
                "(CloudFormation; false in a group that does not set it), live "
                "`recordingGroup.allSupported`. True when no recording group is written: "
                "AWS then records every supported type but the global IAM ones."),
        boolean("include_global_resource_types", "Whether the global IAM resource types "
                "(users, groups, roles, customer managed policies) are recorded too: "
                "`recording_group.include_global_resource_types` (Terraform), "
                "`RecordingGroup.IncludeGlobalResourceTypes` (CloudFormation), live "
                "`recordingGroup.includeGlobalResourceTypes`; false when not written.",
                default=False),
        boolean("is_enabled", "Whether the recorder records: Terraform "
                "`aws_config_configuration_recorder_status.is_enabled` of the status "
                "that names it (false without one: creating a recorder does not start "
                "it); CloudFormation true (CloudFormation starts the recorder once the "
                "delivery channel exists); live DescribeConfigurationRecorderStatus "
                "`recording`."),
        taggable=False),
    aws("aws.config.configuration_aggregator", "AWS Config configuration aggregator",
        string("name", "The aggregator's name (CloudFormation "
               "`ConfigurationAggregatorName`)."),
        objects("sources", "Where the aggregator collects from, one item per source: "
                "Terraform's `account_aggregation_source` or "
                "`organization_aggregation_source` block, CloudFormation's "
                "`AccountAggregationSources` items and `OrganizationAggregationSource`, "
                "live `AccountAggregationSources` and `OrganizationAggregationSource`.",
                string("type", "`account` or `organization`.",
                       values=("account", "organization")),
                boolean("all_regions", "Whether the source covers every region, current "
                        "and future (Terraform `all_regions`, CloudFormation and live "
                        "`AllAwsRegions`); false when not written.", default=False),
                strings("regions", "The regions collected when not all of them "
                        "(Terraform `regions`, CloudFormation and live `AwsRegions`)."))),
)
