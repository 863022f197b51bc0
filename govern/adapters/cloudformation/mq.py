"""Amazon MQ: `AWS::AmazonMQ::Broker` (`PubliclyAccessible` is required by
CloudFormation; the `Logs` flags default to false; without `EncryptionOptions` the broker
uses a key AWS owns, as the API's default `UseAwsOwnedKey` true; `AutoMinorVersionUpgrade`
defaults to true, the API's default)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool

MAPPINGS = {
    "AWS::AmazonMQ::Broker": KindMapping("aws.mq.broker", (
        field("name", "BrokerName"),
        field("engine_type", "EngineType"),
        field("publicly_accessible", "PubliclyAccessible", function=to_bool),
        field("general_logs", "Logs.General", function=to_bool, default=False),
        field("audit_logs", "Logs.Audit", function=to_bool, default=False),
        field("use_aws_owned_key", "EncryptionOptions.UseAwsOwnedKey", function=to_bool,
              default=True),
        field("kms_key", "EncryptionOptions.KmsKeyId"),
        field("auto_minor_version_upgrade", "AutoMinorVersionUpgrade", function=to_bool,
              default=True),
    )),
}
