"""Manual RDS snapshots of DB instances (DescribeDBSnapshots, DescribeDBSnapshotAttributes)
and of DB clusters (DescribeDBClusterSnapshots, DescribeDBClusterSnapshotAttributes) as
`aws.rds.snapshot` and `aws.rds.cluster_snapshot`, id the snapshot's ARN: `shared_accounts`
is the `restore` attribute (`all` makes a snapshot public; Unknown when it cannot be read),
`encrypted` the snapshot's own flag. The manual snapshots of Neptune clusters are
`aws.neptune.cluster_snapshot` (`name`, `cluster`, `encrypted`). Automated snapshots are not
read (they cannot be shared, and their encryption is their database's); nor are the
snapshots of DocumentDB clusters, which have no canonical kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govern.collect.aws.databases_rds import has_own_kind
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import tag_map
from govern.model.resource import Resource


@dataclass(frozen=True)
class _Api:
    """How one of the two snapshot APIs names things."""

    kind: str
    native_type: str  # no such CloudFormation type: a label
    listing: str  # the listing operation, its answer's list key
    key: str
    identifier: str  # the snapshot identifier's field (and the attributes call's parameter)
    database: tuple[str, str]  # (canonical attribute, the field naming the database)
    encrypted: str
    arn: str
    attributes: str  # the attributes operation, its answer's result key, the list key
    result: str
    values: str
    absent: frozenset[str]


INSTANCE = _Api("aws.rds.snapshot", "AWS::RDS::DBSnapshot", "DescribeDBSnapshots",
                "DBSnapshots", "DBSnapshotIdentifier",
                ("database", "DBInstanceIdentifier"), "Encrypted", "DBSnapshotArn",
                "DescribeDBSnapshotAttributes", "DBSnapshotAttributesResult",
                "DBSnapshotAttributes", frozenset({"DBSnapshotNotFound"}))
CLUSTER = _Api("aws.rds.cluster_snapshot", "AWS::RDS::DBClusterSnapshot",
               "DescribeDBClusterSnapshots", "DBClusterSnapshots",
               "DBClusterSnapshotIdentifier", ("cluster", "DBClusterIdentifier"),
               "StorageEncrypted", "DBClusterSnapshotArn",
               "DescribeDBClusterSnapshotAttributes", "DBClusterSnapshotAttributesResult",
               "DBClusterSnapshotAttributes", frozenset({"DBClusterSnapshotNotFoundFault"}))


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    rds = clients("rds")
    return [*_snapshots(rds, reader, INSTANCE, account, region),
            *_snapshots(rds, reader, CLUSTER, account, region)]


def _snapshots(rds: Any, reader: Reader, api: _Api, account: str,
               region: str) -> list[Resource]:
    listed = reader.pages(rds, api.listing, region, api.key, SnapshotType="manual")
    if isinstance(listed, Failed):
        return []
    found = []
    for item in listed:
        if api is CLUSTER and str(item.get("Engine", "")).lower() == "neptune":
            found.append(_neptune_snapshot(item, account, region))
            continue
        if has_own_kind(item):  # a DocumentDB cluster's snapshot
            continue
        snapshot = _snapshot(rds, reader, api, item, account, region)
        if snapshot is not None:
            found.append(snapshot)
    return found


def _snapshot(rds: Any, reader: Reader, api: _Api, item: dict[str, Any], account: str,
              region: str) -> Resource | None:
    """None when the snapshot was deleted after it was listed."""
    name = str(item[api.identifier])
    arn = str(item[api.arn])
    shared = _shared_accounts(rds, reader, api, name, arn)
    if shared is None:
        return None
    snapshot = live_resource(arn, api.kind, api.native_type, account, region)
    snapshot.set("name", name)
    attribute, field = api.database
    if item.get(field):
        snapshot.set(attribute, str(item[field]))
    snapshot.set("shared_accounts", shared)
    snapshot.set("encrypted", bool(item.get(api.encrypted, False)))
    snapshot.set("tags", tag_map(item.get("TagList")))
    return snapshot


def _neptune_snapshot(item: dict[str, Any], account: str, region: str) -> Resource:
    arn = str(item[CLUSTER.arn])
    snapshot = live_resource(arn, "aws.neptune.cluster_snapshot",
                             "AWS::Neptune::DBClusterSnapshot", account, region)
    snapshot.set("name", str(item[CLUSTER.identifier]))
    if item.get("DBClusterIdentifier"):
        snapshot.set("cluster", str(item["DBClusterIdentifier"]))
    snapshot.set("encrypted", bool(item.get("StorageEncrypted", False)))
    return snapshot


def _shared_accounts(rds: Any, reader: Reader, api: _Api, name: str,
                     arn: str) -> Any:
    """The `restore` attribute's values: Unknown when they cannot be read, None when the
    snapshot is gone."""
    answer = reader.call(rds, api.attributes, arn, api.absent, **{api.identifier: name})
    if answer is None:
        return None
    if isinstance(answer, Failed):
        return answer.unknown
    attributes = (answer.get(api.result) or {}).get(api.values) or []
    return sorted({str(value) for entry in attributes
                   if entry.get("AttributeName") == "restore"
                   for value in entry.get("AttributeValues") or ()})
