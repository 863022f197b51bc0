"""Lambda functions on a live account (moto): read as `aws.lambda.function` with the names
(never the values) of their environment variables, their key and tags, and judged by
GOV-AWS-202."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from tests.collect import world
from tests.collect.conftest import client
from tests.collect.live_scan import read, scan, statuses

SECRET = "s3cr3t-value-never-read"


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)  # a scan of the account sees only what this module made
    role = client(moto_endpoint, "iam").create_role(
        RoleName="env-keys", AssumeRolePolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": []}))["Role"]["Arn"]
    key = client(moto_endpoint, "kms").create_key(Description="functions")["KeyMetadata"]
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.writestr("index.py", "def handler(event, context):\n    return 1\n")
    lam = client(moto_endpoint, "lambda")
    out = {}
    for role_name, extra in (
            ("default_key_fn", {"Environment": {"Variables": {"TOKEN": SECRET}}}),
            ("cmk_fn", {"Environment": {"Variables": {"TOKEN": SECRET}},
                        "KMSKeyArn": key["Arn"]}),
            ("bare_fn", {"Tags": {"owner": "platform"}})):
        out[role_name] = lam.create_function(
            FunctionName=f"env-{role_name}", Runtime="python3.12", Role=role,
            Handler="index.handler", Code={"ZipFile": code.getvalue()},
            **extra)["FunctionArn"]
    out["key"] = key["Arn"]
    return out


def test_functions_are_read_without_the_values_of_their_variables(
        moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    default = resources[made["default_key_fn"]]
    assert default.kind == "aws.lambda.function"
    assert default.attributes["environment_variables"] == ["TOKEN"]
    assert "kms_key" not in default.attributes
    assert SECRET not in json.dumps(default.attributes, default=str)
    assert resources[made["cmk_fn"]].attributes["kms_key"] == made["key"]
    bare = resources[made["bare_fn"]].attributes
    assert (bare["environment_variables"], bare["tags"]) == ([], {"owner": "platform"})


def test_only_variables_under_the_aws_managed_key_fail(moto_endpoint: str,
                                                      made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in statuses(scan(moto_endpoint), made)
             if rule == "GOV-AWS-202"}
    assert found == {("GOV-AWS-202", "default_key_fn", "fail")}
