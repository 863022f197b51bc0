"""Messaging and streaming: `aws_sqs_queue`, `aws_sns_topic`, `aws_kinesis_stream`.

SQS: without `kms_master_key_id`, `sqs_managed_sse_enabled` defaults to true (SQS-managed
server-side encryption is the default for queues created since October 2022; the provider
leaves the attribute to AWS when it is not written). With a KMS key it is not written.
SNS: no encryption unless `kms_master_key_id` is set. Kinesis: `encryption_type` defaults
to `NONE`. A queue's or topic's inline `policy` is normalized (the separate policy
resources are folded in by `resource_policies`).
"""

from __future__ import annotations

from govern.adapters.building import field, set_default
from govern.adapters.iam_document import normalize_policy_document
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.parsers.native import NativeResource


def _finish_queue(resource: Resource, native: NativeResource) -> None:
    """SQS-managed SSE is the default only for a queue without a KMS key."""
    del native
    if "kms_key" not in resource.attributes and "sqs_managed_sse_enabled" not in \
            resource.attributes:
        set_default(resource, "sqs_managed_sse_enabled", True)


MAPPINGS = {
    "aws_sqs_queue": KindMapping("aws.sqs.queue", (
        field("name"),
        field("kms_key", "kms_master_key_id"),
        field("sqs_managed_sse_enabled"),
        field("policy", function=normalize_policy_document),
    ), _finish_queue),
    "aws_sns_topic": KindMapping("aws.sns.topic", (
        field("name"),
        field("kms_key", "kms_master_key_id"),
        field("policy", function=normalize_policy_document),
    )),
    "aws_kinesis_stream": KindMapping("aws.kinesis.stream", (
        field("name"),
        field("encryption_type", default="NONE"),
        field("kms_key", "kms_key_id"),
    )),
}
