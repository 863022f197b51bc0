"""AWS Simple Notification Service (SNS): topics."""

from __future__ import annotations

from govern.kinds.declare import aws, policy, string

KINDS = (
    aws("aws.sns.topic", "SNS topic",
        string("name", "The topic's name (CloudFormation `TopicName`); absent when AWS "
               "generates it."),
        string("kms_key", "The KMS key encrypting messages at rest: Terraform "
               "`kms_master_key_id`, CloudFormation and live `KmsMasterKeyId`; absent: not "
               "encrypted at rest."),
        policy("policy", "The topic policy, normalized: the topic's own (Terraform `policy`, "
               "live `Policy`) or a folded `aws_sns_topic_policy` (by `arn`) or "
               "`AWS::SNS::TopicPolicy` (every topic its `Topics` names); absent: SNS's "
               "default policy, owner account only (a live topic always has a policy, the "
               "default one when none was set).")),
)
