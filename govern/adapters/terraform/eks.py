"""EKS: `aws_eks_cluster`.

`endpoint_public_access` defaults to true and `endpoint_private_access` to false.
`encrypted_resources` lists what envelope encryption covers (the `resources` of every
`encryption_config` block, in order; absent without a block); `encryption_kms_key` is the
first block's `provider.key_arn`. `enabled_log_types` is `enabled_cluster_log_types`.
`aws_eks_node_group`: its `remote_access` block.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field, set_at, where
from govern.adapters.reading import MISSING, blocks_in, value_in
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def _finish_cluster(resource: Resource, native: NativeResource) -> None:
    blocks = blocks_in(native.attributes, "encryption_config")
    if isinstance(blocks, list) and not blocks:
        return
    covered: list[Any] | Unknown = []
    for block in blocks if isinstance(blocks, list) else ():
        listed = value_in(block, "resources")
        if isinstance(listed, Unknown):
            covered = listed
            break
        if isinstance(listed, list) and isinstance(covered, list):
            covered.extend(listed)
    set_at(resource, "encrypted_resources", blocks if isinstance(blocks, Unknown) else covered,
           where(native, "encryption_config", False))
    carry_locations(resource, native, ("encryption_config", 0, "resources"),
                    "encrypted_resources")
    if isinstance(blocks, list):
        key = value_in(blocks[0], ("provider", 0, "key_arn"))
        if key is not MISSING:
            resource.set(("encryption_kms_key",), key)


MAPPINGS = {
    "aws_eks_cluster": KindMapping("aws.eks.cluster", (
        field("name"),
        field("endpoint_public_access", "vpc_config.0.endpoint_public_access", default=True),
        field("endpoint_private_access", "vpc_config.0.endpoint_private_access",
              default=False),
        field("public_access_cidrs", "vpc_config.0.public_access_cidrs"),
        field("enabled_log_types", "enabled_cluster_log_types"),
    ), _finish_cluster),
    "aws_eks_node_group": KindMapping("aws.eks.node_group", (
        field("cluster_name"),
        field("remote_access.ec2_ssh_key", "remote_access.0.ec2_ssh_key"),
        field("remote_access.source_security_groups",
              "remote_access.0.source_security_group_ids"),
    )),
}
