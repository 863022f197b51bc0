"""AWS Simple Queue Service (SQS): queues."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, policy, string

KINDS = (
    aws("aws.sqs.queue", "SQS queue",
        string("name", "The queue's name (CloudFormation `QueueName`); absent when AWS "
               "generates it."),
        string("kms_key", "The KMS key of SSE-KMS encryption: Terraform "
               "`kms_master_key_id`, CloudFormation and live `KmsMasterKeyId`; absent: no "
               "SSE-KMS."),
        boolean("sqs_managed_sse_enabled", "SSE-SQS encryption (CloudFormation "
                "`SqsManagedSseEnabled`). True when not written and no `kms_key` is set: "
                "SSE-SQS is the default for new queues since October 2022; not written "
                "when a key is set (live: SQS then reports it false, and it is not read).",
                default=True),
        policy("policy", "The queue policy, normalized: the queue's own (Terraform "
               "`policy`, live `Policy`) or a folded `aws_sqs_queue_policy` (by "
               "`queue_url`) or `AWS::SQS::QueuePolicy` (every queue its `Queues` names); "
               "absent: no policy.")),
)
