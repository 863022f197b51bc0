"""Amazon MQ brokers (`aws.mq.broker`) and MSK provisioned clusters (`aws.msk.cluster`),
with the adapters' canonical values.

MSK: `client_broker` and `in_cluster` as MSK reports them (its defaults `TLS` and true,
as the adapters', when an answer omits them); `kms_key` is the data volume key MSK
reports when it is customer managed: for a cluster created without one MSK reports the
ARN of the AWS managed key `aws/kafka`, which is the omitted key (a template that names
none has no `kms_key`); `broker_logs` from its `LoggingInfo`, `public_access` from its
`BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type` (`DISABLED`, MSK's default, when
the answer leaves it out). Serverless clusters are
not read (the canonical kind is the provisioned cluster). MQ: `general_logs` and
`audit_logs` from DescribeBroker's `Logs`, `use_aws_owned_key` and `kms_key` (customer
managed only, as for MSK) from its `EncryptionOptions`, `auto_minor_version_upgrade` from
its `AutoMinorVersionUpgrade`.
"""

from __future__ import annotations

from typing import Any

from govern.collect.aws.kms_keys import CustomerKeys
from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_maybe_absent, set_optional, set_unknown, string_tags
from govern.model.resource import Resource

NOT_FOUND = frozenset({"NotFoundException", "ResourceNotFoundException"})


def brokers(mq: Any, reader: Reader, keys: CustomerKeys, account: str,
            region: str) -> list[Resource]:
    listing = listed(reader.pages(mq, "ListBrokers", region, "BrokerSummaries"))
    found = (_broker(mq, reader, keys, account, region, item) for item in listing)
    return [broker for broker in found if broker is not None]


def _broker(mq: Any, reader: Reader, keys: CustomerKeys, account: str, region: str,
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
                    "audit_logs", "use_aws_owned_key", "auto_minor_version_upgrade",
                    "tags")
        set_maybe_absent(broker, answer.unknown, "kms_key")
    else:
        broker.set("publicly_accessible", bool(answer.get("PubliclyAccessible", False)))
        logs = answer.get("Logs") or {}
        broker.set("general_logs", bool(logs.get("General", False)))
        broker.set("audit_logs", bool(logs.get("Audit", False)))
        broker.set("auto_minor_version_upgrade",
                   bool(answer.get("AutoMinorVersionUpgrade", True)))  # the API's default
        _set_broker_encryption(broker, answer.get("EncryptionOptions") or {}, keys)
        broker.set("tags", string_tags(answer.get("Tags")))
    return broker


def _set_broker_encryption(broker: Resource, options: dict[str, Any],
                           keys: CustomerKeys) -> None:
    """`use_aws_owned_key` (true when not answered, the API's default) and, for a key in
    the account, `kms_key` only when it is customer managed (`aws/mq` is the omitted
    key)."""
    owned = bool(options.get("UseAwsOwnedKey", True))
    broker.set("use_aws_owned_key", owned)
    if not owned:
        set_optional(broker, "kms_key", keys.customer_key(options.get("KmsKeyId")))


def clusters(kafka: Any, reader: Reader, keys: CustomerKeys, account: str,
             region: str) -> list[Resource]:
    """Provisioned clusters: ListClustersV2 answers their encryption and tags; `kms_key`
    only for a customer managed key (`aws/kafka`, AWS managed, is the omitted key)."""
    listing = listed(reader.pages(kafka, "ListClustersV2", region, "ClusterInfoList",
                                  ClusterTypeFilter="PROVISIONED"))
    return [_cluster(account, region, item, keys) for item in listing
            if item.get("ClusterType", "PROVISIONED") == "PROVISIONED"]


def _cluster(account: str, region: str, item: dict[str, Any],
             keys: CustomerKeys) -> Resource:
    cluster = live_resource(str(item["ClusterArn"]), "aws.msk.cluster", "AWS::MSK::Cluster",
                            account, region)
    cluster.set("name", item.get("ClusterName"))
    encryption = item.get("Provisioned", {}).get("EncryptionInfo", {})
    transit = encryption.get("EncryptionInTransit", {})
    cluster.set("client_broker", transit.get("ClientBroker") or "TLS")
    cluster.set("in_cluster", bool(transit.get("InCluster", True)))
    set_optional(cluster, "kms_key", keys.customer_key(
        encryption.get("EncryptionAtRest", {}).get("DataVolumeKMSKeyId")))
    connectivity = item.get("Provisioned", {}).get("BrokerNodeGroupInfo", {}).get(
        "ConnectivityInfo") or {}
    cluster.set("public_access",
                str((connectivity.get("PublicAccess") or {}).get("Type") or "DISABLED"))
    logs = item.get("Provisioned", {}).get("LoggingInfo", {}).get("BrokerLogs", {})
    for name, native in (("cloudwatch_logs", "CloudWatchLogs"), ("firehose", "Firehose"),
                         ("s3", "S3")):
        cluster.set(f"broker_logs.{name}", bool((logs.get(native) or {}).get("Enabled",
                                                                              False)))
    cluster.set("tags", string_tags(item.get("Tags")))
    return cluster

