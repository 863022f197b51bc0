"""Glue: `aws_glue_data_catalog_encryption_settings` (both settings are required by the
provider; `catalog_encryption_mode` defaults to `DISABLED` and
`return_connection_password_encrypted` to false when absent) and
`aws_glue_security_configuration` (its three encryption blocks are required; each mode
defaults to `DISABLED`)."""

from __future__ import annotations

from govern.adapters.building import field, set_at, set_default
from govern.adapters.reading import MISSING, located, value_at
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

_SETTINGS = "data_catalog_encryption_settings.0."
_ENCRYPTION = "encryption_configuration.0."


def _finish_security_configuration(resource: Resource, native: NativeResource) -> None:
    """One S3 encryption block (MaxItems 1): its mode as a one-item list."""
    path = _ENCRYPTION + "s3_encryption.0.s3_encryption_mode"
    mode = value_at(native, path)
    if mode is MISSING:
        set_default(resource, "s3_encryption_modes", ["DISABLED"])
    else:
        set_at(resource, "s3_encryption_modes", mode if isinstance(mode, Unknown)
               else [mode], located(native, path))


MAPPINGS = {
    "aws_glue_data_catalog_encryption_settings": KindMapping(
        "aws.glue.data_catalog_encryption", (
            field("catalog_id"),
            field("catalog_encryption_mode",
                  _SETTINGS + "encryption_at_rest.0.catalog_encryption_mode",
                  default="DISABLED"),
            field("catalog_kms_key", _SETTINGS + "encryption_at_rest.0.sse_aws_kms_key_id"),
            field("return_connection_password_encrypted",
                  _SETTINGS + "connection_password_encryption.0."
                  "return_connection_password_encrypted", default=False),
            field("password_kms_key",
                  _SETTINGS + "connection_password_encryption.0.aws_kms_key_id"),
        )),
    "aws_glue_security_configuration": KindMapping("aws.glue.security_configuration", (
        field("name"),
        field("cloudwatch_encryption_mode",
              _ENCRYPTION + "cloudwatch_encryption.0.cloudwatch_encryption_mode",
              default="DISABLED"),
        field("job_bookmarks_encryption_mode",
              _ENCRYPTION + "job_bookmarks_encryption.0.job_bookmarks_encryption_mode",
              default="DISABLED"),
    ), _finish_security_configuration),
}
