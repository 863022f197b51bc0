"""Multi-AZ deployment, server certificate CA and tag copying of an RDS instance or
cluster, or of a Neptune cluster, and an RDS cluster's backtracking and global database,
from its DescribeDBInstances / DescribeDBClusters item, read as the Terraform and
CloudFormation arguments: an instance of a cluster gets only its CA (its Multi-AZ and tag
copying are the cluster's); a DocumentDB cluster has no `copy_tags_to_snapshot` in the
canonical model."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.values import set_optional
from govern.model.resource import Resource


def set_deployment(database: Resource, item: dict[str, Any]) -> None:
    """`ca_certificate` (RDS instances), `multi_az` (RDS instances outside a cluster),
    `copy_tags_to_snapshot` (those, RDS and Neptune clusters), `backtrack_window` and
    `global_cluster` (RDS clusters)."""
    if database.kind == "aws.docdb.cluster":
        return
    if database.kind == "aws.rds.instance":
        set_optional(database, "ca_certificate", item.get("CACertificateIdentifier") or None)
        if item.get("DBClusterIdentifier"):
            return
        database.set("multi_az", bool(item.get("MultiAZ", False)))
    database.set("copy_tags_to_snapshot", bool(item.get("CopyTagsToSnapshot", False)))
    if database.kind == "aws.rds.cluster":
        window = item.get("BacktrackWindow")
        database.set("backtrack_window", window if isinstance(window, int) else 0)
        set_optional(database, "global_cluster", item.get("GlobalClusterIdentifier"))
