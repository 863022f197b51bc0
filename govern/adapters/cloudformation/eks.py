"""EKS: `AWS::EKS::Cluster`, as in the Terraform adapter: `endpoint_public_access`
defaults to true and `endpoint_private_access` to false (`ResourcesVpcConfig`);
`encrypted_resources` lists the `Resources` of every `EncryptionConfig` entry (absent
without one); `encryption_kms_key` is the first entry's `Provider.KeyArn`;
`enabled_log_types` the `Type` of each `Logging.ClusterLogging.EnabledTypes` entry.
`AWS::EKS::Nodegroup`: its `RemoteAccess`."""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field, set_at, where
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool
from govern.adapters.reading import MISSING, value_at, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def _log_types(entries: Any) -> Any:
    """`[{Type: api}, ...]` -> `["api", ...]`; an entry not known stays Unknown."""
    if not isinstance(entries, list):
        return Unknown("Logging.ClusterLogging.EnabledTypes is not a list")
    types: list[Any] = []
    for entry in entries:
        kind = entry if isinstance(entry, Unknown) else value_in(entry, "Type")
        types.append(Unknown("an EnabledTypes entry without Type") if kind is MISSING
                     else kind)
    return types


def _finish_cluster(resource: Resource, native: NativeResource) -> None:
    entries = value_at(native, "EncryptionConfig")
    if entries is MISSING:
        return
    covered: Any = []
    if isinstance(entries, list):
        for entry in entries:
            listed = value_in(entry, "Resources")
            if isinstance(listed, Unknown) or isinstance(entry, Unknown):
                covered = listed if isinstance(listed, Unknown) else entry
                break
            if isinstance(listed, list):
                covered.extend(listed)
        if entries:
            key = value_in(entries[0], ("Provider", "KeyArn"))
            if key is not MISSING:
                resource.set(("encryption_kms_key",), key)
    elif isinstance(entries, Unknown):
        covered = entries
    else:
        covered = Unknown("EncryptionConfig is not a list")
    set_at(resource, "encrypted_resources", covered, where(native, "EncryptionConfig", False))
    carry_locations(resource, native, ("EncryptionConfig", 0, "Resources"),
                    "encrypted_resources")


MAPPINGS = {
    "AWS::EKS::Cluster": KindMapping("aws.eks.cluster", (
        field("name", "Name"),
        field("endpoint_public_access", "ResourcesVpcConfig.EndpointPublicAccess",
              function=to_bool, default=True),
        field("endpoint_private_access", "ResourcesVpcConfig.EndpointPrivateAccess",
              function=to_bool, default=False),
        field("public_access_cidrs", "ResourcesVpcConfig.PublicAccessCidrs"),
        field("enabled_log_types", "Logging.ClusterLogging.EnabledTypes",
              function=_log_types),
    ), _finish_cluster),
    "AWS::EKS::Nodegroup": KindMapping("aws.eks.node_group", (
        field("cluster_name", "ClusterName"),
        field("remote_access.ec2_ssh_key", "RemoteAccess.Ec2SshKey"),
        field("remote_access.source_security_groups", "RemoteAccess.SourceSecurityGroups"),
    )),
}
