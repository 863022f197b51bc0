"""OpenSearch Service: `AWS::OpenSearchService::Domain` and the older
`AWS::Elasticsearch::Domain` (encryption at rest and node-to-node encryption are off when
their options are not written)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool

_DOMAIN = KindMapping("aws.opensearch.domain", (
    field("name", "DomainName"),
    field("encrypt_at_rest", "EncryptionAtRestOptions.Enabled", function=to_bool,
          default=False),
    field("kms_key", "EncryptionAtRestOptions.KmsKeyId"),
    field("node_to_node_encryption", "NodeToNodeEncryptionOptions.Enabled",
          function=to_bool, default=False),
))

MAPPINGS = {
    "AWS::OpenSearchService::Domain": _DOMAIN,
    "AWS::Elasticsearch::Domain": _DOMAIN,
}
