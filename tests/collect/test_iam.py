"""IAM identities and customer managed policies read from moto."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from govern.cli import cli
from tests.collect import world
from tests.collect.conftest import ACCOUNT, client

ADMIN = {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
READ_ONE = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}
TRUST_EC2 = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
     "Action": "sts:AssumeRole"}]}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    iam = client(moto_endpoint, "iam")
    admin_policy = iam.create_policy(PolicyName="everything", PolicyDocument=json.dumps(
        ADMIN), Tags=world.TAGS)["Policy"]["Arn"]
    iam.create_role(RoleName="admin-role", AssumeRolePolicyDocument=json.dumps(TRUST_EC2),
                    Tags=world.TAGS)
    iam.put_role_policy(RoleName="admin-role", PolicyName="all",
                        PolicyDocument=json.dumps(ADMIN))
    iam.create_role(RoleName="ok-role", AssumeRolePolicyDocument=json.dumps(TRUST_EC2),
                    Tags=world.TAGS)
    iam.put_role_policy(RoleName="ok-role", PolicyName="read",
                        PolicyDocument=json.dumps(READ_ONE))
    iam.create_user(UserName="direct-user", Tags=world.TAGS)
    iam.attach_user_policy(UserName="direct-user", PolicyArn=admin_policy)
    prefix = f"arn:aws:iam::{ACCOUNT}:"
    return {"policy": admin_policy, "admin_role": prefix + "role/admin-role",
            "ok_role": prefix + "role/ok-role", "user": prefix + "user/direct-user"}


def scan_json(endpoint: str, *extra: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["scan", "--aws", "--endpoint-url", endpoint,
                                      "--format", "json", *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    doc: dict[str, Any] = json.loads(result.output)
    return doc


def test_iam_identities_and_policies_are_checked(moto_endpoint: str,
                                                 made: dict[str, str]) -> None:
    doc = scan_json(moto_endpoint)
    ours = set(made.values())
    found = {(f["rule_id"], f["resource"]["address"]) for f in doc["findings"]
             if f["resource"]["address"] in ours}
    assert found == {("GOV-AWS-011", made["policy"]), ("GOV-AWS-012", made["admin_role"]),
                     ("GOV-AWS-012", made["user"]), ("GOV-AWS-016", made["user"])}


def test_a_policy_document_is_the_default_version_normalized(
        moto_endpoint: str, made: dict[str, str], tmp_path: Any) -> None:
    inventory = tmp_path / "inventory.json"
    scan_json(moto_endpoint, "--save-inventory", str(inventory))
    resources = {r["id"]: r for r in json.loads(inventory.read_text())["resources"]}
    user = resources[made["user"]]["attributes"]
    assert user["policies"] == [{"source": "managed", "name": "everything",
                                 "arn": made["policy"],
                                 "document": resources[made["policy"]]["attributes"][
                                     "document"]}]
    assert resources[made["policy"]]["attributes"]["tags"] == {"owner": "team",
                                                               "cost-center": "42"}
    edges = json.loads(inventory.read_text())["edges"]
    assert {"source": made["user"], "target": made["policy"],
            "relation": "attached_policy"} in edges
