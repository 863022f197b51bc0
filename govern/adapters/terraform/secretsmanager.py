"""Secrets Manager: `aws_secretsmanager_secret` (`kms_key` absent when not written: the
AWS managed key `aws/secretsmanager`)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_secretsmanager_secret": KindMapping("aws.secretsmanager.secret", (
        field("name"),
        field("kms_key", "kms_key_id"),
    )),
}
