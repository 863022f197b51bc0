"""Athena: `aws_athena_workgroup` (`result_encryption_option` absent when no
`encryption_configuration` is written: query results are not encrypted)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

_RESULTS = "configuration.0.result_configuration.0.encryption_configuration.0."

MAPPINGS = {
    "aws_athena_workgroup": KindMapping("aws.athena.workgroup", (
        field("name"),
        field("result_encryption_option", _RESULTS + "encryption_option"),
        field("result_kms_key", _RESULTS + "kms_key_arn"),
    )),
}
