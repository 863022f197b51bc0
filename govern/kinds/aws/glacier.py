"""Amazon S3 Glacier: vaults."""

from __future__ import annotations

from govern.kinds.declare import aws, policy, string

KINDS = (
    aws("aws.glacier.vault", "S3 Glacier vault",
        string("name", "The vault's name (CloudFormation `VaultName`)."),
        policy("policy", "The vault's access policy, normalized: Terraform `access_policy`, "
               "CloudFormation `AccessPolicy`, live GetVaultAccessPolicy; absent: none. "
               "CloudFormation's tags are the `Tags` map."),
        tags_doc="CloudFormation: the `Tags` map"),
)
