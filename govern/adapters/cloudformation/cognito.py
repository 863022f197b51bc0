"""Amazon Cognito: `AWS::Cognito::IdentityPool` (`AllowUnauthenticatedIdentities` is
required; false when not written, as Terraform's default; tags from `IdentityPoolTags`)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping

TAG_PROPERTY = "IdentityPoolTags"

MAPPINGS = {
    "AWS::Cognito::IdentityPool": KindMapping("aws.cognito.identity_pool", (
        field("name", "IdentityPoolName"),
        field("allow_unauthenticated_identities", "AllowUnauthenticatedIdentities",
              default=False),
    )),
}
