"""Athena: `AWS::Athena::WorkGroup` (`result_encryption_option` absent when no
`EncryptionConfiguration` is written: query results are not encrypted)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping

_RESULTS = "WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration."

MAPPINGS = {
    "AWS::Athena::WorkGroup": KindMapping("aws.athena.workgroup", (
        field("name", "Name"),
        field("result_encryption_option", _RESULTS + "EncryptionOption"),
        field("result_kms_key", _RESULTS + "KmsKey"),
    )),
}
