"""CodeBuild: `aws_codebuild_project` (the primary `artifacts` block: `type` as written,
`encryption_disabled` defaults to false)."""

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
    )),
}
