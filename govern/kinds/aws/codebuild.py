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
               "`arn:...:alias/aws/s3`)."),
        boolean("privileged_mode", "Whether builds run with elevated privileges in the "
                "build container (needed to run Docker inside it): Terraform "
                "`environment.privileged_mode`, CloudFormation `Environment.PrivilegedMode`, "
                "live `environment.privilegedMode`; false when not written.", default=False),
        string("s3_logs_status", "Whether build logs are also written to S3: Terraform "
               "`logs_config.s3_logs.status`, CloudFormation `LogsConfig.S3Logs.Status`, "
               "live `logsConfig.s3Logs.status`; `DISABLED` when not written.",
               default="DISABLED", values=("ENABLED", "DISABLED")),
        boolean("s3_logs_encryption_disabled", "Whether the build logs written to S3 are "
                "left unencrypted: Terraform `logs_config.s3_logs.encryption_disabled`, "
                "CloudFormation `LogsConfig.S3Logs.EncryptionDisabled`, live "
                "`logsConfig.s3Logs.encryptionDisabled`; false when not written.",
                default=False)),
)
