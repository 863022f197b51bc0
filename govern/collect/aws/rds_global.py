"""Aurora global databases (DescribeGlobalClusters) as `aws.rds.global_cluster`, id the
global cluster's ARN (it has no Region: every Region lists it, and the collector keeps it
once), with `name` and `storage_encrypted`."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.model.resource import Resource

KIND = "aws.rds.global_cluster"


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    listed = reader.pages(clients("rds"), "DescribeGlobalClusters", region, "GlobalClusters")
    if isinstance(listed, Failed):
        return []
    found = []
    for item in listed:
        name = str(item["GlobalClusterIdentifier"])
        arn = str(item.get("GlobalClusterArn")
                  or f"arn:aws:rds::{account}:global-cluster:{name}")
        cluster = live_resource(arn, KIND, "AWS::RDS::GlobalCluster", account, region)
        cluster.set("name", name)
        cluster.set("storage_encrypted", bool(item.get("StorageEncrypted", False)))
        found.append(cluster)
    return found
