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
                "not written.", default=False)),
)
