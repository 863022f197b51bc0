"""Lambda functions (`aws_lambda_function`: the names of its environment variables, `[]`
when none, and `kms_key_arn`) and who may invoke them: `aws_lambda_function_url`
(`authorization_type` is required by the provider) and `aws_lambda_permission` (one
statement of the function's resource policy; `principal_org_id` and
`function_url_auth_type` as written)."""

from __future__ import annotations

from govern.adapters.building import field, key_names
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_lambda_function": KindMapping("aws.lambda.function", (
        field("function_name"),
        field("environment_variables", "environment.0.variables", function=key_names,
              default=[]),
        field("kms_key", "kms_key_arn"),
    )),
    "aws_lambda_function_url": KindMapping("aws.lambda.function_url", (
        field("function_name"),
        field("qualifier"),
        field("authorization_type"),
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
