"""AWS Glue: the Data Catalog encryption settings and security configurations."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string, strings

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
    aws("aws.glue.security_configuration", "Glue security configuration (the encryption "
        "of what crawlers, jobs and development endpoints write)",
        string("name", "The configuration's name: Terraform `name`, CloudFormation `Name`, "
               "live `Name`."),
        strings("s3_encryption_modes", "How data written to S3 is encrypted, one mode per "
                "S3 encryption setting: Terraform `encryption_configuration.s3_encryption"
                ".s3_encryption_mode`, CloudFormation `EncryptionConfiguration.S3Encryptions"
                "[].S3EncryptionMode`, live `EncryptionConfiguration.S3Encryption[]"
                ".S3EncryptionMode`; `[DISABLED]` when none is written (a setting without "
                "a mode is `DISABLED`).", default=["DISABLED"]),
        string("cloudwatch_encryption_mode", "How logs pushed to CloudWatch are encrypted: "
               "Terraform `encryption_configuration.cloudwatch_encryption"
               ".cloudwatch_encryption_mode`, CloudFormation `EncryptionConfiguration"
               ".CloudWatchEncryption.CloudWatchEncryptionMode`, live the same; `DISABLED` "
               "when not written.", default="DISABLED", values=("DISABLED", "SSE-KMS")),
        string("job_bookmarks_encryption_mode", "How job bookmarks are encrypted: Terraform "
               "`encryption_configuration.job_bookmarks_encryption"
               ".job_bookmarks_encryption_mode`, CloudFormation `EncryptionConfiguration"
               ".JobBookmarksEncryption.JobBookmarksEncryptionMode`, live the same; "
               "`DISABLED` when not written.", default="DISABLED",
               values=("DISABLED", "CSE-KMS")),
        taggable=False),
)
