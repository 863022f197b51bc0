"""ECR: `aws_ecr_repository` (`encryption_type` defaults to `AES256`,
`image_tag_mutability` to `MUTABLE`, `scan_on_push` to false). Its `policy` comes from a
separate `aws_ecr_repository_policy`, folded in by `resource_policies`."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_ecr_repository": KindMapping("aws.ecr.repository", (
        field("name"),
        field("encryption_type", "encryption_configuration.0.encryption_type",
              default="AES256"),
        field("kms_key", "encryption_configuration.0.kms_key"),
        field("image_tag_mutability", default="MUTABLE"),
        field("scan_on_push", "image_scanning_configuration.0.scan_on_push", default=False),
    )),
}
