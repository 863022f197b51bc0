"""Glue: `aws_glue_data_catalog_encryption_settings` (both settings are required by the
provider; `catalog_encryption_mode` defaults to `DISABLED` and
`return_connection_password_encrypted` to false when absent)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

_SETTINGS = "data_catalog_encryption_settings.0."

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
}
