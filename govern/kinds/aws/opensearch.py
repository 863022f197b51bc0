"""AWS OpenSearch Service (and Elasticsearch Service): domains."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, objects, string

KINDS = (
    aws("aws.opensearch.domain", "OpenSearch Service (or Elasticsearch) domain",
        string("name", "The domain's name: Terraform `domain_name` (`aws_opensearch_domain` "
               "or `aws_elasticsearch_domain`), CloudFormation `DomainName` "
               "(`AWS::OpenSearchService::Domain` or `AWS::Elasticsearch::Domain`); absent "
               "when AWS generates it."),
        boolean("encrypt_at_rest", "Encryption at rest: Terraform "
                "`encrypt_at_rest.enabled`, CloudFormation "
                "`EncryptionAtRestOptions.Enabled`; false when not written.",
                default=False),
        string("kms_key", "The KMS key of the encryption at rest: Terraform "
               "`encrypt_at_rest.kms_key_id`, CloudFormation "
               "`EncryptionAtRestOptions.KmsKeyId`; absent with encryption on: the AWS "
               "managed key `aws/es` (live, the ARN of that key is read as absent)."),
        boolean("node_to_node_encryption", "TLS between the domain's nodes: Terraform "
                "`node_to_node_encryption.enabled`, CloudFormation "
                "`NodeToNodeEncryptionOptions.Enabled`; false when not written.",
                default=False),
        boolean("enforce_https", "Whether the endpoint refuses plain HTTP: Terraform "
                "`domain_endpoint_options.enforce_https`, CloudFormation "
                "`DomainEndpointOptions.EnforceHTTPS`, live `DomainEndpointOptions."
                "EnforceHTTPS`. When not written: false (the API's default), except in "
                "Terraform inside a written `domain_endpoint_options` block, where the "
                "provider's default is true."),
        string("tls_security_policy", "The TLS policy of the HTTPS endpoint "
               "(`Policy-Min-TLS-1-0-2019-07`, `Policy-Min-TLS-1-2-2019-07`, "
               "`Policy-Min-TLS-1-2-PFS-2023-10`, ...): Terraform "
               "`domain_endpoint_options.tls_security_policy`, CloudFormation "
               "`DomainEndpointOptions.TLSSecurityPolicy`, live `DomainEndpointOptions."
               "TLSSecurityPolicy`. Unknown when not written: OpenSearch Service chooses it "
               "and its API reference documents no default."),
        objects("log_publishing", "The logs published to CloudWatch Logs, one item per "
                "log type: Terraform `log_publishing_options` blocks, CloudFormation "
                "`LogPublishingOptions` (a map keyed by log type), live "
                "`LogPublishingOptions`; absent when not written: none.",
                string("log_type", "`AUDIT_LOGS`, `ES_APPLICATION_LOGS`, "
                       "`INDEX_SLOW_LOGS` or `SEARCH_SLOW_LOGS`."),
                boolean("enabled", "Whether the log is published: Terraform `enabled` "
                        "(true when not written, the provider's default), CloudFormation "
                        "`Enabled` (false when not written, CloudFormation's default)."),
                string("log_group", "The CloudWatch Logs log group's ARN: Terraform "
                       "`cloudwatch_log_group_arn`, CloudFormation "
                       "`CloudWatchLogsLogGroupArn`.")),
        boolean("fine_grained_access_control", "Fine-grained access control (users, "
                "roles and permissions down to indices, documents and fields): Terraform "
                "`advanced_security_options.enabled`, CloudFormation "
                "`AdvancedSecurityOptions.Enabled`, live `AdvancedSecurityOptions.Enabled`; "
                "false when not written.", default=False),
        boolean("in_vpc", "Whether the domain is reached through VPC endpoints rather than "
                "a public one: true when subnets are given (Terraform "
                "`vpc_options.subnet_ids`, CloudFormation `VPCOptions.SubnetIds`, live "
                "`VPCOptions.SubnetIds`); false when not written, where OpenSearch Service "
                "gives the domain a public endpoint. It can only be chosen when the domain "
                "is created.", default=False),
        boolean("dedicated_master_enabled", "Whether the domain has dedicated master "
                "nodes, which manage the cluster apart from the data nodes: Terraform "
                "`cluster_config.dedicated_master_enabled`, CloudFormation "
                "`ClusterConfig.DedicatedMasterEnabled` "
                "(`ElasticsearchClusterConfig.DedicatedMasterEnabled` for "
                "`AWS::Elasticsearch::Domain`), live `ClusterConfig.DedicatedMasterEnabled`; "
                "false when not written.", default=False)),
)
