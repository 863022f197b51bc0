"""AWS Secrets Manager: secrets."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, integer, string

KINDS = (
    aws("aws.secretsmanager.secret", "Secrets Manager secret",
        string("name", "The secret's name (CloudFormation `Name`); absent when AWS "
               "generates it (Terraform `name_prefix`)."),
        string("kms_key", "The KMS key encrypting the secret: Terraform `kms_key_id`, "
               "CloudFormation and live `KmsKeyId`; absent: the AWS managed key "
               "`aws/secretsmanager`. Live: a key named by id or ARN that KMS shows to be "
               "AWS managed is `alias/aws/secretsmanager`; Unknown when KMS cannot say."),
        boolean("rotation_enabled", "Whether Secrets Manager rotates the secret on a "
                "schedule: true when a Terraform `aws_secretsmanager_secret_rotation` "
                "(CloudFormation `AWS::SecretsManager::RotationSchedule`) names the secret "
                "by its `secret_id` (`SecretId`), live `RotationEnabled`; false otherwise, "
                "Secrets Manager's default. On a secret declared outside the scanned code "
                "(a stand-in), true: the rotation resource turns rotation on.",
                default=False),
        integer("rotation_interval_hours", "The hours between two rotations of a rotated "
                "secret: from the rotation's `rotation_rules` (CloudFormation "
                "`RotationRules`, live `RotationRules`), a `rate(N days)` or "
                "`rate(N hours)` `schedule_expression` when written, else "
                "`automatically_after_days` times 24. Unknown for a `cron(...)` "
                "expression (its longest interval is not computed) and when neither is "
                "known; absent when the secret is not rotated.")),
)
