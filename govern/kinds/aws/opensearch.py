"""AWS OpenSearch Service (and Elasticsearch Service): domains."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string

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
               "managed key `aws/es`."),
        boolean("node_to_node_encryption", "TLS between the domain's nodes: Terraform "
                "`node_to_node_encryption.enabled`, CloudFormation "
                "`NodeToNodeEncryptionOptions.Enabled`; false when not written.",
                default=False)),
)
