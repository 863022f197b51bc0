"""DocumentDB and Neptune clusters, which the RDS API lists among its DB clusters
(DescribeDBClusters; the `docdb` and `neptune` clients are the same API with an engine
filter): govern/collect/aws/regional.py reads DescribeDBClusters once and hands the
clusters of these engines here, as `aws.docdb.cluster` and `aws.neptune.cluster` with the
attributes of `aws_docdb_cluster` / `aws_neptune_cluster`. Their instances have no
canonical kind (no adapter maps `aws_docdb_cluster_instance` or
`aws_neptune_cluster_instance`), so they are not RDS instances either."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_optional, tag_map
from govern.model.resource import Resource

# RDS engine -> (canonical kind, CloudFormation type)
ENGINE_KINDS = {
    "docdb": ("aws.docdb.cluster", "AWS::DocDB::DBCluster"),
    "neptune": ("aws.neptune.cluster", "AWS::Neptune::DBCluster"),
}


def has_own_kind(item: dict[str, Any]) -> bool:
    """Whether a DescribeDBClusters / DescribeDBInstances item belongs to DocumentDB or
    Neptune rather than to RDS."""
    return str(item.get("Engine", "")).lower() in ENGINE_KINDS


def engine_cluster(item: dict[str, Any], account: str, region: str) -> Resource | None:
    """The DocumentDB or Neptune cluster of a DescribeDBClusters item; None for RDS."""
    mapped = ENGINE_KINDS.get(str(item.get("Engine", "")).lower())
    if mapped is None:
        return None
    kind, native_type = mapped
    name = item["DBClusterIdentifier"]
    arn = item.get("DBClusterArn") or f"arn:aws:rds:{region}:{account}:cluster:{name}"
    cluster = live_resource(arn, kind, native_type, account, region)
    cluster.set("name", name)
    cluster.set("storage_encrypted", bool(item.get("StorageEncrypted", False)))
    set_optional(cluster, "kms_key", item.get("KmsKeyId"))
    cluster.set("tags", tag_map(item.get("TagList")))
    return cluster
