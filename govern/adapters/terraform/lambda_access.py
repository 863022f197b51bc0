"""Lambda functions (`aws_lambda_function`: the names of its environment variables, `[]`
when none, `kms_key_arn`, `package_type` (`Zip` when not written), `runtime` and
`code_signing_config_arn`) and who may invoke them: `aws_lambda_function_url`
(`authorization_type` is required by the provider; `cors` origins and methods as
written) and `aws_lambda_permission` (one statement of the function's resource policy;
`principal_org_id` and `function_url_auth_type` as written)."""

from __future__ import annotations

from govern.adapters.building import field, key_names
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_lambda_function": KindMapping("aws.lambda.function", (
        field("function_name"),
        field("environment_variables", "environment.0.variables", function=key_names,
              default=[]),
        field("kms_key", "kms_key_arn"),
        field("package_type", default="Zip"),
        field("runtime"),
        field("code_signing_config_arn"),
    )),
    "aws_lambda_function_url": KindMapping("aws.lambda.function_url", (
        field("function_name"),
        field("qualifier"),
        field("authorization_type"),
        field("cors_allow_origins", "cors.0.allow_origins"),
        field("cors_allow_methods", "cors.0.allow_methods"),
    )),
    "aws_lambda_permission": KindMapping("aws.lambda.permission", (
        field("function_name"),
        field("action"),
        field("principal"),
        field("source_arn"),
        field("source_account"),
        field("principal_org_id"),
        field("function_url_auth_type"),
    )),
}
