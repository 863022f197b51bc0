"""CodeBuild: `aws_codebuild_project` (the primary `artifacts` block: `type` as written,
`encryption_disabled` defaults to false; `environment.privileged_mode` defaults to false;
`logs_config.s3_logs`: `status` defaults to `DISABLED`, `encryption_disabled` to false)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_codebuild_project": KindMapping("aws.codebuild.project", (
        field("name"),
        field("artifacts_type", "artifacts.0.type"),
        field("artifacts_encryption_disabled", "artifacts.0.encryption_disabled",
              default=False),
        field("kms_key", "encryption_key"),
        field("privileged_mode", "environment.0.privileged_mode", default=False),
        field("s3_logs_status", "logs_config.0.s3_logs.0.status", default="DISABLED"),
        field("s3_logs_encryption_disabled", "logs_config.0.s3_logs.0.encryption_disabled",
              default=False),
    )),
}
