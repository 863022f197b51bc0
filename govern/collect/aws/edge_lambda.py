"""Lambda functions (ListFunctions, ListTags, GetFunctionCodeSigningConfig) as
`aws.lambda.function`: the names of their environment variables, the KMS key that encrypts
them, their package type and runtime, and their code signing configuration. Who may invoke
a function: its function URLs (ListFunctionUrlConfigs) as `aws.lambda.function_url`, and
each statement of its resource policy (GetPolicy) as one `aws.lambda.permission`, with the
attributes Terraform's `aws_lambda_permission` has (the principal as given to
AddPermission: an account id for an account's root, the service name for a service; the
restrictions from the conditions).

Neither has an ARN of its own: a URL is `<function ARN>/url` (the function ARN with the
URL's qualifier, if any), a statement `<function ARN>/permission/<Sid>`. The policies of
aliases and versions are not read (only the unqualified function's)."""

from __future__ import annotations

import json
import re
from typing import Any

from govern.collect.aws.paging import listed, marker_pages
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_maybe_absent, set_optional, set_tags, string_tags
from govern.model.resource import Resource

GONE = frozenset({"ResourceNotFoundException"})
# an emulator without the operation answers a bare HTTP 404 (AWS always gives a code)
NO_SUCH_ROUTE = frozenset({"404"})
ACCOUNT_ROOT = re.compile(r"^arn:aws[a-z-]*:iam::(\d{12}):root$")
# condition key (lower case) -> canonical attribute, as AddPermission writes them
CONDITIONS = {"aws:sourcearn": "source_arn", "aws:sourceaccount": "source_account",
              "aws:principalorgid": "principal_org_id",
              "lambda:functionurlauthtype": "function_url_auth_type"}


def lambda_access(lam: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    listing = listed(reader.pages(lam, "ListFunctions", region, "Functions"))
    found: list[Resource] = []
    for function in listing:
        found.append(_function(lam, reader, account, region, function))
        found.extend(_function_urls(lam, reader, account, region, function))
        found.extend(_permissions(lam, reader, account, region, function))
    return found


def _function(lam: Any, reader: Reader, account: str, region: str,
              function: dict[str, Any]) -> Resource:
    """`function_name`, `environment_variables` (names only), `kms_key` (absent: the AWS
    managed key), `package_type`, `runtime` (absent for a container image),
    `code_signing_config_arn` and `tags`."""
    arn = function["FunctionArn"]
    found = live_resource(arn, "aws.lambda.function", "AWS::Lambda::Function", account,
                          region)
    found.set("function_name", function["FunctionName"])
    variables = (function.get("Environment") or {}).get("Variables") or {}
    found.set("environment_variables", sorted(str(name) for name in variables))
    set_optional(found, "kms_key", function.get("KMSKeyArn"))
    found.set("package_type", function.get("PackageType") or "Zip")
    set_optional(found, "runtime", function.get("Runtime"))
    _code_signing(lam, reader, found, arn)
    set_tags(found, reader.call(lam, "ListTags", arn, GONE, Resource=arn),
             lambda answer: string_tags(answer.get("Tags")))
    return found


def _code_signing(lam: Any, reader: Reader, found: Resource, arn: str) -> None:
    """`code_signing_config_arn` (GetFunctionCodeSigningConfig): absent when the function
    has none (an empty answer), maybe absent when it cannot be read."""
    answer = reader.call(lam, "GetFunctionCodeSigningConfig", arn, GONE, FunctionName=arn)
    if isinstance(answer, Failed):
        set_maybe_absent(found, answer.unknown, "code_signing_config_arn")
    elif answer is not None:
        set_optional(found, "code_signing_config_arn", answer.get("CodeSigningConfigArn"))


def _function_urls(lam: Any, reader: Reader, account: str, region: str,
                   function: dict[str, Any]) -> list[Resource]:
    arn = function["FunctionArn"]
    configs = marker_pages(reader, lam, "ListFunctionUrlConfigs", arn, ("FunctionUrlConfigs",),
                           ("Marker", ("NextMarker",)), GONE | NO_SUCH_ROUTE,
                           FunctionName=arn)
    if isinstance(configs, Failed):
        return []
    if configs is None:  # no listing (moto): the unqualified function's URL only
        single = reader.call(lam, "GetFunctionUrlConfig", arn, GONE, FunctionName=arn)
        configs = [single] if isinstance(single, dict) else []
    found = []
    for config in configs:
        target = config.get("FunctionArn") or arn
        url = live_resource(f"{target}/url", "aws.lambda.function_url", "AWS::Lambda::Url",
                            account, region)
        url.set("function_name", function["FunctionName"])
        set_optional(url, "qualifier", _qualifier(target))
        url.set("authorization_type", config.get("AuthType"))
        cors = config.get("Cors") or {}
        set_optional(url, "cors_allow_origins", cors.get("AllowOrigins"))
        set_optional(url, "cors_allow_methods", cors.get("AllowMethods"))
        found.append(url)
    return found


def _qualifier(function_arn: str) -> str | None:
    """`live` of `arn:aws:lambda:<region>:<account>:function:<name>:live`."""
    parts = function_arn.split(":")
    return parts[7] if len(parts) > 7 else None


def _permissions(lam: Any, reader: Reader, account: str, region: str,
                 function: dict[str, Any]) -> list[Resource]:
    arn = function["FunctionArn"]
    answer = reader.call(lam, "GetPolicy", arn, GONE, FunctionName=arn)
    if not isinstance(answer, dict):  # no policy, or unreadable (reported as a warning)
        return []
    found = []
    for index, statement in enumerate(_statements(answer.get("Policy"))):
        if not isinstance(statement, dict) or statement.get("Effect", "Allow") != "Allow":
            continue
        sid = statement.get("Sid") or str(index)
        permission = live_resource(f"{arn}/permission/{sid}", "aws.lambda.permission",
                                   "AWS::Lambda::Permission", account, region)
        permission.set("function_name", function["FunctionName"])
        set_optional(permission, "action", _single(statement.get("Action")))
        set_optional(permission, "principal", _principal(statement.get("Principal")))
        for path, value in _restrictions(statement).items():
            permission.set(path, value)
        found.append(permission)
    return found


def _statements(policy: Any) -> list[Any]:
    try:
        document = json.loads(policy) if isinstance(policy, str) else {}
    except ValueError:
        return []
    statements = document.get("Statement", []) if isinstance(document, dict) else []
    return statements if isinstance(statements, list) else [statements]


def _principal(principal: Any) -> Any:
    """As AddPermission's `Principal`: `*`, a service name, an account id (for an
    account's root, which the policy holds as an ARN) or an IAM ARN."""
    if isinstance(principal, dict):
        principal = principal.get("Service", principal.get("AWS"))
    principal = _single(principal)
    if isinstance(principal, str) and (root := ACCOUNT_ROOT.match(principal)):
        return root.group(1)
    return principal


def _single(value: Any) -> Any:
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def _restrictions(statement: dict[str, Any]) -> dict[str, Any]:
    """`source_arn`, `source_account`, `principal_org_id` and `function_url_auth_type`
    from the statement's conditions (whatever their operator; moto puts the URL auth type
    beside them), the ones that are set."""
    found: dict[str, Any] = {}
    if statement.get("FunctionUrlAuthType"):
        found["function_url_auth_type"] = statement["FunctionUrlAuthType"]
    conditions = statement.get("Condition")
    for operands in (conditions.values() if isinstance(conditions, dict) else ()):
        for key, value in (operands.items() if isinstance(operands, dict) else ()):
            canonical = CONDITIONS.get(str(key).lower())
            if canonical:
                found[canonical] = _single(value)
    return found
