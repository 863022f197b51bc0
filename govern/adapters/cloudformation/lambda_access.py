"""Who may invoke a Lambda function: `AWS::Lambda::Url` (`AuthType` is required) and
`AWS::Lambda::Permission` (canonical names as in Terraform)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping

MAPPINGS = {
    "AWS::Lambda::Url": KindMapping("aws.lambda.function_url", (
        field("function_name", "TargetFunctionArn"),
        field("qualifier", "Qualifier"),
        field("authorization_type", "AuthType"),
    )),
    "AWS::Lambda::Permission": KindMapping("aws.lambda.permission", (
        field("function_name", "FunctionName"),
        field("action", "Action"),
        field("principal", "Principal"),
        field("source_arn", "SourceArn"),
        field("source_account", "SourceAccount"),
        field("principal_org_id", "PrincipalOrgID"),
        field("function_url_auth_type", "FunctionUrlAuthType"),
    )),
}
