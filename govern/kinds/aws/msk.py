"""AWS Managed Streaming for Apache Kafka (MSK): provisioned clusters."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, obj, string

KINDS = (
    aws("aws.msk.cluster", "MSK (Managed Streaming for Apache Kafka) provisioned cluster",
        string("name", "The cluster's name: Terraform `cluster_name`, CloudFormation "
               "`ClusterName`. Live: serverless clusters are not read."),
        string("client_broker", "Encryption between clients and brokers: Terraform "
               "`encryption_info.encryption_in_transit.client_broker`, CloudFormation "
               "`EncryptionInfo.EncryptionInTransit.ClientBroker`; `TLS` when not written.",
               default="TLS", values=("TLS", "TLS_PLAINTEXT", "PLAINTEXT")),
        boolean("in_cluster", "TLS between the brokers: Terraform "
                "`encryption_info.encryption_in_transit.in_cluster`, CloudFormation "
                "`EncryptionInfo.EncryptionInTransit.InCluster`; true when not written.",
                default=True),
        string("kms_key", "The KMS key encrypting the data volumes: Terraform "
               "`encryption_info.encryption_at_rest_kms_key_arn`, CloudFormation "
               "`EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId`; absent: the AWS "
               "managed key `aws/kafka` (live: also when MSK reports that key, by "
               "`kms:DescribeKey`)."),
        obj("broker_logs", "Where the brokers' logs are delivered: Terraform "
            "`logging_info.broker_logs`, CloudFormation `LoggingInfo.BrokerLogs`, live "
            "`LoggingInfo.BrokerLogs`.",
            boolean("cloudwatch_logs", "Delivery to CloudWatch Logs "
                    "(`cloudwatch_logs.enabled`, `CloudWatchLogs.Enabled`); false when not "
                    "written.", default=False),
            boolean("firehose", "Delivery to Data Firehose (`firehose.enabled`, "
                    "`Firehose.Enabled`); false when not written.", default=False),
            boolean("s3", "Delivery to S3 (`s3.enabled`, `S3.Enabled`); false when not "
                    "written.", default=False)),
        string("public_access", "Public access to the brokers: Terraform "
               "`broker_node_group_info.connectivity_info.public_access.type`, "
               "CloudFormation `BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type`, "
               "live `BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type`; `DISABLED` "
               "when not written (`SERVICE_PROVIDED_EIPS` gives the brokers public IP "
               "addresses).", default="DISABLED", values=("DISABLED", "SERVICE_PROVIDED_EIPS")),
        tags_doc="CloudFormation: the `Tags` map"),
)
