"""Glue: `AWS::Glue::DataCatalogEncryptionSettings` (`CatalogEncryptionMode` defaults to
`DISABLED` and `ReturnConnectionPasswordEncrypted` to false when not written) and
`AWS::Glue::SecurityConfiguration` (each encryption mode `DISABLED` when not written)."""

from __future__ import annotations

from typing import Any

from govern.adapters.building import field, set_at, set_default
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool
from govern.adapters.reading import MISSING, blocks_in, located, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

_SETTINGS = "DataCatalogEncryptionSettings."
_ENCRYPTION = "EncryptionConfiguration."
_S3 = _ENCRYPTION + "S3Encryptions"


def _s3_mode(entry: Any) -> Any:
    if isinstance(entry, Unknown):
        return entry
    mode = value_in(entry, "S3EncryptionMode")
    return "DISABLED" if mode is MISSING else mode


def _finish_security_configuration(resource: Resource, native: NativeResource) -> None:
    """The mode of each `S3Encryptions` entry; `[DISABLED]` without one."""
    entries = blocks_in(native.attributes, _S3)
    if isinstance(entries, Unknown):
        resource.set(("s3_encryption_modes",), entries)
    elif not entries:
        set_default(resource, "s3_encryption_modes", ["DISABLED"])
    else:
        set_at(resource, "s3_encryption_modes", [_s3_mode(entry) for entry in entries],
               located(native, _S3))


MAPPINGS = {
    "AWS::Glue::DataCatalogEncryptionSettings": KindMapping(
        "aws.glue.data_catalog_encryption", (
            field("catalog_id", "CatalogId"),
            field("catalog_encryption_mode",
                  _SETTINGS + "EncryptionAtRest.CatalogEncryptionMode", default="DISABLED"),
            field("catalog_kms_key", _SETTINGS + "EncryptionAtRest.SseAwsKmsKeyId"),
            field("return_connection_password_encrypted",
                  _SETTINGS + "ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted",
                  function=to_bool, default=False),
            field("password_kms_key", _SETTINGS + "ConnectionPasswordEncryption.KmsKeyId"),
        )),
    "AWS::Glue::SecurityConfiguration": KindMapping("aws.glue.security_configuration", (
        field("name", "Name"),
        field("cloudwatch_encryption_mode",
              _ENCRYPTION + "CloudWatchEncryption.CloudWatchEncryptionMode",
              default="DISABLED"),
        field("job_bookmarks_encryption_mode",
              _ENCRYPTION + "JobBookmarksEncryption.JobBookmarksEncryptionMode",
              default="DISABLED"),
    ), _finish_security_configuration),
}
