"""AWS Athena: workgroups."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string

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
               "configuration."),
        boolean("enforce_workgroup_configuration", "Whether the workgroup's settings "
                "(among them the result encryption) override those of the client running "
                "a query: Terraform `configuration.enforce_workgroup_configuration`, "
                "CloudFormation `WorkGroupConfiguration.EnforceWorkGroupConfiguration`, "
                "live `Configuration.EnforceWorkGroupConfiguration`. When not written: true "
                "in a Terraform `configuration` block (the provider's default, which it "
                "sends); Unknown without that block, and in CloudFormation, which leave it "
                "to Athena, whose API documents no default.")),
)
