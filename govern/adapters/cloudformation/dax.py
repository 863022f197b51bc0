"""DAX: `AWS::DAX::Cluster` (`SSESpecification.SSEEnabled` defaults to false,
`ClusterEndpointEncryptionType` to `NONE`; tags from the `Tags` map)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool

MAPPINGS = {
    "AWS::DAX::Cluster": KindMapping("aws.dax.cluster", (
        field("name", "ClusterName"),
        field("server_side_encryption", "SSESpecification.SSEEnabled", function=to_bool,
              default=False),
        field("endpoint_encryption", "ClusterEndpointEncryptionType", default="NONE"),
    )),
}
