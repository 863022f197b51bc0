"""RDS instances and clusters, DAX clusters and Amazon MQ brokers read from moto for the
IAM authentication, log export and DAX encryption rules: GOV-AWS-175 and GOV-AWS-176 (IAM
database authentication of instances and Aurora clusters), GOV-AWS-178 (RDS log exports),
GOV-AWS-184 (DAX encryption at rest); a cluster's member instance is judged on its
cluster, a broker whose description is denied has unknown logs (GOV-AWS-181/182), and a
Neptune cluster with IAM authentication (which moto refuses to create: the answer is
changed) passes GOV-AWS-177; a Neptune cluster encrypted with the AWS managed key
fails GOV-AWS-186 (the customer managed key rule) and one with a customer key passes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from govern.cli import cli
from govern.collect.aws.collector import collect
from govern.collect.aws.options import AwsOptions
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls, on_every_client

RULES = {"GOV-AWS-175", "GOV-AWS-176", "GOV-AWS-177", "GOV-AWS-178", "GOV-AWS-181",
         "GOV-AWS-182", "GOV-AWS-184", "GOV-AWS-186"}
AWS_MANAGED = "an AWS managed key (the test marks it so)"
DAX_ROLE = f"arn:aws:iam::{ACCOUNT}:role/dax"


def _instances(rds: Any) -> dict[str, str]:
    def instance(name: str, engine: str, **extra: Any) -> str:
        made = rds.create_db_instance(DBInstanceIdentifier=name, Engine=engine,
                                      DBInstanceClass="db.t3.micro", AllocatedStorage=20,
                                      MasterUsername="admin",
                                      MasterUserPassword="password1", **extra)
        return str(made["DBInstance"]["DBInstanceArn"])

    return {"bare_instance": instance("orders", "postgres"),
            "iam_instance": instance("orders-iam", "mysql",
                                     EnableIAMDatabaseAuthentication=True,
                                     EnableCloudwatchLogsExports=["error", "audit"]),
            # SQL Server has no IAM authentication: only its log exports are judged
            "sqlserver_instance": instance("ledger", "sqlserver-ex")}


def _clusters(rds: Any) -> dict[str, str]:
    def cluster(name: str, **extra: Any) -> str:
        made = rds.create_db_cluster(DBClusterIdentifier=name, Engine="aurora-postgresql",
                                     MasterUsername="admin", MasterUserPassword="password1",
                                     **extra)
        return str(made["DBCluster"]["DBClusterArn"])

    made = {"bare_cluster": cluster("aurora"),
            "iam_cluster": cluster("aurora-iam", EnableIAMDatabaseAuthentication=True,
                                   EnableCloudwatchLogsExports=["postgresql"])}
    member = rds.create_db_instance(DBInstanceIdentifier="aurora-1",
                                    DBClusterIdentifier="aurora",
                                    Engine="aurora-postgresql", DBInstanceClass="db.r6g.large")
    made["member"] = str(member["DBInstance"]["DBInstanceArn"])
    return made


def _dax_clusters(dax: Any) -> dict[str, str]:
    def cluster(name: str, encrypted: bool) -> str:
        made = dax.create_cluster(ClusterName=name, NodeType="dax.t3.small",
                                  ReplicationFactor=1, IamRoleArn=DAX_ROLE,
                                  SSESpecification={"Enabled": encrypted},
                                  Tags=world.TAGS if encrypted else [])
        return str(made["Cluster"]["ClusterArn"])

    return {"sealed_dax": cluster("cache", True), "plain_dax": cluster("cache-plain", False)}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    rds = client(moto_endpoint, "rds")
    broker = client(moto_endpoint, "mq").create_broker(
        BrokerName="events", EngineType="ACTIVEMQ", EngineVersion="5.18",
        HostInstanceType="mq.t3.micro", DeploymentMode="SINGLE_INSTANCE",
        PubliclyAccessible=False, AutoMinorVersionUpgrade=True,
        Logs={"General": True, "Audit": True},
        Users=[{"Username": "app", "Password": "correct-horse-battery"}])
    kms = client(moto_endpoint, "kms")
    graphs = {}
    for role, name, key in (
            ("graph", "graph", None),
            ("managed_graph", "graph-managed",
             kms.create_key(Description=AWS_MANAGED)["KeyMetadata"]["Arn"]),
            ("cmk_graph", "graph-cmk", kms.create_key(Description="graph")["KeyMetadata"]["Arn"])):
        keyed = {"StorageEncrypted": True, "KmsKeyId": key} if key else {}
        made = rds.create_db_cluster(DBClusterIdentifier=name, Engine="neptune",
                                     EnableCloudwatchLogsExports=["audit"], **keyed)
        graphs[role] = str(made["DBCluster"]["DBClusterArn"])
    return {**_instances(rds), **_clusters(rds), **_dax_clusters(client(moto_endpoint, "dax")),
            "broker": str(broker["BrokerArn"]), **graphs}


def scan(endpoint: str, made: dict[str, str]) -> set[tuple[str, str, str]]:
    """(role, rule id, status) of this module's rules on the resources made here."""
    result = CliRunner().invoke(cli, ["scan", "--aws", "--endpoint-url", endpoint,
                                      "--region", REGION, "--format", "json",
                                      "--allow-partial"])
    assert result.exit_code == 1, result.output
    roles = {arn: role for role, arn in made.items()}
    return {(roles[f["resource"]["address"]], f["rule_id"], f["status"])
            for f in json.loads(result.output)["findings"]
            if f["resource"]["address"] in roles and f["rule_id"] in RULES}


def read(endpoint: str) -> dict[str, Resource]:
    graph, _ = collect(AwsOptions(regions=(REGION,), endpoint_url=endpoint))
    return {r.id: r for r in graph}


def test_each_database_fails_exactly_its_rules(moto_endpoint: str,
                                               made: dict[str, str]) -> None:
    assert scan(moto_endpoint, made) == {
        ("bare_instance", "GOV-AWS-175", "fail"), ("bare_instance", "GOV-AWS-178", "fail"),
        ("sqlserver_instance", "GOV-AWS-178", "fail"),
        ("bare_cluster", "GOV-AWS-176", "fail"), ("bare_cluster", "GOV-AWS-178", "fail"),
        ("plain_dax", "GOV-AWS-184", "fail"), ("graph", "GOV-AWS-177", "fail"),
        ("managed_graph", "GOV-AWS-177", "fail"), ("cmk_graph", "GOV-AWS-177", "fail"),
        # unencrypted, so no key of its own; moto's AWS managed key is not marked here
        ("graph", "GOV-AWS-186", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    iam_instance = resources[made["iam_instance"]].attributes
    assert (iam_instance["iam_database_authentication"], iam_instance["log_exports"]) == (
        True, ["error", "audit"])
    assert "cluster" not in iam_instance
    bare = resources[made["bare_cluster"]].attributes
    assert (bare["iam_database_authentication"], bare["log_exports"]) == (False, [])
    member = resources[made["member"]].attributes
    assert member["cluster"] == "aurora"
    assert "iam_database_authentication" not in member and "log_exports" not in member
    sealed = resources[made["sealed_dax"]]
    assert (sealed.kind, sealed.native_type) == ("aws.dax.cluster", "AWS::DAX::Cluster")
    assert sealed.attributes == {"name": "cache", "server_side_encryption": True,
                                 "endpoint_encryption": "NONE",
                                 "tags": {t["Key"]: t["Value"] for t in world.TAGS}}
    assert resources[made["plain_dax"]].attributes == {
        "name": "cache-plain", "server_side_encryption": False,
        "endpoint_encryption": "NONE", "tags": {}}


def test_a_broker_not_described_has_unknown_logs(moto_endpoint: str, made: dict[str, str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "mq.DescribeBroker")
    broker = read(moto_endpoint)[made["broker"]].attributes
    denied = Unknown("access denied: DescribeBroker")
    assert broker["general_logs"] == broker["audit_logs"] == denied
    found = scan(moto_endpoint, made)
    assert {("broker", "GOV-AWS-181", "unknown"), ("broker", "GOV-AWS-182", "unknown")} <= found


def _graph_with_iam(parsed: dict[str, Any], **_: Any) -> None:
    for cluster in parsed.get("DBClusters", []):
        if cluster.get("DBClusterIdentifier") == "graph":
            cluster["IAMDatabaseAuthenticationEnabled"] = True


def test_a_neptune_cluster_with_iam_authentication_passes(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    on_every_client(monkeypatch, {"after-call.rds.DescribeDBClusters": _graph_with_iam})
    graph = read(moto_endpoint)[made["graph"]]
    assert (graph.kind, graph.get("iam_database_authentication")) == (
        "aws.neptune.cluster", True)
    assert not {s for s in scan(moto_endpoint, made)
                if s[0] == "graph" and s[1] == "GOV-AWS-177"}


def _mark_aws_managed(parsed: dict[str, Any], **_: Any) -> None:
    """moto has no AWS managed keys: the test's stand-in is reported as AWS's."""
    meta = parsed.get("KeyMetadata", {})
    if meta.get("Description") == AWS_MANAGED:
        meta["KeyManager"] = "AWS"


def test_the_aws_managed_key_is_no_customer_managed_key(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    on_every_client(monkeypatch, {"after-call.kms.DescribeKey": _mark_aws_managed})
    resources = read(moto_endpoint)
    assert "kms_key" not in resources[made["managed_graph"]].attributes
    assert resources[made["cmk_graph"]].get("kms_key", "").startswith("arn:aws:kms:")
    found = {s for s in scan(moto_endpoint, made) if s[1] == "GOV-AWS-186"}
    assert found == {("graph", "GOV-AWS-186", "fail"),
                     ("managed_graph", "GOV-AWS-186", "fail")}
