"""Athena: `AWS::Athena::WorkGroup` (`result_encryption_option` absent when no
`EncryptionConfiguration` is written: query results are not encrypted;
`enforce_workgroup_configuration` Unknown when not written: Athena's default is not
documented)."""

from __future__ import annotations

from govern.adapters.building import field, set_undecided
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool
from govern.adapters.terraform.athena import NO_DEFAULT
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

_RESULTS = "WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration."



def _finish_workgroup(resource: Resource, native: NativeResource) -> None:
    del native
    if "enforce_workgroup_configuration" not in resource.attributes:
        set_undecided(resource, "enforce_workgroup_configuration", Unknown(NO_DEFAULT))


MAPPINGS = {
    "AWS::Athena::WorkGroup": KindMapping("aws.athena.workgroup", (
        field("name", "Name"),
        field("result_encryption_option", _RESULTS + "EncryptionOption"),
        field("result_kms_key", _RESULTS + "KmsKey"),
        field("enforce_workgroup_configuration",
              "WorkGroupConfiguration.EnforceWorkGroupConfiguration", function=to_bool),
    ), _finish_workgroup),
}
