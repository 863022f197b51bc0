"""SQS queues, SNS topics, Kinesis streams, CloudWatch Logs log groups, Amazon MQ brokers,
MSK clusters and Glacier vaults read from moto (govern/collect/aws/messaging.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ClientError
from click.testing import CliRunner

from govern.cli import cli
from govern.collect.aws.collector import collect
from govern.collect.aws.messaging import streams, vaults
from govern.collect.aws.options import AwsOptions
from govern.collect.aws.reader import Reader
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.scan import ScanOptions, run_scan
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls

TAGS = world.TAGS
TAG_MAP = {t["Key"]: t["Value"] for t in TAGS}
KEY = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
PUBLIC = json.dumps({"Version": "2012-10-17", "Statement": {
    "Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*"}})
RESTRICTED = json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"},
    "Action": "sqs:SendMessage", "Resource": "*",
    "Condition": {"ArnEquals": {"aws:SourceArn": f"arn:aws:sns:{REGION}:{ACCOUNT}:t"}}}]})
Statuses = set[tuple[str, str, str]]


def make_queues(sqs: Any) -> dict[str, str]:
    def queue(name: str, **attributes: str) -> str:
        url = sqs.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
        return str(sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])
                   ["Attributes"]["QueueArn"])

    good = queue("good-queue", Policy=RESTRICTED)  # SSE-SQS, the default
    sqs.tag_queue(QueueUrl=sqs.get_queue_url(QueueName="good-queue")["QueueUrl"],
                  Tags=TAG_MAP)
    keyed = queue("keyed-queue", KmsMasterKeyId="alias/orders")
    sqs.tag_queue(QueueUrl=sqs.get_queue_url(QueueName="keyed-queue")["QueueUrl"],
                  Tags=TAG_MAP)
    bad = queue("bad-queue", SqsManagedSseEnabled="false", Policy=PUBLIC)
    return {"good_queue": good, "keyed_queue": keyed, "bad_queue": bad}


def make_topics(sns: Any) -> dict[str, str]:
    good = sns.create_topic(Name="good-topic", Tags=TAGS,
                            Attributes={"KmsMasterKeyId": "alias/aws/sns"})["TopicArn"]
    bad = sns.create_topic(Name="bad-topic")["TopicArn"]
    sns.set_topic_attributes(TopicArn=bad, AttributeName="Policy",
                             AttributeValue=PUBLIC.replace("sqs:", "sns:"))
    return {"good_topic": good, "bad_topic": bad}


def make_streams(kinesis: Any) -> dict[str, str]:
    for name in ("good-stream", "bad-stream"):
        kinesis.create_stream(StreamName=name, ShardCount=1)
    kinesis.start_stream_encryption(StreamName="good-stream", EncryptionType="KMS",
                                    KeyId="alias/aws/kinesis")
    kinesis.add_tags_to_stream(StreamName="good-stream", Tags=TAG_MAP)
    prefix = f"arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/"
    return {"good_stream": prefix + "good-stream", "bad_stream": prefix + "bad-stream"}


def make_log_groups(logs: Any) -> dict[str, str]:
    logs.create_log_group(logGroupName="/good", kmsKeyId=KEY, tags=TAG_MAP)
    logs.put_retention_policy(logGroupName="/good", retentionInDays=365)
    logs.create_log_group(logGroupName="/bad")
    prefix = f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:"
    return {"good_log_group": prefix + "/good", "bad_log_group": prefix + "/bad"}


def make_brokers(mq: Any) -> dict[str, str]:
    def broker(name: str, public: bool, tags: dict[str, str]) -> str:
        # the private one also publishes its general and audit logs
        return str(mq.create_broker(
            BrokerName=name, EngineType="ACTIVEMQ", EngineVersion="5.18",
            HostInstanceType="mq.t3.micro", DeploymentMode="SINGLE_INSTANCE",
            PubliclyAccessible=public, AutoMinorVersionUpgrade=True, Tags=tags,
            Logs={"General": not public, "Audit": not public},
            Users=[{"Username": "app", "Password": "correct-horse-battery"}])["BrokerArn"])

    return {"good_broker": broker("good-broker", False, TAG_MAP),
            "bad_broker": broker("bad-broker", True, {})}


def make_clusters(kafka: Any) -> dict[str, str]:
    def cluster(name: str, transit: dict[str, Any], tags: dict[str, str]) -> str:
        # the tagged one also delivers its broker logs (to S3)
        logs = {"S3": {"Enabled": bool(tags), "Bucket": "broker-logs"}}
        return str(kafka.create_cluster(
            ClusterName=name, KafkaVersion="3.6.0", NumberOfBrokerNodes=2, Tags=tags,
            BrokerNodeGroupInfo={"InstanceType": "kafka.m5.large",
                                 "ClientSubnets": ["subnet-0a1b2c3d", "subnet-1a2b3c4d"]},
            LoggingInfo={"BrokerLogs": logs},
            EncryptionInfo={"EncryptionInTransit": transit,
                            "EncryptionAtRest": {"DataVolumeKMSKeyId": KEY}})["ClusterArn"])

    return {"good_cluster": cluster("good-cluster", {"ClientBroker": "TLS",
                                                     "InCluster": True}, TAG_MAP),
            "bad_cluster": cluster("bad-cluster", {"ClientBroker": "TLS_PLAINTEXT",
                                                   "InCluster": False}, {})}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    glacier = client(moto_endpoint, "glacier")
    glacier.create_vault(vaultName="archive")
    return {**make_queues(client(moto_endpoint, "sqs")),
            **make_topics(client(moto_endpoint, "sns")),
            **make_streams(client(moto_endpoint, "kinesis")),
            **make_log_groups(client(moto_endpoint, "logs")),
            **make_brokers(client(moto_endpoint, "mq")),
            **make_clusters(client(moto_endpoint, "kafka")),
            "vault": f"arn:aws:glacier:{REGION}:{ACCOUNT}:vaults/archive"}


def scan_statuses(endpoint: str, made: dict[str, str]) -> Statuses:
    """(role, rule id, status) of every finding on a resource made here."""
    result = CliRunner().invoke(cli, ["scan", "--aws", "--endpoint-url", endpoint,
                                      "--region", REGION, "--format", "json",
                                      "--allow-partial"])
    assert result.exit_code == 1, result.output
    roles = {arn: role for role, arn in made.items()}
    return {(roles[f["resource"]["address"]], f["rule_id"], f["status"])
            for f in json.loads(result.output)["findings"]
            if f["resource"]["address"] in roles}


def read(endpoint: str) -> tuple[dict[str, Resource], list[Any]]:
    graph, notices = collect(AwsOptions(regions=(REGION,), endpoint_url=endpoint))
    return {r.id: r for r in graph}, notices


def test_exactly_the_non_compliant_resources_fail(moto_endpoint: str,
                                                  made: dict[str, str]) -> None:
    assert scan_statuses(moto_endpoint, made) == {
        ("bad_queue", "GOV-AWS-021", "fail"), ("bad_queue", "GOV-AWS-054", "fail"),
        ("bad_queue", "GOV-AWS-015", "fail"),
        # SSE-SQS and the AWS managed alias/aws/sns are not customer managed keys
        ("good_queue", "GOV-AWS-201", "fail"), ("bad_queue", "GOV-AWS-201", "fail"),
        ("good_topic", "GOV-AWS-200", "fail"),
        ("bad_topic", "GOV-AWS-022", "fail"), ("bad_topic", "GOV-AWS-055", "fail"),
        ("bad_topic", "GOV-AWS-015", "fail"),
        ("bad_stream", "GOV-AWS-028", "fail"), ("bad_stream", "GOV-AWS-015", "fail"),
        ("bad_log_group", "GOV-AWS-020", "fail"), ("bad_log_group", "GOV-AWS-015", "fail"),
        ("bad_broker", "GOV-AWS-060", "fail"), ("bad_broker", "GOV-AWS-015", "fail"),
        ("bad_broker", "GOV-AWS-181", "fail"), ("bad_broker", "GOV-AWS-182", "fail"),
        ("bad_cluster", "GOV-AWS-047", "fail"), ("bad_cluster", "GOV-AWS-048", "fail"),
        ("bad_cluster", "GOV-AWS-015", "fail"), ("bad_cluster", "GOV-AWS-183", "fail"),
        # moto implements neither GetVaultAccessPolicy nor ListTagsForVault (404)
        ("vault", "GOV-AWS-069", "unknown"), ("vault", "GOV-AWS-015", "unknown"),
        # AWS managed keys (alias/aws/kinesis) and AWS owned keys, not customer managed ones
        ("good_stream", "GOV-AWS-115", "fail"), ("bad_stream", "GOV-AWS-115", "fail"),
        ("good_broker", "GOV-AWS-118", "fail"), ("bad_broker", "GOV-AWS-118", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    resources, _ = read(moto_endpoint)
    good_queue, keyed_queue = resources[made["good_queue"]], resources[made["keyed_queue"]]
    assert (good_queue.kind, good_queue.native_type, good_queue.context) == (
        "aws.sqs.queue", "AWS::SQS::Queue", f"aws:{ACCOUNT}:{REGION}")
    assert good_queue.attributes["sqs_managed_sse_enabled"] is True
    assert good_queue.attributes["tags"] == TAG_MAP
    assert keyed_queue.attributes == {"name": "keyed-queue", "kms_key": "alias/orders",
                                      "tags": TAG_MAP}
    assert resources[made["bad_stream"]].attributes == {
        "name": "bad-stream", "encryption_type": "NONE", "tags": {}}
    assert resources[made["good_stream"]].attributes["kms_key"] == "alias/aws/kinesis"
    assert resources[made["good_log_group"]].attributes == {
        "name": "/good", "kms_key": KEY, "retention_in_days": 365, "tags": TAG_MAP,
        "metric_filters": []}
    assert resources[made["good_broker"]].attributes == {
        "name": "good-broker", "engine_type": "ACTIVEMQ", "publicly_accessible": False,
        "general_logs": True, "audit_logs": True, "use_aws_owned_key": True,
        "auto_minor_version_upgrade": True, "tags": TAG_MAP}
    assert resources[made["bad_cluster"]].attributes == {
        "name": "bad-cluster", "client_broker": "TLS_PLAINTEXT", "in_cluster": False,
        "kms_key": KEY, "tags": {}, "public_access": "DISABLED",
        "broker_logs": {"cloudwatch_logs": False, "firehose": False, "s3": False}}
    assert resources[made["good_cluster"]].attributes["broker_logs"] == {
        "cloudwatch_logs": False, "firehose": False, "s3": True}
    assert resources[made["good_topic"]].attributes["kms_key"] == "alias/aws/sns"


def test_policies_are_normalized_as_by_the_terraform_adapter(
        moto_endpoint: str, made: dict[str, str], tmp_path: Path) -> None:
    live, _ = read(moto_endpoint)
    (tmp_path / "main.tf").write_text(
        'resource "aws_sqs_queue" "bad" {\n  name = "bad-queue"\n'
        '  sqs_managed_sse_enabled = false\n'
        f'  policy = {json.dumps(PUBLIC)}\n}}\n')
    static = {r.kind: r.attributes for r in run_scan(ScanOptions(paths=(str(tmp_path),),
                                                                 keep_graph=True))
              .graph}
    assert static["aws.sqs.queue"] == live[made["bad_queue"]].attributes


@pytest.fixture
def denied(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """GetQueueAttributes, GetTopicAttributes, ListTagsForStream and ListBrokers answer
    AccessDenied."""
    deny_calls(monkeypatch, "sqs.GetQueueAttributes", "sns.GetTopicAttributes",
               "kinesis.ListTagsForStream", "mq.ListBrokers")
    yield


def test_access_denied_is_unknown_and_a_warning(moto_endpoint: str, made: dict[str, str],
                                                denied: None) -> None:
    resources, notices = read(moto_endpoint)
    queue = resources[made["bad_queue"]]
    failure = Unknown("access denied: GetQueueAttributes")
    unread = Unknown(failure.reason, alternatives=(failure, None))  # set or not: unknown
    assert queue.attributes == {"name": "bad-queue", "kms_key": unread,
                                "sqs_managed_sse_enabled": unread, "policy": unread,
                                "tags": {}}
    assert resources[made["good_stream"]].attributes["tags"] == Unknown(
        "access denied: ListTagsForStream")
    assert made["good_broker"] not in resources  # the listing failed: no brokers
    warnings = {(n.message.split(" (")[0], n.hint) for n in notices if n.level == "warning"}
    assert {("access denied: GetQueueAttributes",
             "grant sqs:GetQueueAttributes to the scanning role (docs/live-aws.md)"),
            ("access denied: ListTagsForStream",
             "grant kinesis:ListTagsForStream to the scanning role (docs/live-aws.md)"),
            (f"mq in {REGION}",  # a listing: its resources are unknown
             "grant mq:ListBrokers to the scanning role (docs/live-aws.md)")} <= warnings
    statuses = scan_statuses(moto_endpoint, made)
    assert {("bad_queue", "GOV-AWS-021", "unknown"),
            ("bad_queue", "GOV-AWS-054", "unknown"),
            ("good_queue", "GOV-AWS-021", "unknown"),
            ("good_stream", "GOV-AWS-015", "unknown"),
            # a KMS key not read is not a key named: unknown, not a pass
            ("good_topic", "GOV-AWS-022", "unknown"),
            ("bad_topic", "GOV-AWS-022", "unknown")} <= statuses
    assert not {s for s in statuses if s[0] in ("bad_broker", "good_broker")}


class FakeGlacier:
    """A Glacier client answering as AWS does (moto lacks the vault policy and tags)."""

    def __init__(self, policy: str | None, tags: dict[str, str]) -> None:
        self.policy, self.tags = policy, tags

    class _Pages:
        def paginate(self, **_: Any) -> list[dict[str, Any]]:
            return [{"VaultList": [{"VaultName": "archive", "VaultARN": VAULT}]}]

    def get_paginator(self, operation: str) -> Any:
        assert operation == "list_vaults"
        return self._Pages()

    def get_vault_access_policy(self, vaultName: str) -> dict[str, Any]:
        if self.policy is None:
            raise ClientError({"Error": {"Code": "ResourceNotFoundException"}},
                              "GetVaultAccessPolicy")
        return {"policy": {"Policy": self.policy}}

    def list_tags_for_vault(self, vaultName: str) -> dict[str, Any]:
        return {"Tags": self.tags}


VAULT = f"arn:aws:glacier:{REGION}:{ACCOUNT}:vaults/archive"


def test_a_vault_policy_is_normalized_as_by_the_terraform_adapter(tmp_path: Path) -> None:
    policy = PUBLIC.replace("sqs:SendMessage", "glacier:InitiateJob")
    (vault,) = vaults(FakeGlacier(policy, TAG_MAP), Reader(), ACCOUNT, REGION)
    (tmp_path / "main.tf").write_text(
        f'resource "aws_glacier_vault" "a" {{\n  name = "archive"\n'
        f'  access_policy = {json.dumps(policy)}\n  tags = {{\n'
        + "".join(f'    "{k}" = "{v}"\n' for k, v in TAG_MAP.items()) + "  }\n}\n")
    static = [r for r in run_scan(ScanOptions(paths=(str(tmp_path),), keep_graph=True)).graph
              if r.kind == "aws.glacier.vault"]
    assert (vault.id, vault.kind, vault.native_type) == (VAULT, "aws.glacier.vault",
                                                         "AWS::Glacier::Vault")
    assert vault.attributes == static[0].attributes


def test_a_vault_without_policy_has_none() -> None:
    (vault,) = vaults(FakeGlacier(None, {}), Reader(), ACCOUNT, REGION)
    assert vault.attributes == {"name": "archive", "tags": {}}


class FakeKinesis:
    """A Kinesis client answering tags two at a time, as AWS pages them (by the last key)."""

    TAGS = {"a": "1", "b": "2", "c": "3", "d": "4", "e": "5"}

    class _Pages:
        def paginate(self, **_: Any) -> list[dict[str, Any]]:
            return [{"StreamNames": ["events"]}]

    def get_paginator(self, operation: str) -> Any:
        assert operation == "list_streams"
        return self._Pages()

    def describe_stream_summary(self, StreamName: str) -> dict[str, Any]:
        return {"StreamDescriptionSummary": {"StreamName": StreamName,
                                             "EncryptionType": "KMS",
                                             "KeyId": "alias/aws/kinesis"}}

    def list_tags_for_stream(self, StreamName: str,
                             ExclusiveStartTagKey: str = "") -> dict[str, Any]:
        keys = sorted(k for k in self.TAGS if k > ExclusiveStartTagKey)
        return {"Tags": [{"Key": k, "Value": self.TAGS[k]} for k in keys[:2]],
                "HasMoreTags": len(keys) > 2}


def test_every_page_of_a_streams_tags_is_read() -> None:
    (stream,) = streams(FakeKinesis(), Reader(), ACCOUNT, REGION)
    assert stream.id == f"arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/events"
    assert stream.attributes == {"name": "events", "encryption_type": "KMS",
                                 "kms_key": "alias/aws/kinesis", "tags": FakeKinesis.TAGS}
