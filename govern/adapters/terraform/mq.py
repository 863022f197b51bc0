"""Amazon MQ: `aws_mq_broker` (`publicly_accessible` and the `logs` flags default to
false, `encryption_options.use_aws_owned_key` to true, `auto_minor_version_upgrade` to
false: the provider's default, which it sends to the API)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_mq_broker": KindMapping("aws.mq.broker", (
        field("name", "broker_name"),
        field("engine_type"),
        field("publicly_accessible", default=False),
        field("general_logs", "logs.0.general", default=False),
        field("audit_logs", "logs.0.audit", default=False),
        field("use_aws_owned_key", "encryption_options.0.use_aws_owned_key", default=True),
        field("kms_key", "encryption_options.0.kms_key_id"),
        field("auto_minor_version_upgrade", default=False),
    )),
}
