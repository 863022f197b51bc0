"""Glue: `AWS::Glue::DataCatalogEncryptionSettings` (`CatalogEncryptionMode` defaults to
`DISABLED` and `ReturnConnectionPasswordEncrypted` to false when not written)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool

_SETTINGS = "DataCatalogEncryptionSettings."

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
}
