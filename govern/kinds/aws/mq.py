"""AWS Amazon MQ: brokers."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string

KINDS = (
    aws("aws.mq.broker", "Amazon MQ broker",
        string("name", "The broker's name: Terraform `broker_name`, CloudFormation "
               "`BrokerName`."),
        string("engine_type", "The message broker engine (CloudFormation `EngineType`), as "
               "written: `ActiveMQ` or `RabbitMQ`, in any case (the API's `ACTIVEMQ`, "
               "`RABBITMQ`)."),
        boolean("publicly_accessible", "Whether the broker can be reached from the internet "
                "(CloudFormation `PubliclyAccessible`); false when not written in "
                "Terraform; required in CloudFormation (absent when missing)."),
        boolean("general_logs", "Whether general logs are published to CloudWatch Logs: "
                "Terraform `logs.general`, CloudFormation `Logs.General`, live "
                "`Logs.General`; false when not written.", default=False),
        boolean("audit_logs", "Whether audit logs are published to CloudWatch Logs "
                "(ActiveMQ only: RabbitMQ brokers have no audit log): Terraform "
                "`logs.audit`, CloudFormation `Logs.Audit`, live `Logs.Audit`; false when "
                "not written.", default=False),
        boolean("use_aws_owned_key", "Whether the broker's data at rest is encrypted with "
                "a KMS key AWS owns, outside the account: Terraform "
                "`encryption_options.use_aws_owned_key`, CloudFormation "
                "`EncryptionOptions.UseAwsOwnedKey`, live `EncryptionOptions.UseAwsOwnedKey`; "
                "true when not written (the default of AWS and the provider).", default=True),
        string("kms_key", "The KMS key encrypting the data at rest when `use_aws_owned_key` "
               "is false: Terraform `encryption_options.kms_key_id`, CloudFormation "
               "`EncryptionOptions.KmsKeyId`, live `EncryptionOptions.KmsKeyId` when it is "
               "customer managed (`kms:DescribeKey`); absent when not written: with "
               "`use_aws_owned_key` false, the AWS managed key `aws/mq`."),
        boolean("auto_minor_version_upgrade", "Whether Amazon MQ upgrades the broker to "
                "new minor (patch) engine versions in its maintenance window: Terraform "
                "`auto_minor_version_upgrade`, CloudFormation `AutoMinorVersionUpgrade`, "
                "live `AutoMinorVersionUpgrade`. When not written: false in Terraform (the "
                "provider's default, which it sends), true in CloudFormation (the API's "
                "default).")),
)
