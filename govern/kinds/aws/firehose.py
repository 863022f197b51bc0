"""AWS Kinesis Data Firehose (Amazon Data Firehose): delivery streams."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string

KINDS = (
    aws("aws.firehose.delivery_stream", "Kinesis Data Firehose delivery stream",
        string("name", "The delivery stream's name: Terraform `name`, CloudFormation "
               "`DeliveryStreamName` (absent when AWS generates it), live "
               "`DeliveryStreamName`."),
        string("delivery_stream_type", "Where the stream's records come from: CloudFormation "
               "and live `DeliveryStreamType`; in Terraform `KinesisStreamAsSource` with a "
               "`kinesis_source_configuration` block, `MSKAsSource` with an "
               "`msk_source_configuration` block, else `DirectPut`. `DirectPut` when not "
               "written. Only a `DirectPut` stream can be encrypted by Firehose: with a "
               "Kinesis data stream or MSK source the data at rest is the source's.",
               default="DirectPut",
               values=("DirectPut", "KinesisStreamAsSource", "MSKAsSource",
                       "DatabaseAsSource")),
        boolean("sse_enabled", "Whether Firehose encrypts the data it keeps at rest: "
                "Terraform `server_side_encryption.enabled`; in CloudFormation, whether "
                "`DeliveryStreamEncryptionConfigurationInput` is written; live, "
                "`DeliveryStreamEncryptionConfiguration.Status` `ENABLED` or `ENABLING`. "
                "False when not written.", default=False),
        string("sse_key_type", "The kind of key of server-side encryption: Terraform "
               "`server_side_encryption.key_type`, CloudFormation "
               "`DeliveryStreamEncryptionConfigurationInput.KeyType`, live "
               "`DeliveryStreamEncryptionConfiguration.KeyType`; `AWS_OWNED_CMK` (a key "
               "AWS owns) when not written.",
               default="AWS_OWNED_CMK", values=("AWS_OWNED_CMK", "CUSTOMER_MANAGED_CMK")),
        string("sse_key", "The customer managed key of server-side encryption: Terraform "
               "`server_side_encryption.key_arn`, CloudFormation "
               "`DeliveryStreamEncryptionConfigurationInput.KeyARN`, live "
               "`DeliveryStreamEncryptionConfiguration.KeyARN`.")),
)
