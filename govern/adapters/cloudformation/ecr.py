"""ECR: `AWS::ECR::Repository`, as in the Terraform adapter (`encryption_type` defaults to
`AES256`, `image_tag_mutability` to `MUTABLE`, `scan_on_push` to false); `policy` is the
normalized `RepositoryPolicyText`."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool
from govern.adapters.iam_document import normalize_policy_document

MAPPINGS = {
    "AWS::ECR::Repository": KindMapping("aws.ecr.repository", (
        field("name", "RepositoryName"),
        field("encryption_type", "EncryptionConfiguration.EncryptionType", default="AES256"),
        field("kms_key", "EncryptionConfiguration.KmsKey"),
        field("image_tag_mutability", "ImageTagMutability", default="MUTABLE"),
        field("scan_on_push", "ImageScanningConfiguration.ScanOnPush", function=to_bool,
              default=False),
        field("policy", "RepositoryPolicyText", function=normalize_policy_document),
    )),
}
