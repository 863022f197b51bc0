"""DAX: `aws_dax_cluster` (`server_side_encryption.enabled` defaults to false,
`cluster_endpoint_encryption_type` to `NONE`)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_dax_cluster": KindMapping("aws.dax.cluster", (
        field("name", "cluster_name"),
        field("server_side_encryption", "server_side_encryption.0.enabled", default=False),
        field("endpoint_encryption", "cluster_endpoint_encryption_type", default="NONE"),
    )),
}
