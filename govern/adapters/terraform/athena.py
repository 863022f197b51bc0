"""Athena: `aws_athena_workgroup` (`result_encryption_option` absent when no
`encryption_configuration` is written: query results are not encrypted;
`enforce_workgroup_configuration` true when a `configuration` block does not write it,
the provider's default, and Unknown without a `configuration` block: the provider then
sends no configuration and Athena's default is not documented)."""

from __future__ import annotations

from govern.adapters.building import field, set_default, set_undecided
from govern.adapters.reading import MISSING, value_at
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

_RESULTS = "configuration.0.result_configuration.0.encryption_configuration.0."

NO_DEFAULT = "not written: Athena's default is not documented"


def _finish_workgroup(resource: Resource, native: NativeResource) -> None:
    if "enforce_workgroup_configuration" in resource.attributes:
        return
    if value_at(native, "configuration") is MISSING:
        set_undecided(resource, "enforce_workgroup_configuration", Unknown(NO_DEFAULT))
    else:
        set_default(resource, "enforce_workgroup_configuration", True)


MAPPINGS = {
    "aws_athena_workgroup": KindMapping("aws.athena.workgroup", (
        field("name"),
        field("result_encryption_option", _RESULTS + "encryption_option"),
        field("result_kms_key", _RESULTS + "kms_key_arn"),
        field("enforce_workgroup_configuration",
              "configuration.0.enforce_workgroup_configuration"),
    ), _finish_workgroup),
}
