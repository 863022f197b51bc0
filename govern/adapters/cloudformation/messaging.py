"""Messaging and streaming: `AWS::SQS::Queue`, `AWS::SNS::Topic`, `AWS::Kinesis::Stream`
(defaults as in the Terraform adapter: SQS-managed SSE for a queue without a KMS key, no
encryption for a topic without one, `encryption_type` `NONE` for a stream without
`StreamEncryption`). A queue's or topic's policy comes from a separate
`AWS::SQS::QueuePolicy`/`AWS::SNS::TopicPolicy`, folded in by `resource_policies`)."""

from __future__ import annotations

from govern.adapters.building import field, set_default
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool
from govern.model.resource import Resource
from govern.parsers.native import NativeResource


def _finish_queue(resource: Resource, native: NativeResource) -> None:
    del native
    if "kms_key" not in resource.attributes and "sqs_managed_sse_enabled" not in \
            resource.attributes:
        set_default(resource, "sqs_managed_sse_enabled", True)

MAPPINGS = {
    "AWS::SQS::Queue": KindMapping("aws.sqs.queue", (
        field("name", "QueueName"),
        field("kms_key", "KmsMasterKeyId"),
        field("sqs_managed_sse_enabled", "SqsManagedSseEnabled", function=to_bool),
    ), _finish_queue),
    "AWS::SNS::Topic": KindMapping("aws.sns.topic", (
        field("name", "TopicName"),
        field("kms_key", "KmsMasterKeyId"),
    )),
    "AWS::Kinesis::Stream": KindMapping("aws.kinesis.stream", (
        field("name", "Name"),
        field("encryption_type", "StreamEncryption.EncryptionType", default="NONE"),
        field("kms_key", "StreamEncryption.KeyId"),
    )),
}
