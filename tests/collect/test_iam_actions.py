"""IAM policies and identities read from moto, judged by the rules on named actions
allowed on every resource: GOV-AWS-081/082 (privilege escalation), GOV-AWS-083/084
(actions that return credentials), GOV-AWS-085/086 (reading objects, parameters and
secrets) and GOV-AWS-087/088 (every action on named resources); and SQS queue policies
judged by GOV-AWS-090 (every SQS action)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.collect import world
from tests.collect.conftest import ACCOUNT, client
from tests.collect.live_scan import scan, statuses

TRUST_LAMBDA = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
     "Action": "sts:AssumeRole"}]}
OURS = ("GOV-AWS-081", "GOV-AWS-082", "GOV-AWS-083", "GOV-AWS-084", "GOV-AWS-085",
        "GOV-AWS-086", "GOV-AWS-087", "GOV-AWS-088", "GOV-AWS-090")
PARTNER = {"AWS": "arn:aws:iam::210987654321:root"}
TABLE = f"arn:aws:dynamodb:us-east-1:{ACCOUNT}:table/orders"


def document(action: Any, resource: Any = "*", **extra: Any) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": action, "Resource": resource, **extra}]})


def _queues(endpoint: str) -> dict[str, str]:
    sqs = client(endpoint, "sqs")

    def queue(name: str, *statements: dict[str, Any]) -> str:
        policy = json.dumps({"Version": "2012-10-17", "Statement": list(statements)})
        url = sqs.create_queue(QueueName=name, Attributes={"Policy": policy})["QueueUrl"]
        return str(sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])[
            "Attributes"]["QueueArn"])

    return {
        "partner_queue": queue("partner", {"Effect": "Allow", "Principal": PARTNER,
                                           "Action": "sqs:*", "Resource": "*"}),
        "send_queue": queue(
            "send", {"Effect": "Deny", "Principal": "*", "Action": "sqs:*", "Resource": "*",
                     "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
            {"Effect": "Allow", "Principal": PARTNER, "Action": "sqs:SendMessage",
             "Resource": "*"})}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    iam = client(moto_endpoint, "iam")

    def policy(name: str, text: str) -> str:
        return str(iam.create_policy(PolicyName=name, PolicyDocument=text)["Policy"]["Arn"])

    def role(name: str, inline: str | None = None, attached: tuple[str, ...] = ()) -> str:
        arn = str(iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(
            TRUST_LAMBDA))["Role"]["Arn"])
        if inline is not None:
            iam.put_role_policy(RoleName=name, PolicyName="inline", PolicyDocument=inline)
        for policy_arn in attached:
            iam.attach_role_policy(RoleName=name, PolicyArn=policy_arn)
        return arn

    assume_any = policy("assume-any", document("sts:AssumeRole"))
    iam.create_user(UserName="reader")
    iam.put_user_policy(UserName="reader", PolicyName="secrets",
                        PolicyDocument=document("secretsmanager:GetSecretValue"))
    return {
        **_queues(moto_endpoint),
        "escalating_policy": policy("escalating", document(["iam:CreatePolicyVersion"])),
        "credentials_policy": assume_any,
        "data_policy": policy("data", document("s3:GetObject")),
        "scoped_policy": policy("scoped", document(
            ["iam:CreateAccessKey", "sts:AssumeRole", "s3:GetObject"],
            f"arn:aws:iam::{ACCOUNT}:user/${{aws:username}}")),
        "conditioned_policy": policy("conditioned", document(
            "iam:AttachUserPolicy", Condition={"ArnEquals": {
                "iam:PolicyARN": "arn:aws:iam::aws:policy/ReadOnlyAccess"}})),
        # iam:AttachRolePolicy inline with sts:AssumeRole attached: one method, two
        # policies (and sts:AssumeRole on "*" returns credentials)
        "split_role": role("split", document("iam:AttachRolePolicy"), (assume_any,)),
        "reader_user": f"arn:aws:iam::{ACCOUNT}:user/reader",
        "everything_policy": policy("everything-on-table", document("*", TABLE)),
        "everything_role": role("everything", document("*:*", [TABLE])),
        "password_role": role("password", document(["ec2:Describe*", "ec2:GetPassword*"])),
        "scoped_role": role("scoped", attached=(policy("scoped-role", document(
            "ssm:GetParameter", f"arn:aws:ssm:us-east-1:{ACCOUNT}:parameter/app/*")),)),
    }


def test_each_resource_fails_exactly_the_rules_it_breaks(moto_endpoint: str,
                                                         made: dict[str, str]) -> None:
    found = {entry for entry in statuses(scan(moto_endpoint), made) if entry[0] in OURS}
    fail = "fail"
    assert found == {
        ("GOV-AWS-081", "escalating_policy", fail),
        ("GOV-AWS-083", "credentials_policy", fail),
        ("GOV-AWS-085", "data_policy", fail),
        ("GOV-AWS-082", "split_role", fail), ("GOV-AWS-084", "split_role", fail),
        ("GOV-AWS-086", "reader_user", fail),
        ("GOV-AWS-084", "password_role", fail),
        ("GOV-AWS-087", "everything_policy", fail), ("GOV-AWS-088", "everything_role", fail),
        ("GOV-AWS-090", "partner_queue", fail)}
