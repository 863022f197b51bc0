"""CodeBuild: `AWS::CodeBuild::Project` (the primary `Artifacts`: `type` as written,
`EncryptionDisabled` defaults to false; `Environment.PrivilegedMode` defaults to false;
`LogsConfig.S3Logs`: `Status` defaults to `DISABLED`, `EncryptionDisabled` to false)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool

MAPPINGS = {
    "AWS::CodeBuild::Project": KindMapping("aws.codebuild.project", (
        field("name", "Name"),
        field("artifacts_type", "Artifacts.Type"),
        field("artifacts_encryption_disabled", "Artifacts.EncryptionDisabled",
              function=to_bool, default=False),
        field("kms_key", "EncryptionKey"),
        field("privileged_mode", "Environment.PrivilegedMode", function=to_bool,
              default=False),
        field("s3_logs_status", "LogsConfig.S3Logs.Status", default="DISABLED"),
        field("s3_logs_encryption_disabled", "LogsConfig.S3Logs.EncryptionDisabled",
              function=to_bool, default=False),
    )),
}
