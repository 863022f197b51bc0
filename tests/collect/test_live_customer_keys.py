"""GOV-AWS-111 to GOV-AWS-119 on a live account (moto): Redshift clusters, EFS file
systems, DMS replication instances, RDS clusters, Kinesis streams, CodeBuild projects, MSK
clusters, Amazon MQ brokers and Performance Insights, judged on whether the key each
service reports is customer managed (`kms:DescribeKey`)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.collect import world
from tests.collect.conftest import client
from tests.collect.events import on_every_client, refusal
from tests.collect.live_scan import read, scan, statuses

AWS_MANAGED = "an AWS managed key (the test marks it so)"
OURS = {f"GOV-AWS-{number}" for number in range(111, 120)}
SUBNETS = ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]


def _mark_aws_managed(parsed: dict[str, Any], **_: Any) -> None:
    """moto has no AWS managed keys: the test's stand-in is reported as AWS's."""
    meta = parsed.get("KeyMetadata", {})
    if meta.get("Description") == AWS_MANAGED:
        meta["KeyManager"] = "AWS"


@pytest.fixture(autouse=True)
def _aws_managed_key(monkeypatch: pytest.MonkeyPatch, made: dict[str, str]) -> None:
    def project_keys(parsed: dict[str, Any], **_: Any) -> None:
        """moto answers `alias/aws/s3` whatever key a project was given."""
        for project in parsed.get("projects", []):
            if project.get("name") == "cmk_project":
                project["encryptionKey"] = made["cmk_key"]

    on_every_client(monkeypatch, {"after-call.kms.DescribeKey": _mark_aws_managed,
                                  "after-call.codebuild.BatchGetProjects": project_keys})


def _warehouses(endpoint: str, keys: dict[str, str]) -> dict[str, str]:
    redshift = client(endpoint, "redshift")
    out = {}
    for role, extra in (("cmk_warehouse", {"KmsKeyId": keys["cmk"]}),
                        ("managed_warehouse", {"KmsKeyId": keys["managed"]}),
                        ("default_warehouse", {})):
        name = role.replace("_", "-")
        redshift.create_cluster(ClusterIdentifier=name, NodeType="ra3.xlplus",
                                MasterUsername="admin_user", MasterUserPassword="Password1",
                                Encrypted=True, **extra)
        out[role] = f"arn:aws:redshift:us-east-1:123456789012:cluster:{name}"
    return out


def _file_systems(endpoint: str, keys: dict[str, str]) -> dict[str, str]:
    efs = client(endpoint, "efs")
    return {role: efs.create_file_system(CreationToken=role, Encrypted=True,
                                         **extra)["FileSystemArn"]
            for role, extra in (("cmk_fs", {"KmsKeyId": keys["cmk"]}),
                                ("managed_fs", {"KmsKeyId": keys["managed"]}),
                                ("plain_fs", {}))}


def _migrations(endpoint: str, keys: dict[str, str]) -> dict[str, str]:
    dms = client(endpoint, "dms")
    return {role: dms.create_replication_instance(
                ReplicationInstanceIdentifier=role.replace("_", "-"),
                ReplicationInstanceClass="dms.t3.medium", PubliclyAccessible=False,
                **extra)["ReplicationInstance"]["ReplicationInstanceArn"]
            for role, extra in (("cmk_migration", {"KmsKeyId": keys["cmk"]}),
                                ("managed_migration", {"KmsKeyId": keys["managed"]}))}


def _databases(endpoint: str, keys: dict[str, str]) -> dict[str, str]:
    rds = client(endpoint, "rds")
    out = {}
    for role, key in (("cmk_cluster", keys["cmk"]), ("managed_cluster", keys["managed"])):
        out[role] = rds.create_db_cluster(
            DBClusterIdentifier=role.replace("_", "-"), Engine="aurora-postgresql",
            MasterUsername="admin_user", MasterUserPassword="Password1",
            StorageEncrypted=True, KmsKeyId=key)["DBCluster"]["DBClusterArn"]
    for role, extra in (("cmk_insights", {"EnablePerformanceInsights": True,
                                          "PerformanceInsightsKMSKeyId": keys["cmk"]}),
                        ("managed_insights", {"EnablePerformanceInsights": True,
                                              "PerformanceInsightsKMSKeyId": keys["managed"]}),
                        ("no_insights", {})):
        out[role] = rds.create_db_instance(
            DBInstanceIdentifier=role.replace("_", "-"), Engine="postgres",
            DBInstanceClass="db.t3.micro", MasterUsername="admin_user",
            MasterUserPassword="Password1", AllocatedStorage=20, StorageEncrypted=True,
            KmsKeyId=keys["cmk"], **extra)["DBInstance"]["DBInstanceArn"]
    return out


def _streams(endpoint: str, keys: dict[str, str]) -> dict[str, str]:
    kinesis = client(endpoint, "kinesis")
    out = {}
    for role, key in (("cmk_stream", keys["cmk"]), ("managed_stream", "alias/aws/kinesis"),
                      ("plain_stream", None)):
        kinesis.create_stream(StreamName=role, ShardCount=1)
        if key:
            kinesis.start_stream_encryption(StreamName=role, EncryptionType="KMS", KeyId=key)
        out[role] = f"arn:aws:kinesis:us-east-1:123456789012:stream/{role}"
    return out


def _projects(endpoint: str, keys: dict[str, str]) -> dict[str, str]:
    codebuild = client(endpoint, "codebuild")
    environment = {"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0",
                   "computeType": "BUILD_GENERAL1_SMALL"}
    out = {}
    for role, artifacts, key in (
            ("cmk_project", "S3", keys["cmk"]), ("managed_project", "S3", "alias/aws/s3"),
            ("no_artifacts_project", "NO_ARTIFACTS", "alias/aws/s3")):
        location = {"location": "out"} if artifacts == "S3" else {}
        out[role] = codebuild.create_project(
            name=role, source={"type": "S3", "location": "sources/app.zip"},
            artifacts={"type": artifacts, **location}, environment=environment,
            serviceRole="arn:aws:iam::123456789012:role/build",
            encryptionKey=key)["project"]["arn"]
    return out


def _clusters(endpoint: str, keys: dict[str, str]) -> dict[str, str]:
    kafka = client(endpoint, "kafka")
    return {role: kafka.create_cluster(
                ClusterName=role.replace("_", "-"), KafkaVersion="3.6.0",
                NumberOfBrokerNodes=2,
                BrokerNodeGroupInfo={"InstanceType": "kafka.m5.large", "ClientSubnets": SUBNETS},
                EncryptionInfo={"EncryptionAtRest": {"DataVolumeKMSKeyId": key}})["ClusterArn"]
            for role, key in (("cmk_kafka", keys["cmk"]), ("managed_kafka", keys["managed"]))}


def _brokers(endpoint: str, keys: dict[str, str]) -> dict[str, str]:
    mq = client(endpoint, "mq")
    out = {}
    for role, options in (
            ("owned_broker", None),
            ("cmk_broker", {"UseAwsOwnedKey": False, "KmsKeyId": keys["cmk"]}),
            ("managed_broker", {"UseAwsOwnedKey": False, "KmsKeyId": keys["managed"]}),
            ("rabbit_broker", None)):
        engine = "RABBITMQ" if role.startswith("rabbit") else "ACTIVEMQ"
        out[role] = mq.create_broker(
            BrokerName=role, EngineType=engine, EngineVersion="5.17.6",
            HostInstanceType="mq.t3.micro", DeploymentMode="SINGLE_INSTANCE",
            PubliclyAccessible=False, AutoMinorVersionUpgrade=True,
            Users=[{"Username": "app", "Password": "correct-horse-battery"}],
            **({"EncryptionOptions": options} if options else {}))["BrokerArn"]
    return out


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)  # a scan of the account sees only what this module made
    kms = client(moto_endpoint, "kms")
    keys = {"cmk": kms.create_key(Description="data")["KeyMetadata"]["Arn"],
            "managed": kms.create_key(Description=AWS_MANAGED)["KeyMetadata"]["Arn"]}
    return {**_warehouses(moto_endpoint, keys), **_file_systems(moto_endpoint, keys),
            **_migrations(moto_endpoint, keys), **_databases(moto_endpoint, keys),
            **_streams(moto_endpoint, keys), **_projects(moto_endpoint, keys),
            **_clusters(moto_endpoint, keys), **_brokers(moto_endpoint, keys),
            "cmk_key": keys["cmk"]}


def test_only_customer_managed_keys_pass(moto_endpoint: str, made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in statuses(scan(moto_endpoint), made)
             if rule in OURS}
    assert found == {
        ("GOV-AWS-111", "managed_warehouse", "fail"),
        ("GOV-AWS-111", "default_warehouse", "fail"),
        ("GOV-AWS-112", "managed_fs", "fail"),
        ("GOV-AWS-112", "plain_fs", "fail"),
        ("GOV-AWS-113", "managed_migration", "fail"),
        ("GOV-AWS-114", "managed_cluster", "fail"),
        ("GOV-AWS-115", "managed_stream", "fail"),
        ("GOV-AWS-115", "plain_stream", "fail"),
        ("GOV-AWS-116", "managed_project", "fail"),  # NO_ARTIFACTS: not judged
        ("GOV-AWS-117", "managed_kafka", "fail"),
        ("GOV-AWS-118", "owned_broker", "fail"),  # RabbitMQ: not judged
        ("GOV-AWS-118", "managed_broker", "fail"),
        ("GOV-AWS-119", "managed_insights", "fail")}


def test_aws_managed_keys_are_the_omitted_key(moto_endpoint: str,
                                              made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    for role in ("managed_warehouse", "managed_fs", "managed_migration", "managed_cluster",
                 "managed_kafka", "managed_broker"):
        assert "kms_key" not in resources[made[role]].attributes, role
    for role in ("cmk_warehouse", "cmk_fs", "cmk_migration", "cmk_cluster", "cmk_kafka",
                 "cmk_broker"):
        assert resources[made[role]].attributes["kms_key"].startswith("arn:aws:kms:"), role
    insights = resources[made["managed_insights"]].attributes
    assert insights["performance_insights_enabled"] is True
    assert "performance_insights_kms_key" not in insights
    assert resources[made["no_insights"]].attributes["performance_insights_enabled"] is False
    broker = resources[made["owned_broker"]].attributes
    assert broker["use_aws_owned_key"] is True and "kms_key" not in broker


def test_an_unreadable_key_manager_is_unknown(moto_endpoint: str, made: dict[str, str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    on_every_client(monkeypatch, {"before-call.kms.DescribeKey": refusal()})
    found = {(rule, role, status) for rule, role, status in statuses(scan(moto_endpoint), made)
             if rule in OURS and role.startswith("cmk_")}
    assert found == {("GOV-AWS-111", "cmk_warehouse", "unknown"),
                     ("GOV-AWS-112", "cmk_fs", "unknown"),
                     ("GOV-AWS-113", "cmk_migration", "unknown"),
                     ("GOV-AWS-114", "cmk_cluster", "unknown"),
                     ("GOV-AWS-117", "cmk_kafka", "unknown"),
                     ("GOV-AWS-118", "cmk_broker", "unknown"),
                     ("GOV-AWS-119", "cmk_insights", "unknown")}
