"""Amazon MQ: `aws_mq_broker` (`publicly_accessible` and the `logs` flags default to
false)."""

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
    )),
}
