"""`govern scan --aws` against moto on 127.0.0.1: findings by ARN, SARIF, inventory
round trip, access denied as unknown, and parity with the Terraform adapter."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from govern.cli import cli
from tests.collect import world
from tests.collect.events import deny_calls
from tests.conftest import REPO

SCHEMA = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
Hits = set[tuple[str, str]]


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    return world.build(moto_endpoint)


def scan(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["scan", *args])
    return result.exit_code, result.output


def hits(output: str, status: str = "fail") -> Hits:
    return {(f["rule_id"], f["resource"]["address"]) for f in json.loads(output)["findings"]
            if f["status"] == status}


# what even the good bucket lacks: versioning and MFA delete (which only the root user
# can turn on)
UNVERSIONED = ("GOV-AWS-189", "GOV-AWS-265")


def expected(made: dict[str, str]) -> Hits:
    bad, bad_sg, default_sg = made["bad_bucket"], made["bad_sg"], made["default_sg"]
    return {("GOV-AWS-001", bad), ("GOV-AWS-002", bad), ("GOV-AWS-004", bad),
            ("GOV-AWS-015", bad), ("GOV-AWS-155", bad), ("GOV-AWS-156", bad),
            ("GOV-AWS-162", bad),
            ("GOV-AWS-005", bad_sg), ("GOV-AWS-015", bad_sg), ("GOV-AWS-015", default_sg),
            *((rule, bucket) for rule in UNVERSIONED
              for bucket in (bad, made["good_bucket"]))}


def test_reports_exactly_the_non_compliant_resources_by_arn(moto_endpoint: str,
                                                            made: dict[str, str]) -> None:
    code, output = scan("--aws", "--endpoint-url", moto_endpoint, "--format", "json")
    assert code == 1
    assert hits(output) == expected(made)
    assert hits(output, "unknown") == set()


def test_sarif_has_the_arn_as_logical_location_and_no_physical_location(
        moto_endpoint: str, made: dict[str, str]) -> None:
    code, output = scan("--aws", "--endpoint-url", moto_endpoint, "--format", "sarif")
    assert code == 1
    doc = json.loads(output)
    jsonschema.Draft7Validator(SCHEMA).validate(doc)
    found = set()
    for result in doc["runs"][0]["results"]:
        location = result["locations"][0]
        assert "physicalLocation" not in location
        found.add((result["ruleId"], location["logicalLocations"][0]["fullyQualifiedName"]))
    assert found == expected(made)


def test_text_output_names_the_arn(moto_endpoint: str, made: dict[str, str]) -> None:
    code, output = scan("--aws", "--endpoint-url", moto_endpoint, "--format", "text",
                        "--compact")
    assert code == 1
    assert made["bad_bucket"] in output
    assert {line.split()[2] for line in output.splitlines()
            if made["good_bucket"] in line} == set(UNVERSIONED)


def test_saved_inventory_gives_the_same_findings_without_aws(
        moto_endpoint: str, made: dict[str, str], tmp_path: Path) -> None:
    inventory = tmp_path / "inventory.json"
    code, live = scan("--aws", "--endpoint-url", moto_endpoint, "--format", "json",
                      "--save-inventory", str(inventory))
    assert code == 1
    code, saved = scan("--inventory", str(inventory), "--format", "json")
    assert code == 1
    assert hits(saved) == hits(live) == expected(made)


def test_access_denied_makes_the_attribute_unknown(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "s3.GetBucketEncryption")
    code, output = scan("--aws", "--endpoint-url", moto_endpoint, "--format", "json")
    assert code == 1
    bad, good = made["bad_bucket"], made["good_bucket"]
    assert hits(output) == expected(made) - {("GOV-AWS-001", bad), ("GOV-AWS-156", bad)}
    assert hits(output, "unknown") == {("GOV-AWS-001", bad), ("GOV-AWS-001", good),
                                       ("GOV-AWS-156", bad), ("GOV-AWS-156", good)}
    notices = json.loads(output)["notices"]
    assert [n["message"] for n in notices if n["level"] == "warning"] == [
        f"access denied: GetBucketEncryption ({bad} and 1 more); what it reads is unknown"]


def test_a_bad_bucket_gets_the_same_rule_ids_live_and_from_terraform(
        moto_endpoint: str, made: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "main.tf").write_text(
        'resource "aws_s3_bucket" "bad" {\n  bucket = "govern-bad"\n}\n\n'
        'resource "aws_s3_bucket_acl" "bad" {\n  bucket = aws_s3_bucket.bad.id\n'
        '  acl    = "public-read"\n}\n')
    monkeypatch.chdir(tmp_path)
    _, static = scan(".", "--format", "json")
    _, live = scan("--aws", "--endpoint-url", moto_endpoint, "--format", "json")
    static_ids = {rule for rule, address in hits(static) if address == "aws_s3_bucket.bad"}
    live_ids = {rule for rule, address in hits(live) if address == made["bad_bucket"]}
    assert static_ids == live_ids == {"GOV-AWS-001", "GOV-AWS-002", "GOV-AWS-004",
                                      "GOV-AWS-015", "GOV-AWS-155", "GOV-AWS-156",
                                      "GOV-AWS-162", *UNVERSIONED}


def test_aws_options_need_aws() -> None:
    code, output = scan("--region", "eu-west-1")
    assert code == 2
    assert "--region needs --aws" in output


def test_without_boto3_scan_aws_says_what_to_install(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "boto3", None)
    code, output = scan("--aws", "--endpoint-url", "http://127.0.0.1:9")
    assert code == 2
    assert "pip install 'govern-iac[aws]'" in output


def test_an_open_security_group_gets_the_same_rule_ids_live_and_from_terraform(
        moto_endpoint: str, made: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "main.tf").write_text(
        'resource "aws_security_group" "bad" {\n  name = "bad"\n  ingress {\n'
        '    protocol    = "tcp"\n    from_port   = 22\n    to_port     = 22\n'
        '    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n')
    monkeypatch.chdir(tmp_path)
    _, static = scan(".", "--format", "json")
    _, live = scan("--aws", "--endpoint-url", moto_endpoint, "--format", "json")
    static_ids = {rule for rule, address in hits(static) if address == "aws_security_group.bad"}
    live_ids = {rule for rule, address in hits(live) if address == made["bad_sg"]}
    assert static_ids == live_ids == {"GOV-AWS-005", "GOV-AWS-015"}


def test_the_static_scan_path_does_not_import_boto3() -> None:
    import subprocess
    import sys

    code = ("import sys, govern.cli, govern.scan, govern.collect.aws; "
            "print('boto3' in sys.modules, 'botocore' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=REPO)
    assert out.stdout.strip() == "False False"


def test_role_arn_and_several_regions(moto_endpoint: str, made: dict[str, str]) -> None:
    code, output = scan("--aws", "--endpoint-url", moto_endpoint, "--format", "json",
                        "--role-arn", f"arn:aws:iam::{world.ACCOUNT}:role/audit",
                        "--region", "us-east-1", "--region", "eu-west-1")
    assert code == 1
    found = hits(output)
    assert expected(made) <= found
    # eu-west-1 has its own default security group (untagged) and nothing else of ours
    extra = found - expected(made)
    assert {rule for rule, _ in extra} == {"GOV-AWS-015"}
    assert all(":eu-west-1:" in arn for _, arn in extra)


def test_an_unreadable_bucket_policy_may_be_absent() -> None:
    """GetBucketPolicy failing: the bucket has a policy or none (maybe absent)."""
    from botocore.exceptions import ClientError

    from govern.collect.aws.reader import Reader
    from govern.collect.aws.resources import live_resource
    from govern.collect.aws.s3 import _policy
    from govern.model.unknown import Unknown

    class DeniedS3:
        def get_bucket_policy(self, **_: Any) -> Any:
            raise ClientError({"Error": {"Code": "AccessDenied", "Message": "no"}},
                              "GetBucketPolicy")

    bucket = live_resource("arn:aws:s3:::logs", "aws.s3.bucket", "AWS::S3::Bucket",
                           "123456789012", "us-east-1")
    _policy(DeniedS3(), Reader(), bucket, "logs")
    denied = Unknown("access denied: GetBucketPolicy")
    assert bucket.attributes["policy"] == Unknown(denied.reason,
                                                  alternatives=(denied, None))
