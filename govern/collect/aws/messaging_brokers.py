"""Amazon MQ brokers (`aws.mq.broker`) and MSK provisioned clusters (`aws.msk.cluster`),
with the adapters' canonical values.

MSK: `client_broker` and `in_cluster` as MSK reports them (its defaults `TLS` and true,
as the adapters', when an answer omits them); `kms_key` is the data volume key MSK
reports, which for a cluster created without one is the ARN of the AWS managed key
`aws/kafka` (a template that names none has no `kms_key`); `broker_logs` from its
`LoggingInfo`. Serverless clusters are not read (the canonical kind is the provisioned
cluster). MQ: `general_logs` and `audit_logs` from DescribeBroker's `Logs`. A broker's
encryption options and a cluster's public access are not read: no adapter maps them.
"""

from __future__ import annotations

from typing import Any

from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_optional, set_unknown, string_tags
from govern.model.resource import Resource

NOT_FOUND = frozenset({"NotFoundException", "ResourceNotFoundException"})


def brokers(mq: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    listing = listed(reader.pages(mq, "ListBrokers", region, "BrokerSummaries"))
    found = (_broker(mq, reader, account, region, item) for item in listing)
    return [broker for broker in found if broker is not None]


def _broker(mq: Any, reader: Reader, account: str, region: str,
            summary: dict[str, Any]) -> Resource | None:
    """None when the broker was deleted after it was listed."""
    broker_id, name = str(summary["BrokerId"]), str(summary.get("BrokerName", ""))
    arn = str(summary.get("BrokerArn")
              or f"arn:aws:mq:{region}:{account}:broker:{name}:{broker_id}")
    answer = reader.call(mq, "DescribeBroker", arn, NOT_FOUND, BrokerId=broker_id)
    if answer is None:
        return None
    broker = live_resource(arn, "aws.mq.broker", "AWS::AmazonMQ::Broker", account, region)
    described = {} if isinstance(answer, Failed) else answer
    set_optional(broker, "name", described.get("BrokerName") or name)
    set_optional(broker, "engine_type", described.get("EngineType") or summary.get("EngineType"))
    if isinstance(answer, Failed):
        set_unknown(broker, answer.unknown, "publicly_accessible", "general_logs",
                    "audit_logs", "tags")
    else:
        broker.set("publicly_accessible", bool(answer.get("PubliclyAccessible", False)))
        logs = answer.get("Logs") or {}
        broker.set("general_logs", bool(logs.get("General", False)))
        broker.set("audit_logs", bool(logs.get("Audit", False)))
        broker.set("tags", string_tags(answer.get("Tags")))
    return broker


def clusters(kafka: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    """Provisioned clusters: ListClustersV2 answers their encryption and tags."""
    listing = listed(reader.pages(kafka, "ListClustersV2", region, "ClusterInfoList",
                                  ClusterTypeFilter="PROVISIONED"))
    return [_cluster(account, region, item) for item in listing
            if item.get("ClusterType", "PROVISIONED") == "PROVISIONED"]


def _cluster(account: str, region: str, item: dict[str, Any]) -> Resource:
    cluster = live_resource(str(item["ClusterArn"]), "aws.msk.cluster", "AWS::MSK::Cluster",
                            account, region)
    cluster.set("name", item.get("ClusterName"))
    encryption = item.get("Provisioned", {}).get("EncryptionInfo", {})
    transit = encryption.get("EncryptionInTransit", {})
    cluster.set("client_broker", transit.get("ClientBroker") or "TLS")
    cluster.set("in_cluster", bool(transit.get("InCluster", True)))
    set_optional(cluster, "kms_key",
             encryption.get("EncryptionAtRest", {}).get("DataVolumeKMSKeyId"))
    logs = item.get("Provisioned", {}).get("LoggingInfo", {}).get("BrokerLogs", {})
    for name, native in (("cloudwatch_logs", "CloudWatchLogs"), ("firehose", "Firehose"),
                         ("s3", "S3")):
        cluster.set(f"broker_logs.{name}", bool((logs.get(native) or {}).get("Enabled",
                                                                              False)))
    cluster.set("tags", string_tags(item.get("Tags")))
    return cluster

