"""MSK: `AWS::MSK::Cluster` (`EncryptionInTransit`: `ClientBroker` defaults to `TLS`,
`InCluster` to true; `kms_key` absent without `EncryptionAtRest`: the AWS managed key;
each broker log destination is off when not written; public access is `DISABLED` when
not written; tags from the `Tags` map)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool

_TRANSIT = "EncryptionInfo.EncryptionInTransit."
_LOGS = "LoggingInfo.BrokerLogs."

MAPPINGS = {
    "AWS::MSK::Cluster": KindMapping("aws.msk.cluster", (
        field("name", "ClusterName"),
        field("client_broker", _TRANSIT + "ClientBroker", default="TLS"),
        field("in_cluster", _TRANSIT + "InCluster", function=to_bool, default=True),
        field("kms_key", "EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId"),
        field("broker_logs.cloudwatch_logs", _LOGS + "CloudWatchLogs.Enabled", function=to_bool,
              default=False),
        field("broker_logs.firehose", _LOGS + "Firehose.Enabled", function=to_bool,
              default=False),
        field("broker_logs.s3", _LOGS + "S3.Enabled", function=to_bool, default=False),
        field("public_access", "BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type",
              default="DISABLED"),
    )),
}
