"""AWS Lambda: functions, function URLs and permissions."""

from __future__ import annotations

from govern.kinds.declare import aws, string, strings

KINDS = (
    aws("aws.lambda.function", "Lambda function",
        string("function_name", "The function's name (`function_name`, CloudFormation "
               "`FunctionName`); absent when CloudFormation generates it."),
        strings("environment_variables", "The names of the function's environment "
                "variables (`environment.variables`, CloudFormation "
                "`Environment.Variables`; the values are not kept); `[]` when none is "
                "written. Unknown when the map is not known statically.", default=[]),
        string("kms_key", "The KMS key that encrypts the environment variables at rest "
               "(`kms_key_arn`, CloudFormation and live `KMSKeyArn`); absent: the AWS "
               "managed key `aws/lambda`."),
        string("package_type", "How the code is deployed: a .zip archive run by a Lambda "
               "runtime or a container image (`package_type`, CloudFormation and live "
               "`PackageType`); `Zip` when not written.", default="Zip",
               values=("Zip", "Image")),
        string("runtime", "The runtime identifier of a .zip function, e.g. `python3.12` "
               "(`runtime`, CloudFormation and live `Runtime`); absent for a container "
               "image, which brings its own."),
        string("code_signing_config_arn", "The code signing configuration that validates "
               "the code deployed (`code_signing_config_arn`, CloudFormation "
               "`CodeSigningConfigArn`, live GetFunctionCodeSigningConfig); absent: none, "
               "unsigned code is deployed without a check.")),
    aws("aws.lambda.function_url", "Lambda function URL",
        string("function_name", "The function, by name or ARN as written: Terraform "
               "`function_name`, CloudFormation `TargetFunctionArn`; live, the function's "
               "name (the URL's id is `<function ARN>/url`)."),
        string("qualifier", "The alias (or `$LATEST`) the URL belongs to (CloudFormation "
               "`Qualifier`; live, from the function ARN); absent: the unqualified "
               "function."),
        string("authorization_type", "Who may call the URL: `NONE` (anyone, no "
               "authentication) or `AWS_IAM`. Terraform `authorization_type`, "
               "CloudFormation and live `AuthType`; required.",
               values=("NONE", "AWS_IAM")),
        strings("cors_allow_origins", "The origins whose web pages browsers let call the URL "
                "and read its answers, `*` for any (Terraform `cors.allow_origins`, "
                "CloudFormation and live `Cors.AllowOrigins`); absent: no CORS "
                "configuration, browsers allow no other origin."),
        strings("cors_allow_methods", "The HTTP methods those pages may use, `*` for any "
                "(Terraform `cors.allow_methods`, CloudFormation and live "
                "`Cors.AllowMethods`); absent when not written."),
        taggable=False),
    aws("aws.lambda.permission", "Lambda permission (one statement of a function's "
        "resource policy)",
        string("function_name", "The function, by name, ARN or partial ARN as written "
               "(CloudFormation `FunctionName`); live, the function's name (one permission "
               "per `Allow` statement of the unqualified function's policy, id "
               "`<function ARN>/permission/<Sid>`)."),
        string("action", "The action allowed, e.g. `lambda:InvokeFunction` (CloudFormation "
               "`Action`)."),
        string("principal", "Who is allowed: `*`, a service (`s3.amazonaws.com`), an "
               "account id or an IAM ARN (CloudFormation `Principal`); live, as given to "
               "AddPermission (an account id for an account's root)."),
        string("source_arn", "The only resource that may invoke (CloudFormation "
               "`SourceArn`; live, the `aws:SourceArn` condition)."),
        string("source_account", "The only account whose resources may invoke "
               "(CloudFormation `SourceAccount`; live, the `aws:SourceAccount` "
               "condition)."),
        string("principal_org_id", "The only organization whose principals may invoke "
               "(CloudFormation `PrincipalOrgID`; live, the `aws:PrincipalOrgID` "
               "condition)."),
        string("function_url_auth_type", "For `lambda:InvokeFunctionUrl`, the function URL "
               "auth type the permission applies to (CloudFormation `FunctionUrlAuthType`; "
               "live, the `lambda:FunctionUrlAuthType` condition). Like every attribute "
               "of a permission: as written, absent when not.",
               values=("NONE", "AWS_IAM")),
        taggable=False),
)
