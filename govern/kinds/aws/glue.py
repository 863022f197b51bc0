"""AWS Glue: the Data Catalog encryption settings."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string

KINDS = (
    aws("aws.glue.data_catalog_encryption", "Glue Data Catalog encryption settings",
        string("catalog_id", "The id (account) of the Data Catalog the settings belong to "
               "(CloudFormation `CatalogId`); absent when not written: the account's own. "
               "Live: one per account and region, id `arn:aws:glue:<region>:<account>:"
               "catalog`."),
        string("catalog_encryption_mode", "How the catalog's metadata is encrypted at rest: "
               "Terraform `data_catalog_encryption_settings.encryption_at_rest"
               ".catalog_encryption_mode`, CloudFormation `DataCatalogEncryptionSettings"
               ".EncryptionAtRest.CatalogEncryptionMode`; `DISABLED` when not written.",
               default="DISABLED", values=("DISABLED", "SSE-KMS", "SSE-KMS-WITH-SERVICE-ROLE")),
        string("catalog_kms_key", "The KMS key of catalog encryption: Terraform "
               "`encryption_at_rest.sse_aws_kms_key_id`, CloudFormation "
               "`EncryptionAtRest.SseAwsKmsKeyId`."),
        boolean("return_connection_password_encrypted", "Whether connection passwords are "
                "kept encrypted: Terraform `connection_password_encryption"
                ".return_connection_password_encrypted`, CloudFormation "
                "`ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted`; false "
                "when not written.", default=False),
        string("password_kms_key", "The KMS key of connection passwords: Terraform "
               "`connection_password_encryption.aws_kms_key_id`, CloudFormation "
               "`ConnectionPasswordEncryption.KmsKeyId`."),
        taggable=False),
)
