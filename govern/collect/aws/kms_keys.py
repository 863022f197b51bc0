"""Whether the KMS key a service reports is customer managed (DescribeKey's `KeyManager`),
for readers of services that report the ARN of their AWS managed key when none was named
(DynamoDB, AWS Backup)."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.values import maybe_absent
from govern.model.unknown import Unknown


class CustomerKeys:
    """Whether the KMS key a service reports is customer managed, read once per key. A
    service encrypting with its AWS managed key (`aws/dynamodb`, `aws/backup`) reports that
    key's ARN, which in a template is the omitted key: canonical `kms_key` is then
    absent."""

    def __init__(self, kms: Any, reader: Reader, account: str) -> None:
        self._kms = kms
        self._reader = reader
        self._account = account
        self._known: dict[str, str | Unknown | None] = {}

    def customer_key(self, key_arn: str | None) -> str | Unknown | None:
        """`key_arn` for a customer managed key, None for an AWS managed key (or none);
        when DescribeKey fails, an Unknown that may be the key or absent (a plain Unknown
        would pass `op: exists` as a customer managed key)."""
        if not key_arn:
            return None
        if key_arn not in self._known:
            self._known[key_arn] = self._read(key_arn)
        return self._known[key_arn]

    def _read(self, key_arn: str) -> str | Unknown | None:
        parts = key_arn.split(":")
        if len(parts) > 4 and parts[4] and parts[4] != self._account:
            return key_arn  # another account's key: AWS managed keys serve their own only
        answer = self._reader.call(self._kms, "DescribeKey", key_arn,
                                   frozenset({"NotFoundException"}), KeyId=key_arn)
        if isinstance(answer, Failed):
            return maybe_absent(answer.unknown)
        manager = (answer or {}).get("KeyMetadata", {}).get("KeyManager")
        return None if manager == "AWS" else key_arn
