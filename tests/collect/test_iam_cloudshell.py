"""GOV-AWS-152 (AWSCloudShellFullAccess attached to an IAM role, user or group) on
identities read live from moto (govern/collect/aws/iam.py): their attached managed
policies, by ARN. moto's server holds no AWS managed policy, so the attachments are added
to its GetAccountAuthorizationDetails answer, as AWS gives them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.collect import world
from tests.collect.conftest import ACCOUNT, client
from tests.collect.events import on_every_client
from tests.collect.live_scan import read, scan, statuses

RULE = "GOV-AWS-152"
CLOUDSHELL = "arn:aws:iam::aws:policy/AWSCloudShellFullAccess"
READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess"
TRUST = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Action": "sts:AssumeRole",
    "Principal": {"Service": "ec2.amazonaws.com"}}]}
# identity name -> the AWS managed policy attached to it
ATTACHED = {"shell-role": CLOUDSHELL, "reader-role": READ_ONLY, "shell-user": CLOUDSHELL,
            "shell-group": CLOUDSHELL}


def attach_aws_managed(parsed: dict[str, Any], **_: Any) -> None:
    """An `after-call` handler: the AWS managed policies of ATTACHED, in AWS's form."""
    for key, name_key in (("UserDetailList", "UserName"), ("GroupDetailList", "GroupName"),
                          ("RoleDetailList", "RoleName")):
        for item in parsed.get(key, []):
            arn = ATTACHED.get(item[name_key])
            if arn is not None:
                item.setdefault("AttachedManagedPolicies", []).append(
                    {"PolicyName": arn.rsplit("/", 1)[1], "PolicyArn": arn})


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    iam = client(moto_endpoint, "iam")
    for name in ("shell-role", "reader-role"):
        iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(TRUST))
    iam.create_user(UserName="shell-user")
    iam.create_group(GroupName="shell-group")
    iam.create_group(GroupName="empty-group")
    prefix = f"arn:aws:iam::{ACCOUNT}:"
    return {"shell_role": prefix + "role/shell-role", "reader_role": prefix + "role/reader-role",
            "shell_user": prefix + "user/shell-user", "shell_group": prefix + "group/shell-group",
            "empty_group": prefix + "group/empty-group"}


@pytest.fixture
def aws_managed(monkeypatch: pytest.MonkeyPatch) -> None:
    on_every_client(monkeypatch, {
        "after-call.iam.GetAccountAuthorizationDetails": attach_aws_managed})


@pytest.mark.usefixtures("aws_managed")
def test_identities_with_cloudshell_full_access_fail(moto_endpoint: str,
                                                     made: dict[str, str]) -> None:
    found = {(role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule == RULE}
    # the reader role and the empty group pass: no finding
    assert found == {("shell_role", "fail"), ("shell_user", "fail"), ("shell_group", "fail")}


@pytest.mark.usefixtures("aws_managed")
def test_the_attached_policy_is_read_by_arn(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    policies = resources[made["shell_group"]].attributes["policies"]
    assert [(p["source"], p["name"], p["arn"]) for p in policies] == [
        ("managed", "AWSCloudShellFullAccess", CLOUDSHELL)]
    assert resources[made["empty_group"]].attributes["policies"] == []
