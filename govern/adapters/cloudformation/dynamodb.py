"""DynamoDB: `AWS::DynamoDB::Table`, as in the Terraform adapter: `SSESpecification`
`SSEEnabled` false (the default) means a key AWS owns, true without `KMSMasterKeyId` the
AWS managed key; `point_in_time_recovery` defaults to false."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool

MAPPINGS = {
    "AWS::DynamoDB::Table": KindMapping("aws.dynamodb.table", (
        field("name", "TableName"),
        field("server_side_encryption.enabled", "SSESpecification.SSEEnabled",
              function=to_bool, default=False),
        field("server_side_encryption.kms_key", "SSESpecification.KMSMasterKeyId"),
        field("point_in_time_recovery",
              "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
              function=to_bool, default=False),
    )),
}
