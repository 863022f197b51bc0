"""S3 Glacier: `AWS::Glacier::Vault` (its `AccessPolicy` as the normalized `policy`; `Tags`
is a map)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.iam_document import normalize_policy_document

MAPPINGS = {
    "AWS::Glacier::Vault": KindMapping("aws.glacier.vault", (
        field("name", "VaultName"),
        field("policy", "AccessPolicy", function=normalize_policy_document),
    )),
}
