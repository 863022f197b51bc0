"""Secrets Manager secrets, CodeBuild projects, Athena workgroups, the Glue Data Catalog
encryption settings, SageMaker notebook instances, the IAM password policy and AMI launch
permissions read from moto (govern/collect/aws/platform*.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner

from govern.cli import cli
from govern.collect.aws.collector import collect
from govern.collect.aws.options import AwsOptions
from govern.collect.aws.platform import _codebuild_projects, _secret_key
from govern.collect.aws.reader import Reader
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls

OTHER = "eu-west-1"
TAGS = world.TAGS
ROLE = f"arn:aws:iam::{ACCOUNT}:role/platform"
POLICY = f"arn:aws:iam::{ACCOUNT}:account-password-policy"
CATALOG_US = f"arn:aws:glue:{REGION}:{ACCOUNT}:catalog"
CATALOG_EU = f"arn:aws:glue:{OTHER}:{ACCOUNT}:catalog"
STRICT_POLICY = {"MinimumPasswordLength": 14, "PasswordReusePrevention": 24,
                 "RequireSymbols": True, "RequireNumbers": True,
                 "RequireUppercaseCharacters": True, "RequireLowercaseCharacters": True,
                 "MaxPasswordAge": 90}
# uppercase, lowercase, number and symbol required; passwords expire within 90 days
PASSWORD_RULES = ("GOV-AWS-076", "GOV-AWS-077", "GOV-AWS-078", "GOV-AWS-079", "GOV-AWS-080")


def _secrets(endpoint: str, key: str) -> dict[str, str]:
    secrets = client(endpoint, "secretsmanager")
    good = secrets.create_secret(Name="platform/good", SecretString="s", KmsKeyId=key,
                                 Tags=TAGS)["ARN"]
    bad = secrets.create_secret(Name="platform/bad", SecretString="s")["ARN"]
    return {"good_secret": good, "bad_secret": bad}


def _codebuild(endpoint: str) -> dict[str, str]:
    codebuild = client(endpoint, "codebuild")
    environment = {"type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0",
                   "computeType": "BUILD_GENERAL1_SMALL"}

    def project(name: str, artifacts: dict[str, Any], tags: list[dict[str, str]]) -> str:
        made = codebuild.create_project(
            name=name, source={"type": "S3", "location": "sources/app.zip"},
            artifacts=artifacts, environment=environment, serviceRole=ROLE, tags=tags)
        return str(made["project"]["arn"])

    lower = [{"key": t["Key"], "value": t["Value"]} for t in TAGS]
    return {"good_project": project("good", {"type": "S3", "location": "out"}, lower),
            "bad_project": project("bad", {"type": "S3", "location": "out",
                                           "encryptionDisabled": True}, []),
            "no_artifacts_project": project("none", {"type": "NO_ARTIFACTS",
                                                     "encryptionDisabled": True}, lower)}


def _athena(endpoint: str, key: str) -> dict[str, str]:
    athena = client(endpoint, "athena")
    encrypted = {"OutputLocation": "s3://results/",
                 "EncryptionConfiguration": {"EncryptionOption": "SSE_KMS", "KmsKey": key}}
    athena.create_work_group(Name="good", Tags=TAGS,
                             Configuration={"ResultConfiguration": encrypted})
    athena.create_work_group(Name="bad", Configuration={
        "ResultConfiguration": {"OutputLocation": "s3://results/"}})
    prefix = f"arn:aws:athena:{REGION}:{ACCOUNT}:workgroup/"
    return {"good_workgroup": prefix + "good", "bad_workgroup": prefix + "bad"}


def _glue(endpoint: str, key: str) -> dict[str, str]:
    """Encrypted in us-east-1; eu-west-1 keeps the defaults (DISABLED, false)."""
    client(endpoint, "glue").put_data_catalog_encryption_settings(
        DataCatalogEncryptionSettings={
            "EncryptionAtRest": {"CatalogEncryptionMode": "SSE-KMS", "SseAwsKmsKeyId": key},
            "ConnectionPasswordEncryption": {"ReturnConnectionPasswordEncrypted": True,
                                             "AwsKmsKeyId": key}})
    return {"good_catalog": CATALOG_US, "bad_catalog": CATALOG_EU}


def _notebooks(endpoint: str, key: str) -> dict[str, str]:
    sagemaker = client(endpoint, "sagemaker")
    good = sagemaker.create_notebook_instance(
        NotebookInstanceName="good", InstanceType="ml.t3.medium", RoleArn=ROLE,
        KmsKeyId=key, DirectInternetAccess="Disabled", SubnetId="subnet-12345678",
        SecurityGroupIds=["sg-12345678"], Tags=TAGS)["NotebookInstanceArn"]
    bad = sagemaker.create_notebook_instance(
        NotebookInstanceName="bad", InstanceType="ml.t3.medium",
        RoleArn=ROLE)["NotebookInstanceArn"]
    return {"good_notebook": good, "bad_notebook": bad}


def _shared_image(endpoint: str) -> dict[str, str]:
    ec2 = client(endpoint, "ec2")
    base = ec2.describe_images()["Images"][0]["ImageId"]
    instance = ec2.run_instances(ImageId=base, MinCount=1, MaxCount=1)["Instances"][0]
    image = ec2.create_image(InstanceId=instance["InstanceId"], Name="shared")["ImageId"]
    ec2.modify_image_attribute(ImageId=image, LaunchPermission={
        "Add": [{"Group": "all"}, {"UserId": "210987654321"}]})
    prefix = f"arn:aws:ec2:{REGION}:{ACCOUNT}:image/{image}/launch-permission/"
    return {"image": image, "public_permission": prefix + "group/all",
            "account_permission": prefix + "account/210987654321"}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    key = client(moto_endpoint, "kms").create_key()["KeyMetadata"]["Arn"]
    return {**_secrets(moto_endpoint, key), **_codebuild(moto_endpoint),
            **_athena(moto_endpoint, key), **_glue(moto_endpoint, key),
            **_notebooks(moto_endpoint, key), **_shared_image(moto_endpoint),
            "policy": POLICY}


def scan(endpoint: str, *regions: str) -> dict[str, Any]:
    args = [arg for region in regions or (REGION,) for arg in ("--region", region)]
    result = CliRunner().invoke(cli, ["scan", "--aws", "--endpoint-url", endpoint,
                                      "--format", "json", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    assert result.exit_code in (0, 1), result.output
    doc: dict[str, Any] = json.loads(result.output)
    return doc


def statuses(doc: dict[str, Any], addresses: set[str]) -> set[tuple[str, str, str]]:
    return {(f["rule_id"], f["resource"]["address"], f["status"]) for f in doc["findings"]
            if f["resource"]["address"] in addresses}


def test_each_kind_fails_exactly_the_rules_it_breaks(moto_endpoint: str,
                                                     made: dict[str, str]) -> None:
    doc = scan(moto_endpoint, REGION, OTHER)
    fail = "fail"
    assert statuses(doc, set(made.values())) == {
        ("GOV-AWS-038", made["bad_secret"], fail), ("GOV-AWS-015", made["bad_secret"], fail),
        # neither secret is rotated (tests/collect/test_upgrades_and_containers.py has one)
        ("GOV-AWS-263", made["good_secret"], fail), ("GOV-AWS-263", made["bad_secret"], fail),
        ("GOV-AWS-040", made["bad_project"], fail),
        ("GOV-AWS-015", made["bad_project"], fail),
        ("GOV-AWS-043", made["bad_workgroup"], fail),
        ("GOV-AWS-015", made["bad_workgroup"], fail),
        ("GOV-AWS-045", made["bad_catalog"], fail), ("GOV-AWS-046", made["bad_catalog"], fail),
        ("GOV-AWS-035", made["bad_notebook"], fail),
        ("GOV-AWS-036", made["bad_notebook"], fail),
        ("GOV-AWS-015", made["bad_notebook"], fail),
        ("GOV-AWS-070", made["public_permission"], fail),
        # no password policy in the account: AWS's default one (8 characters, reuse allowed,
        # no character type required alone, no expiry)
        ("GOV-AWS-063", POLICY, fail), ("GOV-AWS-064", POLICY, fail),
        *((rule, POLICY, fail) for rule in PASSWORD_RULES),
        # artifacts under an AWS managed key, not a customer managed one
        ("GOV-AWS-116", made["good_project"], fail), ("GOV-AWS-116", made["bad_project"], fail)}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    secret = resources[made["good_secret"]]
    assert (secret.kind, secret.source_format, secret.context) == (
        "aws.secretsmanager.secret", "aws-live", f"aws:{ACCOUNT}:{REGION}")
    assert secret.attributes["name"] == "platform/good"
    assert secret.attributes["kms_key"].startswith(f"arn:aws:kms:{REGION}:{ACCOUNT}:key/")
    assert "kms_key" not in resources[made["bad_secret"]].attributes
    assert resources[made["bad_project"]].attributes == {
        "name": "bad", "artifacts_type": "S3", "artifacts_encryption_disabled": True,
        "kms_key": f"arn:aws:kms:{REGION}:{ACCOUNT}:alias/aws/s3", "privileged_mode": False,
        "s3_logs_status": "DISABLED", "s3_logs_encryption_disabled": False, "tags": {}}
    assert resources[made["good_workgroup"]].attributes["result_encryption_option"] == \
        "SSE_KMS"
    assert resources[made["bad_workgroup"]].attributes == {
        "name": "bad", "enforce_workgroup_configuration": True, "tags": {}}
    assert resources[made["good_catalog"]].attributes["catalog_encryption_mode"] == "SSE-KMS"
    assert resources[made["bad_notebook"]].attributes == {
        "name": "bad", "direct_internet_access": "Enabled", "root_access": "Enabled",
        "tags": {}}
    assert resources[made["good_notebook"]].attributes["tags"] == {
        t["Key"]: t["Value"] for t in TAGS}
    assert resources[made["account_permission"]].attributes == {
        "image_id": made["image"], "account_id": "210987654321"}
    policy = resources[POLICY]
    assert (policy.kind, policy.context) == ("aws.iam.password_policy",
                                             f"aws:{ACCOUNT}:global")
    assert policy.attributes == {  # AWS's default policy
        "minimum_password_length": 8, "require_lowercase_characters": False,
        "require_uppercase_characters": False, "require_numbers": False,
        "require_symbols": False}


def read(endpoint: str) -> dict[str, Resource]:
    graph, _ = collect(AwsOptions(regions=(REGION,), endpoint_url=endpoint))
    return {r.id: r for r in graph}


@pytest.fixture
def password_policy(moto_endpoint: str, made: dict[str, str]) -> Iterator[Any]:
    iam = client(moto_endpoint, "iam")
    yield iam
    iam.delete_account_password_policy()


def test_a_custom_password_policy_is_read(moto_endpoint: str, made: dict[str, str],
                                          password_policy: Any) -> None:
    password_policy.update_account_password_policy(**STRICT_POLICY)
    assert read(moto_endpoint)[POLICY].attributes == {
        "minimum_password_length": 14, "password_reuse_prevention": 24,
        "max_password_age": 90, "require_lowercase_characters": True,
        "require_uppercase_characters": True, "require_numbers": True,
        "require_symbols": True}
    assert statuses(scan(moto_endpoint), {POLICY}) == set()
    password_policy.update_account_password_policy(MinimumPasswordLength=14)
    assert statuses(scan(moto_endpoint), {POLICY}) == {
        ("GOV-AWS-064", POLICY, "fail"), *((rule, POLICY, "fail") for rule in PASSWORD_RULES)}
    password_policy.update_account_password_policy(**{**STRICT_POLICY, "MaxPasswordAge": 91})
    assert statuses(scan(moto_endpoint), {POLICY}) == {("GOV-AWS-080", POLICY, "fail")}


class _Kms:
    """A KMS client that says every key is AWS managed."""

    def __init__(self) -> None:
        self.described: list[str] = []

    def describe_key(self, KeyId: str) -> dict[str, Any]:
        self.described.append(KeyId)
        return {"KeyMetadata": {"KeyId": KeyId, "KeyManager": "AWS"}}


def test_a_secret_key_that_kms_says_is_aws_managed_is_the_managed_alias() -> None:
    """moto answers KeyManager CUSTOMER even for `alias/aws/secretsmanager`."""
    kms, cache = _Kms(), {}  # type: ignore[var-annotated]
    key = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    assert _secret_key(kms, Reader(), key, cache) == "alias/aws/secretsmanager"
    assert _secret_key(kms, Reader(), key, cache) == "alias/aws/secretsmanager"
    assert _secret_key(kms, Reader(), "alias/aws/secretsmanager", cache) == \
        "alias/aws/secretsmanager"
    assert kms.described == [key]  # once per key, and not for an AWS managed alias


class _CodeBuild:
    """ListProjects answering `count` names; BatchGetProjects recording its batches."""

    def __init__(self, count: int) -> None:
        self.names = [f"p{i}" for i in range(count)]
        self.batches: list[int] = []

    def get_paginator(self, operation: str) -> _CodeBuild:
        return self

    def paginate(self, **_: Any) -> Iterator[dict[str, Any]]:
        yield {"projects": self.names}

    def batch_get_projects(self, names: list[str]) -> dict[str, Any]:
        self.batches.append(len(names))
        return {"projects": [{"name": n, "artifacts": {"type": "NO_ARTIFACTS"}}
                             for n in names]}


def test_codebuild_projects_are_read_in_batches_of_100() -> None:
    codebuild = _CodeBuild(230)
    projects = _codebuild_projects(codebuild, Reader(), ACCOUNT, REGION)
    assert codebuild.batches == [100, 100, 30]
    assert len(projects) == 230
    assert projects[0].id == f"arn:aws:codebuild:{REGION}:{ACCOUNT}:project/p0"


DENIED = ("GetAccountPasswordPolicy", "GetDataCatalogEncryptionSettings", "GetWorkGroup",
          "DescribeNotebookInstance", "BatchGetProjects", "DescribeImageAttribute",
          "DescribeKey")


def test_access_denied_makes_the_values_unknown_not_a_pass(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, *(f"*.{operation}" for operation in DENIED))
    graph, notices = collect(AwsOptions(regions=(REGION,), endpoint_url=moto_endpoint))
    resources = {r.id: r for r in graph}
    denied = Unknown("access denied: GetAccountPasswordPolicy")
    maybe = Unknown(denied.reason, alternatives=(denied, None))  # a value or absent
    assert resources[POLICY].attributes == {
        "minimum_password_length": denied, "password_reuse_prevention": maybe,
        "max_password_age": maybe, "require_lowercase_characters": denied,
        "require_uppercase_characters": denied, "require_numbers": denied,
        "require_symbols": denied}
    assert resources[made["good_secret"]].attributes["kms_key"] == Unknown(
        "access denied: DescribeKey")
    assert resources[CATALOG_US].attributes["catalog_encryption_mode"] == Unknown(
        "access denied: GetDataCatalogEncryptionSettings")
    unread_image = f"arn:aws:ec2:{REGION}:{ACCOUNT}:image/{made['image']}/launch-permission"
    assert resources[unread_image].attributes["group"] == Unknown(
        "access denied: DescribeImageAttribute")
    warnings = {n.message.split(" (")[0] for n in notices if n.level == "warning"}
    assert {f"access denied: {operation}" for operation in DENIED} <= warnings
    hints = {n.hint for n in notices if n.level == "warning"}
    assert "grant iam:GetAccountPasswordPolicy to the scanning role (docs/live-aws.md)" \
        in hints
    ours = {made["good_secret"], made["good_project"], made["good_workgroup"],
            made["good_notebook"], CATALOG_US, POLICY, unread_image}
    assert statuses(scan(moto_endpoint), ours) == {
        ("GOV-AWS-038", made["good_secret"], "unknown"),
        ("GOV-AWS-263", made["good_secret"], "fail"),  # ListSecrets answered
        ("GOV-AWS-040", made["good_project"], "unknown"),
        ("GOV-AWS-116", made["good_project"], "unknown"),
        ("GOV-AWS-015", made["good_project"], "unknown"),
        ("GOV-AWS-247", made["good_project"], "unknown"),
        ("GOV-AWS-248", made["good_project"], "unknown"),
        ("GOV-AWS-043", made["good_workgroup"], "unknown"),
        ("GOV-AWS-122", made["good_workgroup"], "unknown"),
        ("GOV-AWS-035", made["good_notebook"], "unknown"),
        ("GOV-AWS-036", made["good_notebook"], "unknown"),
        ("GOV-AWS-045", CATALOG_US, "unknown"), ("GOV-AWS-046", CATALOG_US, "unknown"),
        ("GOV-AWS-063", POLICY, "unknown"), ("GOV-AWS-064", POLICY, "unknown"),
        *((rule, POLICY, "unknown") for rule in PASSWORD_RULES),
        ("GOV-AWS-070", unread_image, "unknown")}
