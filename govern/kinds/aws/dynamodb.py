"""AWS DynamoDB: tables."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, obj, string

KINDS = (
    aws("aws.dynamodb.table", "DynamoDB table",
        string("name", "The table's name (CloudFormation `TableName`)."),
        obj("server_side_encryption", "Which key encrypts the table at rest (every table "
            "is encrypted): Terraform's `server_side_encryption` block, CloudFormation "
            "`SSESpecification`, live `SSEDescription`.",
            boolean("enabled", "Whether a KMS key is used (CloudFormation `SSEEnabled`): "
                    "false when not written, a key AWS owns; true without `kms_key`: the AWS "
                    "managed key `aws/dynamodb`.", default=False),
            string("kms_key", "The customer managed key when `enabled`: Terraform "
                   "`kms_key_arn`, CloudFormation `KMSMasterKeyId`; absent: the AWS managed "
                   "key (live, also when the key reported is that one).")),
        boolean("point_in_time_recovery", "Whether point-in-time recovery is on: Terraform "
                "`point_in_time_recovery.enabled`, CloudFormation "
                "`PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled`; false when "
                "not written.", default=False)),
)
