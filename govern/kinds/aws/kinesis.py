"""AWS Kinesis Data Streams: streams."""

from __future__ import annotations

from govern.kinds.declare import aws, string

KINDS = (
    aws("aws.kinesis.stream", "Kinesis data stream",
        string("name", "The stream's name (CloudFormation `Name`); absent when AWS "
               "generates it."),
        string("encryption_type", "Server-side encryption: Terraform `encryption_type`, "
               "CloudFormation `StreamEncryption.EncryptionType`, live `EncryptionType`; "
               "`NONE` when not written (in CloudFormation, without `StreamEncryption`).",
               default="NONE", values=("NONE", "KMS")),
        string("kms_key", "The KMS key: Terraform `kms_key_id`, CloudFormation "
               "`StreamEncryption.KeyId`, live `KeyId`; `alias/aws/kinesis` is the AWS "
               "managed key.")),
)
