"""Messaging, streaming and logging services, per region: SQS queues (`aws.sqs.queue`), SNS
topics (`aws.sns.topic`), Kinesis data streams (`aws.kinesis.stream`), CloudWatch Logs log
groups (`aws.logs.log_group`, with their metric filters from DescribeMetricFilters), S3
Glacier vaults (`aws.glacier.vault`), and, from messaging_brokers.py, Amazon MQ brokers
and MSK provisioned clusters.

The values are those of the adapters (docs/canonical-model.md), read from the deployed
resource: a queue's SQS-managed encryption as SQS reports it (not written when the queue
has a KMS key, as in the adapters), queue, topic and vault policies normalized as the adapters
normalize a policy document (SNS always answers a policy: its default one admits the owner
account only), a stream's `encryption_type` `NONE` when it is not encrypted.
"""

from __future__ import annotations

from typing import Any

from govern.collect.aws.kms_keys import CustomerKeys
from govern.collect.aws.messaging_brokers import brokers, clusters
from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import (
    set_maybe_absent,
    set_optional,
    set_policy,
    set_tags,
    set_unknown,
    string_tags,
    tag_map,
)
from govern.model.resource import Resource

QUEUE_GONE = frozenset({"AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist"})
NOT_FOUND = frozenset({"NotFound", "NotFoundException", "ResourceNotFoundException"})
NO_VAULT_POLICY = frozenset({"NotFoundException", "ResourceNotFoundException"})


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    keys = CustomerKeys(clients("kms"), reader, account)
    return [*queues(clients("sqs"), reader, account, region),
            *topics(clients("sns"), reader, account, region),
            *streams(clients("kinesis"), reader, account, region),
            *log_groups(clients("logs"), reader, account, region),
            *brokers(clients("mq"), reader, keys, account, region),
            *clusters(clients("kafka"), reader, keys, account, region),
            *vaults(clients("glacier"), reader, account, region)]


def queues(sqs: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    """ListQueues answers a NextToken only when asked for a page size (else it stops at
    1000 queues)."""
    listing = listed(reader.pages(sqs, "ListQueues", region, "QueueUrls",
                                  PaginationConfig={"PageSize": 1000}))
    found = (_queue(sqs, reader, account, region, str(url)) for url in listing)
    return [queue for queue in found if queue is not None]


def _queue(sqs: Any, reader: Reader, account: str, region: str,
           url: str) -> Resource | None:
    """None when the queue was deleted after it was listed."""
    *_, owner, name = url.rstrip("/").split("/")  # https://<host>/<account>/<name>
    built_arn = f"arn:aws:sqs:{region}:{owner or account}:{name}"
    answer = reader.call(sqs, "GetQueueAttributes", built_arn, QUEUE_GONE, QueueUrl=url,
                         AttributeNames=["All"])
    if answer is None:
        return None
    attributes = {} if isinstance(answer, Failed) else answer.get("Attributes", {})
    arn = str(attributes.get("QueueArn") or built_arn)
    queue = live_resource(arn, "aws.sqs.queue", "AWS::SQS::Queue", account, region)
    queue.set("name", name)
    if isinstance(answer, Failed):
        set_maybe_absent(queue, answer.unknown, "kms_key", "sqs_managed_sse_enabled",
                         "policy")
    else:
        _queue_encryption(queue, attributes)
        set_policy(queue, attributes.get("Policy"))
    tags = reader.call(sqs, "ListQueueTags", arn, QueueUrl=url)
    set_tags(queue, tags, lambda answered: string_tags(answered.get("Tags")))
    return queue


def _queue_encryption(queue: Resource, attributes: dict[str, Any]) -> None:
    """SSE-KMS (a key) or SSE-SQS as reported; `sqs_managed_sse_enabled` is not written
    when a key is set, as in the adapters (SQS then reports it false)."""
    key = attributes.get("KmsMasterKeyId")
    if key:
        queue.set("kms_key", key)
    else:
        queue.set("sqs_managed_sse_enabled", is_true(attributes.get("SqsManagedSseEnabled")))


def topics(sns: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    listing = listed(reader.pages(sns, "ListTopics", region, "Topics"))
    found = (_topic(sns, reader, account, region, str(item["TopicArn"])) for item in listing)
    return [topic for topic in found if topic is not None]


def _topic(sns: Any, reader: Reader, account: str, region: str,
           arn: str) -> Resource | None:
    """None when the topic was deleted after it was listed."""
    answer = reader.call(sns, "GetTopicAttributes", arn, NOT_FOUND, TopicArn=arn)
    if answer is None:
        return None
    topic = live_resource(arn, "aws.sns.topic", "AWS::SNS::Topic", account, region)
    topic.set("name", last_part(arn, ":"))
    if isinstance(answer, Failed):
        set_maybe_absent(topic, answer.unknown, "kms_key", "policy")
    else:
        attributes = answer.get("Attributes", {})
        set_optional(topic, "kms_key", attributes.get("KmsMasterKeyId"))
        set_policy(topic, attributes.get("Policy"))
    tags = reader.call(sns, "ListTagsForResource", arn, ResourceArn=arn)
    set_tags(topic, tags, lambda answered: tag_map(answered.get("Tags")))
    return topic


def streams(kinesis: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    listing = listed(reader.pages(kinesis, "ListStreams", region, "StreamNames"))
    found = (_stream(kinesis, reader, account, region, str(name)) for name in listing)
    return [stream for stream in found if stream is not None]


def _stream(kinesis: Any, reader: Reader, account: str, region: str,
            name: str) -> Resource | None:
    """None when the stream was deleted after it was listed."""
    built_arn = f"arn:aws:kinesis:{region}:{account}:stream/{name}"
    answer = reader.call(kinesis, "DescribeStreamSummary", built_arn, NOT_FOUND,
                         StreamName=name)
    if answer is None:
        return None
    summary = {} if isinstance(answer, Failed) else answer.get(
        "StreamDescriptionSummary", {})
    arn = str(summary.get("StreamARN") or built_arn)
    stream = live_resource(arn, "aws.kinesis.stream", "AWS::Kinesis::Stream", account,
                           region)
    stream.set("name", name)
    if isinstance(answer, Failed):
        set_unknown(stream, answer.unknown, "encryption_type")
        set_maybe_absent(stream, answer.unknown, "kms_key")
    else:
        stream.set("encryption_type", summary.get("EncryptionType") or "NONE")
        set_optional(stream, "kms_key", summary.get("KeyId"))
    set_tags(stream, _stream_tags(kinesis, reader, arn, name), lambda tags: tags)
    return stream


def _stream_tags(kinesis: Any, reader: Reader, arn: str,
                 name: str) -> dict[str, Any] | Failed:
    """Every tag of a stream (ListTagsForStream pages by the last key read)."""
    tags: dict[str, Any] = {}
    params: dict[str, Any] = {"StreamName": name}
    while True:
        answer = reader.call(kinesis, "ListTagsForStream", arn, **params)
        if isinstance(answer, Failed):
            return answer
        page = tag_map((answer or {}).get("Tags"))
        tags.update(page)
        if not page or not (answer or {}).get("HasMoreTags"):
            return tags
        params["ExclusiveStartTagKey"] = list(page)[-1]


def log_groups(logs: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    listing = listed(reader.pages(logs, "DescribeLogGroups", region, "logGroups"))
    groups = [_log_group(logs, reader, account, region, item) for item in listing]
    if groups:
        set_metric_filters(groups, reader.pages(logs, "DescribeMetricFilters", region,
                                                "metricFilters"))
    return groups


def set_metric_filters(groups: list[Resource], filters: Any) -> None:
    """Each group's `metric_filters` (`[]` when it has none), from the region's
    DescribeMetricFilters; Unknown on every group when that call fails."""
    if isinstance(filters, Failed):
        for group in groups:
            group.set("metric_filters", filters.unknown)
        return
    by_group: dict[str, list[dict[str, Any]]] = {}
    for item in filters:
        by_group.setdefault(str(item.get("logGroupName")), []).append({
            "name": str(item.get("filterName", "")),
            "pattern": str(item.get("filterPattern", "")),
            "metric_transformations": [
                {"metric_name": str(t.get("metricName", "")),
                 "metric_namespace": str(t.get("metricNamespace", ""))}
                for t in item.get("metricTransformations") or ()]})
    for group in groups:
        group.set("metric_filters", by_group.get(str(group.get("name")), []))


def _log_group(logs: Any, reader: Reader, account: str, region: str,
               item: dict[str, Any]) -> Resource:
    """The ARN without the `:*` that DescribeLogGroups' `arn` ends with (as Terraform's
    `arn` and ListTagsForResource have it)."""
    name = str(item["logGroupName"])
    arn = str(item.get("logGroupArn") or str(item.get("arn", "")).removesuffix(":*")
              or f"arn:aws:logs:{region}:{account}:log-group:{name}")
    group = live_resource(arn, "aws.logs.log_group", "AWS::Logs::LogGroup", account, region)
    group.set("name", name)
    set_optional(group, "kms_key", item.get("kmsKeyId"))
    set_optional(group, "retention_in_days", item.get("retentionInDays"))
    tags = reader.call(logs, "ListTagsForResource", arn, resourceArn=arn)
    set_tags(group, tags, lambda answered: string_tags(answered.get("tags")))
    return group


def vaults(glacier: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    """botocore sends `accountId` `-` (the caller's account) when it is not given."""
    listing = listed(reader.pages(glacier, "ListVaults", region, "VaultList"))
    return [_vault(glacier, reader, account, region, item) for item in listing]


def _vault(glacier: Any, reader: Reader, account: str, region: str,
           item: dict[str, Any]) -> Resource:
    name = str(item["VaultName"])
    arn = str(item.get("VaultARN") or f"arn:aws:glacier:{region}:{account}:vaults/{name}")
    vault = live_resource(arn, "aws.glacier.vault", "AWS::Glacier::Vault", account, region)
    vault.set("name", name)
    policy = reader.call(glacier, "GetVaultAccessPolicy", arn, NO_VAULT_POLICY,
                         vaultName=name)
    if isinstance(policy, Failed):
        set_maybe_absent(vault, policy.unknown, "policy")
    elif policy is not None:
        set_policy(vault, policy.get("policy", {}).get("Policy"))
    tags = reader.call(glacier, "ListTagsForVault", arn, vaultName=name)
    set_tags(vault, tags, lambda answered: string_tags(answered.get("Tags")))
    return vault


def is_true(value: Any) -> bool:
    """An attribute answered as `"true"`/`"false"` (SQS) or as a boolean."""
    return str(value).lower() == "true"


def last_part(identifier: str, separator: str) -> str:
    return identifier.rstrip(separator).rsplit(separator, 1)[-1]
