"""Point-in-time recovery of a DynamoDB table (DescribeContinuousBackups), read as the
Terraform `point_in_time_recovery.enabled` and the CloudFormation
`PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled`: true only when the table
reports `PointInTimeRecoveryStatus` `ENABLED`."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.reader import Failed, Reader
from govern.model.resource import Resource


def set_point_in_time_recovery(table: Resource, dynamodb: Any, reader: Reader,
                               name: str) -> None:
    """`point_in_time_recovery` of a table; Unknown when the call fails, left out when the
    table is gone since it was listed."""
    answer = reader.call(dynamodb, "DescribeContinuousBackups", table.id,
                         frozenset({"TableNotFoundException"}), TableName=name)
    if answer is None:
        return
    if isinstance(answer, Failed):
        table.set("point_in_time_recovery", answer.unknown)
        return
    status = (answer.get("ContinuousBackupsDescription", {})
              .get("PointInTimeRecoveryDescription", {}).get("PointInTimeRecoveryStatus"))
    table.set("point_in_time_recovery", status == "ENABLED")
