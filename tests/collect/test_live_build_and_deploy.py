"""Build and deployment hardening on a live account (moto): ECR repositories (GOV-AWS-245
tag mutability, GOV-AWS-246 scan on push), CodeBuild projects (GOV-AWS-247 privileged
mode, GOV-AWS-248 S3 logs encryption) and Lambda functions (GOV-AWS-249 deprecated
runtime, GOV-AWS-250 code signing) and their URLs (GOV-AWS-252 open CORS), read as the
adapters read templates."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest

from tests.collect import world
from tests.collect.conftest import client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

OURS = {*(f"GOV-AWS-{number}" for number in range(245, 251)), "GOV-AWS-252"}
SIGNING = "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0"


def _repositories(endpoint: str) -> dict[str, str]:
    ecr = client(endpoint, "ecr")
    out = {}
    for role, extra in (
            ("default_repo", {}),
            ("hardened_repo", {"imageTagMutability": "IMMUTABLE",
                               "imageScanningConfiguration": {"scanOnPush": True}}),
            ("mutable_scanned_repo", {"imageTagMutability": "MUTABLE",
                                      "imageScanningConfiguration": {"scanOnPush": True}})):
        out[role] = ecr.create_repository(repositoryName=role.replace("_", "-"),
                                          **extra)["repository"]["repositoryArn"]
    return out


def _projects(endpoint: str) -> dict[str, str]:
    codebuild = client(endpoint, "codebuild")
    environment = {"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0",
                   "computeType": "BUILD_GENERAL1_SMALL"}
    out = {}
    for role, privileged, logs in (
            ("plain_project", False, None),
            ("privileged_project", True, None),
            ("encrypted_logs_project", False, {"status": "ENABLED",
                                               "location": "build-logs/encrypted"}),
            ("unencrypted_logs_project", False, {"status": "ENABLED",
                                                 "location": "build-logs/plain",
                                                 "encryptionDisabled": True}),
            ("logs_off_project", False, {"status": "DISABLED", "encryptionDisabled": True})):
        extra: dict[str, Any] = {"logsConfig": {"s3Logs": logs}} if logs else {}
        out[role] = codebuild.create_project(
            name=role, source={"type": "S3", "location": "sources/app.zip"},
            artifacts={"type": "NO_ARTIFACTS"},
            environment={**environment, "privilegedMode": privileged},
            serviceRole="arn:aws:iam::123456789012:role/build", **extra)["project"]["arn"]
    return out


def _functions(endpoint: str) -> dict[str, str]:
    role = client(endpoint, "iam").create_role(
        RoleName="deploy-hardening", AssumeRolePolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": []}))["Role"]["Arn"]
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.writestr("index.py", "def handler(event, context):\n    return 1\n")
    lam = client(endpoint, "lambda")
    out = {}
    for name, runtime, extra in (
            ("current_unsigned_fn", "python3.13", {}),
            ("current_signed_fn", "python3.13", {"CodeSigningConfigArn": SIGNING}),
            ("deprecated_signed_fn", "python3.8", {"CodeSigningConfigArn": SIGNING})):
        out[name] = lam.create_function(
            FunctionName=name.replace("_", "-"), Runtime=runtime, Role=role,
            Handler="index.handler", Code={"ZipFile": code.getvalue()},
            **extra)["FunctionArn"]
    for name, cors in (
            ("current_signed_fn", {"AllowOrigins": ["*"], "AllowMethods": ["*"]}),
            ("deprecated_signed_fn", {"AllowOrigins": ["*"], "AllowMethods": ["GET"]})):
        lam.create_function_url_config(FunctionName=name.replace("_", "-"),
                                       AuthType="AWS_IAM", Cors=cors)
        out[name.replace("_fn", "_url")] = f"{out[name]}/url"
    return out


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)  # a scan of the account sees only what this module made
    return {**_repositories(moto_endpoint), **_projects(moto_endpoint),
            **_functions(moto_endpoint)}


def test_the_settings_are_read_as_the_adapters_read_them(moto_endpoint: str,
                                                        made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    default = resources[made["default_repo"]].attributes
    assert (default["image_tag_mutability"], default["scan_on_push"]) == ("MUTABLE", False)
    hardened = resources[made["hardened_repo"]].attributes
    assert (hardened["image_tag_mutability"], hardened["scan_on_push"]) == ("IMMUTABLE", True)
    plain = resources[made["plain_project"]].attributes
    assert (plain["privileged_mode"], plain["s3_logs_status"],
            plain["s3_logs_encryption_disabled"]) == (False, "DISABLED", False)
    assert resources[made["privileged_project"]].attributes["privileged_mode"] is True
    logs = resources[made["unencrypted_logs_project"]].attributes
    assert (logs["s3_logs_status"], logs["s3_logs_encryption_disabled"]) == ("ENABLED", True)
    unsigned = resources[made["current_unsigned_fn"]].attributes
    assert (unsigned["package_type"], unsigned["runtime"]) == ("Zip", "python3.13")
    assert "code_signing_config_arn" not in unsigned
    signed = resources[made["deprecated_signed_fn"]].attributes
    assert (signed["runtime"], signed["code_signing_config_arn"]) == ("python3.8", SIGNING)
    url = resources[made["deprecated_signed_url"]].attributes
    assert (url["cors_allow_origins"], url["cors_allow_methods"]) == (["*"], ["GET"])


def test_each_resource_fails_exactly_the_rules_it_breaks(moto_endpoint: str,
                                                        made: dict[str, str]) -> None:
    failed = {(rule, role) for rule, role, status in statuses(scan(moto_endpoint), made)
              if rule in OURS and status == "fail"}
    assert failed == {
        ("GOV-AWS-245", "default_repo"), ("GOV-AWS-246", "default_repo"),
        ("GOV-AWS-245", "mutable_scanned_repo"),
        ("GOV-AWS-247", "privileged_project"),
        ("GOV-AWS-248", "unencrypted_logs_project"),
        ("GOV-AWS-250", "current_unsigned_fn"),
        ("GOV-AWS-249", "deprecated_signed_fn"),
        ("GOV-AWS-252", "current_signed_url")}


def test_an_unreadable_code_signing_configuration_is_unknown(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "lambda.GetFunctionCodeSigningConfig")
    found = {(rule, role, status) for rule, role, status in statuses(
        scan(moto_endpoint, partial=True), made) if rule == "GOV-AWS-250"}
    assert found == {("GOV-AWS-250", role, "unknown")
                     for role in ("current_unsigned_fn", "current_signed_fn",
                                  "deprecated_signed_fn")}

