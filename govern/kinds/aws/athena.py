"""AWS Athena: workgroups."""

from __future__ import annotations

from govern.kinds.declare import aws, string

KINDS = (
    aws("aws.athena.workgroup", "Athena workgroup",
        string("name", "The workgroup's name (CloudFormation `Name`)."),
        string("result_encryption_option", "How query results are encrypted: Terraform "
               "`configuration.result_configuration.encryption_configuration"
               ".encryption_option`, CloudFormation `WorkGroupConfiguration"
               ".ResultConfiguration.EncryptionConfiguration.EncryptionOption`; absent when "
               "no encryption configuration is written: query results are not encrypted.",
               values=("SSE_S3", "SSE_KMS", "CSE_KMS")),
        string("result_kms_key", "The KMS key of `SSE_KMS`/`CSE_KMS` results: Terraform "
               "`kms_key_arn`, CloudFormation `KmsKey` of the same encryption "
               "configuration.")),
)
