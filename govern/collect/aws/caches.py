"""ElastiCache cache clusters (DescribeCacheClusters) as `aws.elasticache.cluster`, with the
attributes the adapters give `aws_elasticache_cluster` and `AWS::ElastiCache::CacheCluster`.
A cluster with a `ReplicationGroupId` is a member of that group: it takes the group's
settings, is judged on the group (databases.py) and is left out here.

DAX clusters (DescribeClusters) as `aws.dax.cluster`, as the adapters give `aws_dax_cluster`
and `AWS::DAX::Cluster`: `server_side_encryption` is true when `SSEDescription.Status` is
`ENABLED` (or `ENABLING`), `endpoint_encryption` is `ClusterEndpointEncryptionType` (`NONE`
when the answer leaves it out)."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.cache_backups import set_backups
from govern.collect.aws.paging import listed, paged_tags
from govern.collect.aws.reader import Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_tags, tag_map
from govern.model.resource import Resource

CLUSTER = "aws.elasticache.cluster"
DAX_CLUSTER = "aws.dax.cluster"


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    return [*cache_clusters(clients("elasticache"), reader, account, region),
            *dax_clusters(clients("dax"), reader, account, region)]


def cache_clusters(elasticache: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    found = []
    for item in listed(reader.pages(elasticache, "DescribeCacheClusters", region,
                                    "CacheClusters")):
        if item.get("ReplicationGroupId"):
            continue
        name = str(item["CacheClusterId"])
        arn = item.get("ARN") or f"arn:aws:elasticache:{region}:{account}:cluster:{name}"
        cluster = live_resource(arn, CLUSTER, "AWS::ElastiCache::CacheCluster", account,
                                region)
        cluster.set("name", name)
        if item.get("Engine"):
            cluster.set("engine", str(item["Engine"]).lower())
        # the API leaves the flag out of clusters created without it: TLS is then off
        cluster.set("transit_encryption_enabled", bool(item.get("TransitEncryptionEnabled",
                                                                False)))
        set_backups(cluster, item)
        set_tags(cluster, reader.call(elasticache, "ListTagsForResource", arn,
                                      ResourceName=arn),
                 lambda answer: tag_map(answer.get("TagList")))
        found.append(cluster)
    return found


def dax_clusters(dax: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    found = []
    for item in listed(reader.pages(dax, "DescribeClusters", region, "Clusters")):
        name = str(item["ClusterName"])
        arn = str(item.get("ClusterArn") or f"arn:aws:dax:{region}:{account}:cache/{name}")
        cluster = live_resource(arn, DAX_CLUSTER, "AWS::DAX::Cluster", account, region)
        cluster.set("name", name)
        status = (item.get("SSEDescription") or {}).get("Status")
        cluster.set("server_side_encryption", status in ("ENABLED", "ENABLING"))
        cluster.set("endpoint_encryption", str(item.get("ClusterEndpointEncryptionType")
                                               or "NONE"))
        cluster.set("tags", paged_tags(reader, dax, "ListTags", arn, ResourceName=arn))
        found.append(cluster)
    return found
