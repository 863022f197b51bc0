"""Kinesis Data Firehose delivery streams (ListDeliveryStreams, DescribeDeliveryStream,
ListTagsForDeliveryStream) as `aws.firehose.delivery_stream`, id the stream's ARN, with
the attributes of the Terraform and CloudFormation adapters: server-side encryption is
enabled when its status is `ENABLED` or `ENABLING` (being turned on, as configured)."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.listings import Malformed, items_at
from govern.collect.aws.reader import Failed, Reader, action_prefix
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_maybe_absent, set_optional, set_unknown, tag_map
from govern.model.resource import Resource

KIND = "aws.firehose.delivery_stream"
NOT_FOUND = frozenset({"ResourceNotFoundException"})
ENCRYPTED = frozenset({"ENABLED", "ENABLING"})


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    return delivery_streams(clients("firehose"), reader, account, region)


def delivery_streams(client: Any, reader: Reader, account: str,
                     region: str) -> list[Resource]:
    names = _names(client, reader, region)
    found = (_stream(client, reader, account, region, name) for name in names)
    return [stream for stream in found if stream is not None]


def _names(client: Any, reader: Reader, region: str) -> list[str]:
    """Every stream name (ListDeliveryStreams pages by the last name read); none when a
    page cannot be read (the Reader reports it, making the kind unknown)."""
    names: list[str] = []
    params: dict[str, Any] = {}
    while True:
        answer = reader.call(client, "ListDeliveryStreams", region, **params)
        if answer is None:
            return names
        if isinstance(answer, Failed):
            return []
        try:
            page = [str(name) for name in items_at(answer, "DeliveryStreamNames",
                                                   action_prefix(client),
                                                   "ListDeliveryStreams")]
        except Malformed as exc:
            reader.fail(client, "ListDeliveryStreams", region, f"malformed answer: {exc}")
            return []
        names.extend(page)
        if not page or not answer.get("HasMoreDeliveryStreams"):
            return names
        params["ExclusiveStartDeliveryStreamName"] = page[-1]


def _stream(client: Any, reader: Reader, account: str, region: str,
            name: str) -> Resource | None:
    """None when the stream was deleted after it was listed."""
    built_arn = f"arn:aws:firehose:{region}:{account}:deliverystream/{name}"
    answer = reader.call(client, "DescribeDeliveryStream", built_arn, NOT_FOUND,
                         DeliveryStreamName=name)
    if answer is None:
        return None
    description = {} if isinstance(answer, Failed) else answer.get(
        "DeliveryStreamDescription") or {}
    arn = str(description.get("DeliveryStreamARN") or built_arn)
    stream = live_resource(arn, KIND, "AWS::KinesisFirehose::DeliveryStream", account,
                           region)
    stream.set("name", name)
    if isinstance(answer, Failed):
        set_unknown(stream, answer.unknown, "delivery_stream_type", "sse_enabled",
                    "sse_key_type")
        set_maybe_absent(stream, answer.unknown, "sse_key")
    else:
        stream.set("delivery_stream_type",
                   description.get("DeliveryStreamType") or "DirectPut")
        encryption = description.get("DeliveryStreamEncryptionConfiguration") or {}
        stream.set("sse_enabled", encryption.get("Status") in ENCRYPTED)
        stream.set("sse_key_type", encryption.get("KeyType") or "AWS_OWNED_CMK")
        set_optional(stream, "sse_key", encryption.get("KeyARN"))
    tags = _tags(client, reader, arn, name)
    stream.set("tags", tags.unknown if isinstance(tags, Failed) else tags)
    return stream


def _tags(client: Any, reader: Reader, arn: str, name: str) -> dict[str, Any] | Failed:
    """Every tag of a stream (ListTagsForDeliveryStream pages by the last key read)."""
    tags: dict[str, Any] = {}
    params: dict[str, Any] = {"DeliveryStreamName": name}
    while True:
        answer = reader.call(client, "ListTagsForDeliveryStream", arn, **params)
        if isinstance(answer, Failed):
            return answer
        page = tag_map((answer or {}).get("Tags"))
        tags.update(page)
        if not page or not (answer or {}).get("HasMoreTags"):
            return tags
        params["ExclusiveStartTagKey"] = list(page)[-1]
