"""Amazon Cognito: identity pools."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string

KINDS = (
    aws("aws.cognito.identity_pool", "Cognito identity pool (federated identities that "
        "receive AWS credentials)",
        string("name", "The identity pool's name: Terraform `identity_pool_name`, "
               "CloudFormation `IdentityPoolName`, live `IdentityPoolName`; absent when "
               "CloudFormation generates it."),
        boolean("allow_unauthenticated_identities", "Whether the pool gives identities "
                "(and the credentials of its unauthenticated role) to callers who have not "
                "signed in: Terraform `allow_unauthenticated_identities` (false when not "
                "written), CloudFormation `AllowUnauthenticatedIdentities` (required there; "
                "false when not written), live `AllowUnauthenticatedIdentities`.",
                default=False),
        tags_doc="Terraform `tags`, CloudFormation `IdentityPoolTags`, live "
                 "`IdentityPoolTags` of DescribeIdentityPool."),
)
