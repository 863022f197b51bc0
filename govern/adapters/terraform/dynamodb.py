"""DynamoDB: `aws_dynamodb_table`.

Every table is encrypted at rest. `server_side_encryption.enabled` false (the default,
also when the block is absent) means a key AWS owns; true without `kms_key_arn` means the
AWS managed key `alias/aws/dynamodb`; true with `kms_key_arn` a customer managed key.
`point_in_time_recovery` defaults to false.
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_dynamodb_table": KindMapping("aws.dynamodb.table", (
        field("name"),
        field("server_side_encryption.enabled", "server_side_encryption.0.enabled",
              default=False),
        field("server_side_encryption.kms_key", "server_side_encryption.0.kms_key_arn"),
        field("point_in_time_recovery", "point_in_time_recovery.0.enabled", default=False),
    )),
}
