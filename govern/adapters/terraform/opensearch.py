"""OpenSearch Service: `aws_opensearch_domain` and the older `aws_elasticsearch_domain`.

The provider documents both `encrypt_at_rest.enabled` and `node_to_node_encryption.enabled`
as false when their block is not written.
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

_DOMAIN = KindMapping("aws.opensearch.domain", (
    field("name", "domain_name"),
    field("encrypt_at_rest", "encrypt_at_rest.0.enabled", default=False),
    field("kms_key", "encrypt_at_rest.0.kms_key_id"),
    field("node_to_node_encryption", "node_to_node_encryption.0.enabled", default=False),
))

MAPPINGS = {
    "aws_opensearch_domain": _DOMAIN,
    "aws_elasticsearch_domain": _DOMAIN,
}
