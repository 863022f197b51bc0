"""Regional database and storage services: DynamoDB tables, EFS file systems, ElastiCache
replication groups, Redshift clusters and DMS replication instances (here), AWS Backup
vaults and OpenSearch Service domains (databases_search.py), with the canonical attributes
of their Terraform and CloudFormation resources. DocumentDB and Neptune clusters come
from the RDS listing of regional.py (databases_rds.py)."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.cache_backups import set_backups
from govern.collect.aws.databases_search import backup_vaults, opensearch_domains
from govern.collect.aws.dynamodb_backups import set_point_in_time_recovery
from govern.collect.aws.kms_keys import CustomerKeys
from govern.collect.aws.paging import listed, paged_tags
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_maybe_absent, set_optional, set_tags, set_unknown, tag_map
from govern.model.resource import Resource


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    keys = CustomerKeys(clients("kms"), reader, account)
    return [*_tables(clients("dynamodb"), reader, keys, account, region),
            *_file_systems(clients("efs"), reader, keys, account, region),
            *_replication_groups(clients("elasticache"), reader, account, region),
            *_redshift_clusters(clients("redshift"), reader, keys, account, region),
            *_replication_instances(clients("dms"), reader, keys, account, region),
            *backup_vaults(clients("backup"), reader, keys, account, region),
            *opensearch_domains(clients("opensearch"), reader, keys, account, region)]


def _tables(dynamodb: Any, reader: Reader, keys: CustomerKeys, account: str,
            region: str) -> list[Resource]:
    found = []
    for name in listed(reader.pages(dynamodb, "ListTables", region, "TableNames")):
        arn = f"arn:aws:dynamodb:{region}:{account}:table/{name}"
        described = reader.call(dynamodb, "DescribeTable", arn,
                                frozenset({"ResourceNotFoundException"}), TableName=name)
        if described is None:
            continue  # deleted since it was listed
        if isinstance(described, dict):
            arn = described.get("Table", {}).get("TableArn") or arn
        table = live_resource(arn, "aws.dynamodb.table", "AWS::DynamoDB::Table", account,
                              region)
        table.set("name", name)
        _set_table_encryption(table, described, keys)
        set_point_in_time_recovery(table, dynamodb, reader, name)
        table.set("tags", paged_tags(reader, dynamodb, "ListTagsOfResource", arn,
                                     ResourceArn=arn))
        found.append(table)
    return found


def _set_table_encryption(table: Resource, described: dict[str, Any] | Failed,
                          keys: CustomerKeys) -> None:
    """No SSEDescription (or SSE disabled): a key AWS owns, `enabled` false as in a
    template that omits it; KMS: `enabled` true, with `kms_key` only for a customer
    managed key (the AWS managed `aws/dynamodb` is the omitted key). When DescribeTable
    fails, whether there is a customer managed key is unknown: maybe absent."""
    if isinstance(described, Failed):
        set_unknown(table, described.unknown, "server_side_encryption.enabled")
        set_maybe_absent(table, described.unknown, "server_side_encryption.kms_key")
        return
    sse = described.get("Table", {}).get("SSEDescription") or {}
    enabled = sse.get("SSEType") == "KMS" and sse.get("Status") not in ("DISABLED",
                                                                         "DISABLING")
    table.set("server_side_encryption.enabled", enabled)
    if enabled:
        set_optional(table, "server_side_encryption.kms_key",
                     keys.customer_key(sse.get("KMSMasterKeyArn")))


def _file_systems(efs: Any, reader: Reader, keys: CustomerKeys, account: str,
                  region: str) -> list[Resource]:
    """`kms_key` only for a customer managed key (EFS reports the AWS managed
    `aws/elasticfilesystem` it uses when none was named: the omitted key)."""
    found = []
    for item in listed(reader.pages(efs, "DescribeFileSystems", region, "FileSystems")):
        arn = item.get("FileSystemArn") or (
            f"arn:aws:elasticfilesystem:{region}:{account}:file-system/{item['FileSystemId']}")
        system = live_resource(arn, "aws.efs.file_system", "AWS::EFS::FileSystem", account,
                               region)
        system.set("encrypted", bool(item.get("Encrypted", False)))
        if item.get("Encrypted"):  # the key of an unencrypted file system means nothing
            set_optional(system, "kms_key", keys.customer_key(item.get("KmsKeyId")))
        system.set("tags", tag_map(item.get("Tags")))
        found.append(system)
    return found


def _replication_groups(elasticache: Any, reader: Reader, account: str,
                        region: str) -> list[Resource]:
    found = []
    for item in listed(reader.pages(elasticache, "DescribeReplicationGroups", region,
                                    "ReplicationGroups")):
        name = item["ReplicationGroupId"]
        arn = item.get("ARN") or f"arn:aws:elasticache:{region}:{account}:replicationgroup:" \
            f"{name}"
        group = live_resource(arn, "aws.elasticache.replication_group",
                              "AWS::ElastiCache::ReplicationGroup", account, region)
        group.set("name", name)
        group.set("engine", str(item.get("Engine") or "redis").lower())
        group.set("at_rest_encryption_enabled", bool(item.get("AtRestEncryptionEnabled",
                                                              False)))
        set_optional(group, "kms_key", item.get("KmsKeyId"))
        group.set("transit_encryption_enabled", bool(item.get("TransitEncryptionEnabled",
                                                              False)))
        set_backups(group, item)
        group.set("automatic_failover_enabled",
                  item.get("AutomaticFailover") in ("enabled", "enabling"))
        _set_listed_tags(group, elasticache, reader, ResourceName=arn)
        found.append(group)
    return found


def _redshift_clusters(redshift: Any, reader: Reader, keys: CustomerKeys, account: str,
                       region: str) -> list[Resource]:
    """`kms_key` only for a customer managed key (an AWS managed one is the omitted
    key); `audit_logging` from DescribeLoggingStatus."""
    found = []
    for item in listed(reader.pages(redshift, "DescribeClusters", region, "Clusters")):
        name = item["ClusterIdentifier"]
        arn = f"arn:aws:redshift:{region}:{account}:cluster:{name}"
        cluster = live_resource(arn, "aws.redshift.cluster", "AWS::Redshift::Cluster",
                                account, region)
        cluster.set("name", name)
        cluster.set("encrypted", bool(item.get("Encrypted", False)))
        if item.get("Encrypted"):
            set_optional(cluster, "kms_key", keys.customer_key(item.get("KmsKeyId")))
        cluster.set("publicly_accessible", bool(item.get("PubliclyAccessible", False)))
        _set_redshift_upkeep(cluster, item)
        _set_audit_logging(cluster, redshift, reader, name)
        cluster.set("tags", tag_map(item.get("Tags")))
        found.append(cluster)
    return found


def _set_redshift_upkeep(cluster: Resource, item: dict[str, Any]) -> None:
    """Version upgrades, automated snapshots and enhanced VPC routing, AWS's defaults (true,
    1 day, false) when the answer leaves them out."""
    cluster.set("allow_version_upgrade", bool(item.get("AllowVersionUpgrade", True)))
    period = item.get("AutomatedSnapshotRetentionPeriod")
    cluster.set("automated_snapshot_retention_period", period if isinstance(period, int) else 1)
    cluster.set("enhanced_vpc_routing", bool(item.get("EnhancedVpcRouting", False)))


def _set_audit_logging(cluster: Resource, redshift: Any, reader: Reader, name: str) -> None:
    """`audit_logging` from DescribeLoggingStatus' `LoggingEnabled`; Unknown when the call
    fails, off for a cluster deleted since it was listed."""
    status = reader.call(redshift, "DescribeLoggingStatus", cluster.id,
                         frozenset({"ClusterNotFound"}), ClusterIdentifier=name)
    if isinstance(status, Failed):
        set_unknown(cluster, status.unknown, "audit_logging")
        return
    cluster.set("audit_logging", bool((status or {}).get("LoggingEnabled", False)))


def _replication_instances(dms: Any, reader: Reader, keys: CustomerKeys, account: str,
                           region: str) -> list[Resource]:
    """`kms_key` only for a customer managed key (DMS reports the AWS managed `aws/dms`
    it uses when none was named: the omitted key)."""
    found = []
    for item in listed(reader.pages(dms, "DescribeReplicationInstances", region,
                                    "ReplicationInstances")):
        name = item["ReplicationInstanceIdentifier"]
        arn = item.get("ReplicationInstanceArn") or f"arn:aws:dms:{region}:{account}:rep:" \
            f"{name}"
        instance = live_resource(arn, "aws.dms.replication_instance",
                                 "AWS::DMS::ReplicationInstance", account, region)
        instance.set("name", name)
        # the DMS API's default is public: an answer without the flag is not taken as private
        instance.set("publicly_accessible", bool(item.get("PubliclyAccessible", True)))
        set_optional(instance, "kms_key", keys.customer_key(item.get("KmsKeyId")))
        instance.set("auto_minor_version_upgrade",
                     bool(item.get("AutoMinorVersionUpgrade", True)))  # the API's default
        _set_listed_tags(instance, dms, reader, ResourceArn=arn)
        found.append(instance)
    return found


def _set_listed_tags(resource: Resource, client: Any, reader: Reader, **params: Any) -> None:
    """`tags` from ListTagsForResource answering a `TagList` (ElastiCache, DMS)."""
    set_tags(resource, reader.call(client, "ListTagsForResource", resource.id, **params),
             lambda answer: tag_map(answer.get("TagList")))
