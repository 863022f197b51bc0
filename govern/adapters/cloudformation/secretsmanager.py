"""Secrets Manager: `AWS::SecretsManager::Secret` (`kms_key` absent when `KmsKeyId` is not
written: the AWS managed key `aws/secretsmanager`)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping

MAPPINGS = {
    "AWS::SecretsManager::Secret": KindMapping("aws.secretsmanager.secret", (
        field("name", "Name"),
        field("kms_key", "KmsKeyId"),
    )),
}
