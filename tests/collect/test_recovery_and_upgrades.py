"""DynamoDB tables, S3 buckets, Application Load Balancers and RDS databases read from
moto for the resilience and hardening rules: GOV-AWS-188 (DynamoDB point-in-time recovery,
DescribeContinuousBackups), GOV-AWS-189 (S3 versioning), GOV-AWS-190 (invalid header
fields dropped), GOV-AWS-191 (RDS automatic minor version upgrades), GOV-AWS-192 (RDS
deletion protection), GOV-AWS-193 (RDS backup retention) and GOV-AWS-194 (ElastiCache
automatic backups), GOV-AWS-195 (default security groups: a new VPC's keeps AWS's
rules), GOV-AWS-196 and GOV-AWS-197 (DocumentDB and Neptune backup retention) and
GOV-AWS-198 (Neptune deletion protection); a member of a cluster is judged on its
cluster, a Memcached cluster and a group that is not a default group are not judged, and
a table whose continuous backups cannot be read is unknown."""

from __future__ import annotations

from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls, on_every_client
from tests.collect.live_scan import read, scan, statuses

RULES = {"GOV-AWS-188", "GOV-AWS-189", "GOV-AWS-190", "GOV-AWS-191", "GOV-AWS-192",
         "GOV-AWS-193", "GOV-AWS-194", "GOV-AWS-195", "GOV-AWS-196", "GOV-AWS-197",
         "GOV-AWS-198"}
KEY_SCHEMA = {"AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
              "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
              "BillingMode": "PAY_PER_REQUEST"}


def _tables(dynamodb: Any) -> dict[str, str]:
    made = {}
    for role, name in (("recoverable_table", "orders"), ("plain_table", "orders-plain")):
        made[role] = dynamodb.create_table(TableName=name, **KEY_SCHEMA)[
            "TableDescription"]["TableArn"]
    dynamodb.update_continuous_backups(
        TableName="orders",
        PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
    return made


def _buckets(s3: Any) -> dict[str, str]:
    for name in ("versioned-data", "suspended-data", "plain-data"):
        s3.create_bucket(Bucket=name)
    s3.put_bucket_versioning(Bucket="versioned-data",
                             VersioningConfiguration={"Status": "Enabled"})
    s3.put_bucket_versioning(Bucket="suspended-data",
                             VersioningConfiguration={"Status": "Suspended"})
    return {"versioned": "arn:aws:s3:::versioned-data",
            "suspended": "arn:aws:s3:::suspended-data", "unversioned": "arn:aws:s3:::plain-data"}


def _balancers(endpoint: str) -> dict[str, str]:
    subnets = [s["SubnetId"] for s in client(endpoint, "ec2").describe_subnets()["Subnets"]][:2]
    elbv2 = client(endpoint, "elbv2")

    def balancer(name: str, kind: str) -> str:
        arn: str = elbv2.create_load_balancer(Name=name, Subnets=subnets, Type=kind)[
            "LoadBalancers"][0]["LoadBalancerArn"]
        return arn

    made = {"dropping_alb": balancer("dropping", "application"),
            "keeping_alb": balancer("keeping", "application"),
            "network_lb": balancer("network", "network")}
    elbv2.modify_load_balancer_attributes(LoadBalancerArn=made["dropping_alb"], Attributes=[
        {"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true"}])
    return made


def _databases(rds: Any) -> dict[str, str]:
    def instance(name: str, **extra: Any) -> str:
        made = rds.create_db_instance(DBInstanceIdentifier=name, Engine="postgres",
                                      DBInstanceClass="db.t3.micro", AllocatedStorage=20,
                                      MasterUsername="admin",
                                      MasterUserPassword="password1", **extra)
        return str(made["DBInstance"]["DBInstanceArn"])

    def cluster(name: str, **extra: Any) -> str:
        made = rds.create_db_cluster(**{"DBClusterIdentifier": name,
                                        "Engine": "aurora-postgresql",
                                        "MasterUsername": "admin",
                                        "MasterUserPassword": "password1", **extra})
        return str(made["DBCluster"]["DBClusterArn"])

    made = {"bare_instance": instance("ledger"),
            "guarded_instance": instance("ledger-guarded", DeletionProtection=True,
                                         BackupRetentionPeriod=14),
            "pinned_instance": instance("ledger-pinned", AutoMinorVersionUpgrade=False,
                                        DeletionProtection=True, BackupRetentionPeriod=7),
            "bare_cluster": cluster("books"),
            "guarded_cluster": cluster("books-guarded", DeletionProtection=True,
                                       BackupRetentionPeriod=30)}
    member = rds.create_db_instance(DBInstanceIdentifier="books-1",
                                    DBClusterIdentifier="books-guarded",
                                    Engine="aurora-postgresql", DBInstanceClass="db.r6g.large")
    made["member"] = str(member["DBInstance"]["DBInstanceArn"])
    for role, name, engine, extra in (
            ("graph", "graph", "neptune", {}),
            ("guarded_graph", "graph-guarded", "neptune",
             {"BackupRetentionPeriod": 21, "DeletionProtection": True})):
        made[role] = cluster(name, **{**extra, "Engine": engine})
    return made


def _caches(elasticache: Any) -> dict[str, str]:
    def group(name: str, **extra: Any) -> str:
        made = elasticache.create_replication_group(
            ReplicationGroupId=name, ReplicationGroupDescription="sessions", Engine="redis",
            CacheNodeType="cache.t3.micro", **extra)
        return str(made["ReplicationGroup"]["ARN"])

    def cluster(name: str, engine: str, **extra: Any) -> str:
        made = elasticache.create_cache_cluster(CacheClusterId=name, Engine=engine,
                                                CacheNodeType="cache.t3.micro",
                                                NumCacheNodes=1, **extra)
        return str(made["CacheCluster"]["ARN"])

    return {"backed_up_group": group("sessions", SnapshotRetentionLimit=7),
            "plain_group": group("sessions-plain"),
            "plain_cache": cluster("scores", "redis"),
            "memcached": cluster("pages", "memcached")}


def _default_groups(endpoint: str) -> dict[str, str]:
    """The default VPC's default group with AWS's rules removed, a new VPC's with them,
    and a group of that VPC's own."""
    ec2 = client(endpoint, "ec2")
    world.close_default_egress(ec2)
    world.close_default_ingress(ec2)
    vpc = ec2.create_vpc(CidrBlock="10.9.0.0/16")["Vpc"]["VpcId"]

    def default_of(vpc_id: str) -> str:
        found = ec2.describe_security_groups(Filters=[
            {"Name": "group-name", "Values": ["default"]},
            {"Name": "vpc-id", "Values": [vpc_id]}])["SecurityGroups"][0]["GroupId"]
        return world.group_arn(found)

    default_vpc = ec2.describe_vpcs(Filters=[{"Name": "is-default",
                                              "Values": ["true"]}])["Vpcs"][0]["VpcId"]
    own = ec2.create_security_group(GroupName="app", Description="app", VpcId=vpc)["GroupId"]
    return {"closed_default_sg": default_of(default_vpc), "new_default_sg": default_of(vpc),
            "own_sg": world.group_arn(own)}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    return {**_tables(client(moto_endpoint, "dynamodb")), **_buckets(client(moto_endpoint, "s3")),
            **_balancers(moto_endpoint), **_databases(client(moto_endpoint, "rds")),
            **_caches(client(moto_endpoint, "elasticache")), **_default_groups(moto_endpoint)}


def mine(endpoint: str, made: dict[str, str]) -> set[tuple[str, str, str]]:
    return {s for s in statuses(scan(endpoint), made) if s[0] in RULES}


def test_each_resource_fails_exactly_its_rules(moto_endpoint: str,
                                               made: dict[str, str]) -> None:
    assert mine(moto_endpoint, made) == {
        ("GOV-AWS-188", "plain_table", "fail"),
        ("GOV-AWS-189", "suspended", "fail"), ("GOV-AWS-189", "unversioned", "fail"),
        ("GOV-AWS-190", "keeping_alb", "fail"),
        ("GOV-AWS-191", "pinned_instance", "fail"),
        ("GOV-AWS-192", "bare_instance", "fail"), ("GOV-AWS-192", "bare_cluster", "fail"),
        ("GOV-AWS-193", "bare_instance", "fail"), ("GOV-AWS-193", "bare_cluster", "fail"),
        ("GOV-AWS-194", "plain_group", "fail"), ("GOV-AWS-194", "plain_cache", "fail"),
        ("GOV-AWS-195", "new_default_sg", "fail"),
        ("GOV-AWS-197", "graph", "fail"),
        ("GOV-AWS-198", "graph", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    found = read(moto_endpoint)
    assert found[made["recoverable_table"]].get("point_in_time_recovery") is True
    assert found[made["plain_table"]].get("point_in_time_recovery") is False
    guarded = found[made["guarded_instance"]].attributes
    assert (guarded["auto_minor_version_upgrade"], guarded["deletion_protection"],
            guarded["backup_retention_period"]) == (True, True, 14)
    assert found[made["pinned_instance"]].get("auto_minor_version_upgrade") is False
    bare = found[made["bare_cluster"]].attributes
    assert (bare["deletion_protection"], bare["backup_retention_period"]) == (False, 1)
    member = found[made["member"]].attributes
    assert member["auto_minor_version_upgrade"] is True
    assert "deletion_protection" not in member and "backup_retention_period" not in member
    group = found[made["backed_up_group"]].attributes
    assert (group["node_type"], group["snapshot_retention_limit"]) == ("cache.t3.micro", 7)
    assert found[made["memcached"]].get("snapshot_retention_limit") == 0
    graph = found[made["guarded_graph"]].attributes
    assert (graph["backup_retention_period"], graph["deletion_protection"]) == (21, True)
    assert [found[made[role]].get("is_default") for role in (
        "closed_default_sg", "new_default_sg", "own_sg")] == [True, True, False]


def test_a_table_whose_backups_cannot_be_read_is_unknown(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "dynamodb.DescribeContinuousBackups")
    table = read(moto_endpoint)[made["plain_table"]]
    assert table.get("point_in_time_recovery") == Unknown(
        "access denied: DescribeContinuousBackups")
    assert ("GOV-AWS-188", "plain_table", "unknown") in mine(moto_endpoint, made)


def _catalog(name: str, retention: int) -> dict[str, Any]:
    return {"DBClusterIdentifier": name, "Engine": "docdb", "BackupRetentionPeriod": retention,
            "DeletionProtection": True, "StorageEncrypted": True,
            "DBClusterArn": f"arn:aws:rds:{REGION}:{ACCOUNT}:cluster:{name}", "TagList": []}


def _add_docdb_clusters(parsed: dict[str, Any], **_: Any) -> None:
    """moto's RDS refuses the `docdb` engine: its clusters are added to the answer."""
    parsed.setdefault("DBClusters", []).extend([_catalog("catalog", 1),
                                                _catalog("catalog-kept", 7)])


def test_documentdb_backup_retention(moto_endpoint: str, made: dict[str, str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    on_every_client(monkeypatch, {"after-call.rds.DescribeDBClusters": _add_docdb_clusters})
    catalogs = {role: f"arn:aws:rds:{REGION}:{ACCOUNT}:cluster:{name}"
                for role, name in (("catalog", "catalog"), ("kept_catalog", "catalog-kept"))}
    kept = read(moto_endpoint)[catalogs["kept_catalog"]]
    assert (kept.kind, kept.get("backup_retention_period")) == ("aws.docdb.cluster", 7)
    assert "deletion_protection" not in kept.attributes
    assert {s for s in statuses(scan(moto_endpoint), catalogs) if s[0] in RULES} == {
        ("GOV-AWS-196", "catalog", "fail")}
