"""Manual RDS snapshots read from moto for GOV-AWS-229 (snapshots shared publicly: the
`restore` attribute holds `all`), GOV-AWS-230 (unencrypted snapshots) and GOV-AWS-231
(unencrypted Neptune cluster snapshots): snapshots of instances and of clusters, shared
with every account, with named accounts or with none; automated snapshots are not read,
and a snapshot whose attributes cannot be read is unknown to GOV-AWS-229."""

from __future__ import annotations

from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

RULES = {"GOV-AWS-229", "GOV-AWS-230", "GOV-AWS-231"}
PARTNER = "210987654321"


def _instance_snapshots(rds: Any, kms: Any) -> dict[str, str]:
    key = kms.create_key(Description="orders")["KeyMetadata"]["Arn"]
    for name, extra in (("orders", {}),
                        ("orders-sealed", {"StorageEncrypted": True, "KmsKeyId": key})):
        rds.create_db_instance(DBInstanceIdentifier=name, Engine="postgres",
                               DBInstanceClass="db.t3.micro", AllocatedStorage=20,
                               MasterUsername="admin", MasterUserPassword="password1",
                               **extra)

    def snapshot(name: str, instance: str, shared: list[str]) -> str:
        made = rds.create_db_snapshot(DBInstanceIdentifier=instance,
                                      DBSnapshotIdentifier=name)["DBSnapshot"]
        if shared:
            rds.modify_db_snapshot_attribute(DBSnapshotIdentifier=name,
                                             AttributeName="restore", ValuesToAdd=shared)
        return str(made["DBSnapshotArn"])

    return {"public_snapshot": snapshot("orders-public", "orders", ["all"]),
            "named_snapshot": snapshot("orders-named", "orders", [PARTNER]),
            "sealed_snapshot": snapshot("orders-sealed-1", "orders-sealed", [PARTNER])}


def _cluster_snapshots(rds: Any) -> dict[str, str]:
    for name, extra in (("books", {}), ("books-sealed", {"StorageEncrypted": True})):
        rds.create_db_cluster(DBClusterIdentifier=name, Engine="aurora-postgresql",
                              MasterUsername="admin", MasterUserPassword="password1",
                              **extra)

    def snapshot(name: str, cluster: str, shared: list[str]) -> str:
        made = rds.create_db_cluster_snapshot(
            DBClusterIdentifier=cluster, DBClusterSnapshotIdentifier=name)["DBClusterSnapshot"]
        if shared:
            rds.modify_db_cluster_snapshot_attribute(
                DBClusterSnapshotIdentifier=name, AttributeName="restore", ValuesToAdd=shared)
        return str(made["DBClusterSnapshotArn"])

    for name, extra in (("graph", {}), ("graph-sealed", {"StorageEncrypted": True})):
        rds.create_db_cluster(DBClusterIdentifier=name, Engine="neptune", **extra)
    return {"public_cluster_snapshot": snapshot("books-public", "books", ["all", PARTNER]),
            "sealed_cluster_snapshot": snapshot("books-sealed-1", "books-sealed", []),
            "graph_snapshot": snapshot("graph-1", "graph", []),
            "sealed_graph_snapshot": snapshot("graph-sealed-1", "graph-sealed", [])}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    rds = client(moto_endpoint, "rds")
    return {**_instance_snapshots(rds, client(moto_endpoint, "kms")),
            **_cluster_snapshots(rds)}


def test_each_snapshot_fails_exactly_its_rules(moto_endpoint: str,
                                               made: dict[str, str]) -> None:
    assert {s for s in statuses(scan(moto_endpoint), made) if s[0] in RULES} == {
        ("GOV-AWS-229", "public_snapshot", "fail"),
        ("GOV-AWS-229", "public_cluster_snapshot", "fail"),
        ("GOV-AWS-230", "public_snapshot", "fail"), ("GOV-AWS-230", "named_snapshot", "fail"),
        ("GOV-AWS-230", "public_cluster_snapshot", "fail"),
        ("GOV-AWS-231", "graph_snapshot", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    found = read(moto_endpoint)
    public = found[made["public_snapshot"]]
    assert (public.kind, public.get("name"), public.get("database"),
            public.get("shared_accounts"), public.get("encrypted")) == (
        "aws.rds.snapshot", "orders-public", "orders", ["all"], False)
    assert found[made["sealed_snapshot"]].get("encrypted") is True
    cluster = found[made["public_cluster_snapshot"]]
    assert (cluster.kind, cluster.get("cluster"), cluster.get("shared_accounts")) == (
        "aws.rds.cluster_snapshot", "books", [PARTNER, "all"])
    assert found[made["sealed_cluster_snapshot"]].get("shared_accounts") == []
    graph = found[made["graph_snapshot"]]
    assert (graph.kind, graph.get("cluster"), graph.get("encrypted")) == (
        "aws.neptune.cluster_snapshot", "graph", False)
    assert found[made["sealed_graph_snapshot"]].get("encrypted") is True
    # only manual snapshots: the automated ones of the instances are not read
    snapshots = [r for r in found.values() if r.kind == "aws.rds.snapshot"]
    assert sorted(r.get("name") for r in snapshots) == [
        "orders-named", "orders-public", "orders-sealed-1"]


def test_a_snapshot_whose_attributes_cannot_be_read_is_unknown(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "rds.DescribeDBSnapshotAttributes")
    snapshot = read(moto_endpoint)[made["named_snapshot"]]
    assert snapshot.get("shared_accounts") == Unknown(
        "access denied: DescribeDBSnapshotAttributes")
    assert ("GOV-AWS-229", "named_snapshot", "unknown") in {
        s for s in statuses(scan(moto_endpoint), made) if s[0] in RULES}
