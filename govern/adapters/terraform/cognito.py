"""Amazon Cognito: `aws_cognito_identity_pool` (`allow_unauthenticated_identities` false
when not written, the provider's default)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_cognito_identity_pool": KindMapping("aws.cognito.identity_pool", (
        field("name", "identity_pool_name"),
        field("allow_unauthenticated_identities", default=False),
    )),
}
