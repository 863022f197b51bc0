"""Lambda functions (`AWS::Lambda::Function`: the names of `Environment.Variables`, `[]`
when none, `KmsKeyArn`, `PackageType` (`Zip` when not written), `Runtime` and
`CodeSigningConfigArn`) and who may invoke them: `AWS::Lambda::Url` (`AuthType` is
required; `Cors` origins and methods as written) and `AWS::Lambda::Permission`
(canonical names as in Terraform)."""

from __future__ import annotations

from govern.adapters.building import field, key_names
from govern.adapters.cloudformation.building import KindMapping

MAPPINGS = {
    "AWS::Lambda::Function": KindMapping("aws.lambda.function", (
        field("function_name", "FunctionName"),
        field("environment_variables", "Environment.Variables", function=key_names,
              default=[]),
        field("kms_key", "KmsKeyArn"),
        field("package_type", "PackageType", default="Zip"),
        field("runtime", "Runtime"),
        field("code_signing_config_arn", "CodeSigningConfigArn"),
    )),
    "AWS::Lambda::Url": KindMapping("aws.lambda.function_url", (
        field("function_name", "TargetFunctionArn"),
        field("qualifier", "Qualifier"),
        field("authorization_type", "AuthType"),
        field("cors_allow_origins", "Cors.AllowOrigins"),
        field("cors_allow_methods", "Cors.AllowMethods"),
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
