"""RDS instances and clusters and Neptune clusters read from moto for GOV-AWS-225 (Multi-AZ
instances), GOV-AWS-226 (the CA of an instance's server certificate), GOV-AWS-227 (RDS
databases copying their tags to snapshots), GOV-AWS-228 (Neptune clusters copying
theirs), GOV-AWS-232 (Aurora MySQL backtracking, which Aurora PostgreSQL and the members
of a global database do not have) and GOV-AWS-233 (encrypted Aurora global databases):
an instance of an Aurora cluster is judged on its own CA only. Every instance
names its CA: moto's own default (`rds-ca-default`) is no CA AWS has."""

from __future__ import annotations

from typing import Any

import pytest

from tests.collect import world
from tests.collect.conftest import client
from tests.collect.live_scan import read, scan, statuses

RULES = {"GOV-AWS-225", "GOV-AWS-226", "GOV-AWS-227", "GOV-AWS-228", "GOV-AWS-232",
         "GOV-AWS-233"}
CURRENT_CA = "rds-ca-rsa2048-g1"


def _instances(rds: Any) -> dict[str, str]:
    def instance(name: str, **extra: Any) -> str:
        made = rds.create_db_instance(**{"DBInstanceIdentifier": name, "Engine": "postgres",
                                         "DBInstanceClass": "db.t3.micro",
                                         "AllocatedStorage": 20, "MasterUsername": "admin",
                                         "MasterUserPassword": "password1",
                                         "CACertificateIdentifier": CURRENT_CA, **extra})
        return str(made["DBInstance"]["DBInstanceArn"])

    return {"bare_instance": instance("ledger"),
            "expired_ca_instance": instance("ledger-old", CACertificateIdentifier="rds-ca-2019",
                                            MultiAZ=True, CopyTagsToSnapshot=True),
            "sound_instance": instance("ledger-sound", MultiAZ=True, CopyTagsToSnapshot=True,
                                       CACertificateIdentifier="rds-ca-ecc384-g1")}


def _clusters(rds: Any) -> dict[str, str]:
    def cluster(name: str, engine: str, **extra: Any) -> str:
        made = rds.create_db_cluster(DBClusterIdentifier=name, Engine=engine,
                                     MasterUsername="admin", MasterUserPassword="password1",
                                     **extra)
        return str(made["DBCluster"]["DBClusterArn"])

    made = {"bare_cluster": cluster("books", "aurora-postgresql"),
            "copying_cluster": cluster("books-copying", "aurora-mysql",
                                       CopyTagsToSnapshot=True),
            "rewindable_cluster": cluster("books-rewindable", "aurora-mysql",
                                          CopyTagsToSnapshot=True, BacktrackWindow=86400)}
    # a member of a global database cannot backtrack: not judged
    made.update({role: str(rds.create_global_cluster(
        GlobalClusterIdentifier=name, Engine="aurora-mysql", StorageEncrypted=sealed)[
            "GlobalCluster"]["GlobalClusterArn"])
        for role, name, sealed in (("world", "world", False),
                                   ("sealed_world", "world-sealed", True))})
    made.update({"global_member": cluster("books-global", "aurora-mysql",
                                          CopyTagsToSnapshot=True,
                                          GlobalClusterIdentifier="world"),
                 "graph": cluster("graph", "neptune"),
                 "copying_graph": cluster("graph-copying", "neptune",
                                          CopyTagsToSnapshot=True)})
    for role, name, ca in (("expired_member", "books-1", "rds-ca-2019"),
                           ("current_member", "books-2", CURRENT_CA)):
        member = rds.create_db_instance(DBInstanceIdentifier=name,
                                        DBClusterIdentifier="books-copying",
                                        Engine="aurora-mysql", DBInstanceClass="db.r6g.large",
                                        CACertificateIdentifier=ca)
        made[role] = str(member["DBInstance"]["DBInstanceArn"])
    return made


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    rds = client(moto_endpoint, "rds")
    return {**_instances(rds), **_clusters(rds)}


def test_each_database_fails_exactly_its_rules(moto_endpoint: str,
                                               made: dict[str, str]) -> None:
    assert {s for s in statuses(scan(moto_endpoint), made) if s[0] in RULES} == {
        ("GOV-AWS-225", "bare_instance", "fail"),
        ("GOV-AWS-226", "expired_ca_instance", "fail"),
        ("GOV-AWS-226", "expired_member", "fail"),
        ("GOV-AWS-227", "bare_instance", "fail"), ("GOV-AWS-227", "bare_cluster", "fail"),
        ("GOV-AWS-228", "graph", "fail"),
        ("GOV-AWS-232", "copying_cluster", "fail"),
        ("GOV-AWS-233", "world", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    found = read(moto_endpoint)
    sound = found[made["sound_instance"]].attributes
    assert (sound["multi_az"], sound["ca_certificate"], sound["copy_tags_to_snapshot"]) == (
        True, "rds-ca-ecc384-g1", True)
    bare = found[made["bare_instance"]].attributes
    assert (bare["multi_az"], bare["copy_tags_to_snapshot"]) == (False, False)
    member = found[made["expired_member"]].attributes
    assert member["ca_certificate"] == "rds-ca-2019"
    assert "multi_az" not in member and "copy_tags_to_snapshot" not in member
    copying = found[made["copying_cluster"]].attributes
    assert (copying["copy_tags_to_snapshot"], copying["backtrack_window"]) == (True, 0)
    assert "global_cluster" not in copying
    assert found[made["rewindable_cluster"]].get("backtrack_window") == 86400
    assert found[made["global_member"]].get("global_cluster") == "world"
    world_db = found[made["sealed_world"]]
    assert (world_db.kind, world_db.get("name"), world_db.get("storage_encrypted")) == (
        "aws.rds.global_cluster", "world-sealed", True)
    graph = found[made["copying_graph"]]
    assert (graph.kind, graph.get("copy_tags_to_snapshot")) == ("aws.neptune.cluster", True)
