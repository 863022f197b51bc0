"""Lambda functions (`AWS::Lambda::Function`: the names of `Environment.Variables`, `[]`
when none, and `KmsKeyArn`) and who may invoke them: `AWS::Lambda::Url` (`AuthType` is
required) and `AWS::Lambda::Permission` (canonical names as in Terraform)."""

from __future__ import annotations

from govern.adapters.building import field, key_names
from govern.adapters.cloudformation.building import KindMapping

MAPPINGS = {
    "AWS::Lambda::Function": KindMapping("aws.lambda.function", (
        field("function_name", "FunctionName"),
        field("environment_variables", "Environment.Variables", function=key_names,
              default=[]),
        field("kms_key", "KmsKeyArn"),
    )),
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
