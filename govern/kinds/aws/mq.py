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
                "Terraform; required in CloudFormation (absent when missing).")),
)
