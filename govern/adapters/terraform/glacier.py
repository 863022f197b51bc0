"""S3 Glacier: `aws_glacier_vault` (its `access_policy` as the normalized `policy`)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.iam_document import normalize_policy_document
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_glacier_vault": KindMapping("aws.glacier.vault", (
        field("name"),
        field("policy", "access_policy", function=normalize_policy_document),
    )),
}
