"""AWS CodeBuild: projects."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string

KINDS = (
    aws("aws.codebuild.project", "CodeBuild project",
        string("name", "The project's name (CloudFormation `Name`)."),
        string("artifacts_type", "The type of the primary artifacts, as written: Terraform "
               "`artifacts.type`, CloudFormation `Artifacts.Type`.",
               values=("CODEPIPELINE", "S3", "NO_ARTIFACTS")),
        boolean("artifacts_encryption_disabled", "Whether the primary artifacts are left "
                "unencrypted: Terraform `artifacts.encryption_disabled`, CloudFormation "
                "`Artifacts.EncryptionDisabled`; false when not written.", default=False),
        string("kms_key", "The KMS key that encrypts the build output: Terraform "
               "`encryption_key`, CloudFormation `EncryptionKey`; absent when not written: "
               "the AWS managed key for S3 (live, CodeBuild reports it as "
               "`arn:...:alias/aws/s3`).")),
)
