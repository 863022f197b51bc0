"""AWS Secrets Manager: secrets."""

from __future__ import annotations

from govern.kinds.declare import aws, string

KINDS = (
    aws("aws.secretsmanager.secret", "Secrets Manager secret",
        string("name", "The secret's name (CloudFormation `Name`); absent when AWS "
               "generates it (Terraform `name_prefix`)."),
        string("kms_key", "The KMS key encrypting the secret: Terraform `kms_key_id`, "
               "CloudFormation and live `KmsKeyId`; absent: the AWS managed key "
               "`aws/secretsmanager`. Live: a key named by id or ARN that KMS shows to be "
               "AWS managed is `alias/aws/secretsmanager`; Unknown when KMS cannot say.")),
)
