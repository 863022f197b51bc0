"""MSK: `aws_msk_cluster` (`encryption_in_transit`: `client_broker` defaults to `TLS`,
`in_cluster` to true; `kms_key` absent when not written: the AWS managed key; each broker
log destination is off when not written; public access is `DISABLED` when not written)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

_TRANSIT = "encryption_info.0.encryption_in_transit.0."
_LOGS = "logging_info.0.broker_logs.0."

MAPPINGS = {
    "aws_msk_cluster": KindMapping("aws.msk.cluster", (
        field("name", "cluster_name"),
        field("client_broker", _TRANSIT + "client_broker", default="TLS"),
        field("in_cluster", _TRANSIT + "in_cluster", default=True),
        field("kms_key", "encryption_info.0.encryption_at_rest_kms_key_arn"),
        field("broker_logs.cloudwatch_logs", _LOGS + "cloudwatch_logs.0.enabled", default=False),
        field("broker_logs.firehose", _LOGS + "firehose.0.enabled", default=False),
        field("broker_logs.s3", _LOGS + "s3.0.enabled", default=False),
        field("public_access", "broker_node_group_info.0.connectivity_info.0.public_access.0.type",
              default="DISABLED"),
    )),
}
