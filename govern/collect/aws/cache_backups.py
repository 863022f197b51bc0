"""The node type and automatic backups of an ElastiCache replication group or cache cluster,
from its DescribeReplicationGroups / DescribeCacheClusters item, read as the Terraform and
CloudFormation arguments: `snapshot_retention_limit` is 0 (backups off, AWS's default)
when the answer leaves it out, as Memcached clusters' answers do."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.values import set_optional
from govern.model.resource import Resource


def set_backups(cache: Resource, item: dict[str, Any]) -> None:
    """`node_type` and `snapshot_retention_limit` of a group or a cluster."""
    set_optional(cache, "node_type", item.get("CacheNodeType"))
    limit = item.get("SnapshotRetentionLimit")
    cache.set("snapshot_retention_limit", limit if isinstance(limit, int) else 0)
