"""CodeBuild: `AWS::CodeBuild::Project` (the primary `Artifacts`: `type` as written,
`EncryptionDisabled` defaults to false)."""

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
    )),
}
