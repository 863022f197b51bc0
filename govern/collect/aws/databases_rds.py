"""DocumentDB and Neptune clusters, which the RDS API lists among its DB clusters
(DescribeDBClusters; the `docdb` and `neptune` clients are the same API with an engine
filter): govern/collect/aws/regional.py reads DescribeDBClusters once and hands the
clusters of these engines here, as `aws.docdb.cluster` and `aws.neptune.cluster` with the
attributes of `aws_docdb_cluster` / `aws_neptune_cluster`. Their instances have no
canonical kind (no adapter maps `aws_docdb_cluster_instance` or
`aws_neptune_cluster_instance`), so they are not RDS instances either."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.kms_keys import CustomerKeys
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


def engine_cluster(item: dict[str, Any], account: str, region: str,
                   keys: CustomerKeys) -> Resource | None:
    """The DocumentDB or Neptune cluster of a DescribeDBClusters item; None for RDS. Its
    `kms_key` is absent for the AWS managed key `aws/rds`, which it reports when created
    without a key (the omitted key of a template)."""
    mapped = ENGINE_KINDS.get(str(item.get("Engine", "")).lower())
    if mapped is None:
        return None
    kind, native_type = mapped
    name = item["DBClusterIdentifier"]
    arn = item.get("DBClusterArn") or f"arn:aws:rds:{region}:{account}:cluster:{name}"
    cluster = live_resource(arn, kind, native_type, account, region)
    cluster.set("name", name)
    cluster.set("storage_encrypted", bool(item.get("StorageEncrypted", False)))
    if item.get("StorageEncrypted"):  # the key of unencrypted storage means nothing
        set_optional(cluster, "kms_key", keys.customer_key(item.get("KmsKeyId")))
    cluster.set("log_exports", list(item.get("EnabledCloudwatchLogsExports") or []))
    if kind == "aws.neptune.cluster":
        cluster.set("iam_database_authentication",
                    bool(item.get("IAMDatabaseAuthenticationEnabled", False)))
    cluster.set("tags", tag_map(item.get("TagList")))
    return cluster


def set_access_and_logs(database: Resource, item: dict[str, Any]) -> None:
    """IAM authentication and log exports of an RDS DescribeDBInstances or
    DescribeDBClusters item; an instance of a cluster gets its `cluster` instead (these
    settings are the cluster's)."""
    if database.kind == "aws.rds.instance" and item.get("DBClusterIdentifier"):
        database.set("cluster", str(item["DBClusterIdentifier"]))
        return
    database.set("iam_database_authentication",
                 bool(item.get("IAMDatabaseAuthenticationEnabled", False)))
    database.set("log_exports", list(item.get("EnabledCloudwatchLogsExports") or []))


def set_performance_insights(database: Resource, item: dict[str, Any],
                             keys: CustomerKeys) -> None:
    """Performance Insights of an RDS DescribeDBInstances or DescribeDBClusters item:
    `performance_insights_enabled`, and its key only when customer managed (`aws/rds`, AWS
    managed, is the omitted key)."""
    enabled = bool(item.get("PerformanceInsightsEnabled", False))
    database.set("performance_insights_enabled", enabled)
    if enabled:
        set_optional(database, "performance_insights_kms_key",
                     keys.customer_key(item.get("PerformanceInsightsKMSKeyId")))
