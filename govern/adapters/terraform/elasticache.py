"""ElastiCache: `aws_elasticache_replication_group` and `aws_elasticache_cluster`.

`engine` defaults to `redis`. `at_rest_encryption_enabled` defaults to false for Redis OSS
and to true for Valkey (the provider's documented defaults); Unknown when the engine is.
`transit_encryption_enabled` defaults to false, `snapshot_retention_limit` to 0 (automatic
backups off, AWS's default), a group's `automatic_failover_enabled` to false.

A cluster with a `replication_group_id` is a member of that group: it takes the group's
settings and is left out (`build_cluster` gives None). An id that is not known statically
is a member's when it comes from a replication group (`aws_elasticache_replication_group.g.id`);
otherwise (a variable that may be null) the cluster is built with
`transit_encryption_enabled` and `snapshot_retention_limit` Unknown.
"""

from __future__ import annotations

from govern.adapters.building import field, set_default, set_undecided
from govern.adapters.reading import MISSING, value_at
from govern.adapters.terraform.mapping import KindMapping
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
        set_default(resource, "at_rest_encryption_enabled", True)


GROUP = "aws_elasticache_replication_group"

CLUSTER = KindMapping("aws.elasticache.cluster", (
    field("name", "cluster_id"),
    field("engine"),
    field("transit_encryption_enabled", default=False),
    field("node_type"),
    field("snapshot_retention_limit", default=0),
))


def build_cluster(native: NativeResource) -> Resource | None:
    """An `aws_elasticache_cluster`, or None for a member of a replication group."""
    group = value_at(native, "replication_group_id")
    if group is MISSING or group is None:
        return CLUSTER.build(native)
    if not isinstance(group, Unknown) or (group.ref or "").startswith(f"{GROUP}."):
        return None
    cluster = CLUSTER.build(native)
    for name in ("transit_encryption_enabled", "snapshot_retention_limit"):
        if (name,) in cluster.defaulted:
            set_undecided(cluster, name, Unknown(
                "the cluster may be a member of a replication group, whose setting "
                f"applies (`replication_group_id`: {group.reason})", group.ref))
    return cluster


MAPPINGS = {
    "aws_elasticache_replication_group": KindMapping("aws.elasticache.replication_group", (
        field("name", "replication_group_id"),
        field("engine", default="redis"),
        field("at_rest_encryption_enabled", default=False),
        field("kms_key", "kms_key_id"),
        field("transit_encryption_enabled", default=False),
        field("node_type"),
        field("snapshot_retention_limit", default=0),
        field("automatic_failover_enabled", default=False),
    ), _finish_group),
}
