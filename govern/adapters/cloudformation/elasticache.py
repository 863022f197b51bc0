"""ElastiCache: `AWS::ElastiCache::ReplicationGroup` and `AWS::ElastiCache::CacheCluster`.

`engine` defaults to `redis`; `AtRestEncryptionEnabled` and `TransitEncryptionEnabled`
default to false for Redis OSS. CloudFormation does not document the at-rest default for
Valkey (the Terraform provider's is true), so it is Unknown for Valkey, and when the
engine is not known.

A `CacheCluster` cannot join a replication group in CloudFormation (it has no
`ReplicationGroupId`): each is an `aws.elasticache.cluster`, `TransitEncryptionEnabled`
false when not written.

`SnapshotRetentionLimit` defaults to 0 (automatic backups off) on both, a group's
`AutomaticFailoverEnabled` to false.
"""

from __future__ import annotations

from govern.adapters.building import field, set_undecided
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.databases import to_int
from govern.adapters.cloudformation.values import to_bool
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def _finish_group(resource: Resource, native: NativeResource) -> None:
    del native
    if ("at_rest_encryption_enabled",) not in resource.defaulted:
        return
    engine = resource.attributes.get("engine")
    if isinstance(engine, Unknown):
        set_undecided(resource, "at_rest_encryption_enabled",
                      Unknown(f"the default depends on the engine ({engine.reason})",
                              engine.ref))
    elif isinstance(engine, str) and engine.lower() == "valkey":
        set_undecided(resource, "at_rest_encryption_enabled",
                      Unknown("the at-rest encryption default for Valkey is not documented "
                              "for CloudFormation"))


MAPPINGS = {
    "AWS::ElastiCache::ReplicationGroup": KindMapping("aws.elasticache.replication_group", (
        field("name", "ReplicationGroupId"),
        field("engine", "Engine", default="redis"),
        field("at_rest_encryption_enabled", "AtRestEncryptionEnabled", function=to_bool,
              default=False),
        field("kms_key", "KmsKeyId"),
        field("transit_encryption_enabled", "TransitEncryptionEnabled", function=to_bool,
              default=False),
        field("node_type", "CacheNodeType"),
        field("snapshot_retention_limit", "SnapshotRetentionLimit", function=to_int,
              default=0),
        field("automatic_failover_enabled", "AutomaticFailoverEnabled", function=to_bool,
              default=False),
    ), _finish_group),
    "AWS::ElastiCache::CacheCluster": KindMapping("aws.elasticache.cluster", (
        field("name", "ClusterName"),
        field("engine", "Engine"),
        field("transit_encryption_enabled", "TransitEncryptionEnabled", function=to_bool,
              default=False),
        field("node_type", "CacheNodeType"),
        field("snapshot_retention_limit", "SnapshotRetentionLimit", function=to_int,
              default=0),
    )),
}
