"""IAM policies and identities read from moto, judged by the rules on access levels
allowed on every resource: GOV-AWS-091/092 (Permissions management) and GOV-AWS-093/094
(Write)."""

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
OURS = ("GOV-AWS-091", "GOV-AWS-092", "GOV-AWS-093", "GOV-AWS-094")


def document(action: Any, resource: Any = "*", **extra: Any) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": action, "Resource": resource, **extra}]})


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

    iam.create_group(GroupName="operators")
    iam.put_group_policy(GroupName="operators", PolicyName="functions",
                         PolicyDocument=document("lambda:AddPermission"))
    return {
        "grants_policy": policy("grants", document(["kms:DescribeKey", "kms:CreateGrant"])),
        "uploads_policy": policy("uploads", document("s3:PutObject")),
        "operators_group": f"arn:aws:iam::{ACCOUNT}:group/operators",
        "writer_role": role("writer", document("dynamodb:PutItem")),
        "attached_role": role("attached", attached=(policy("bucket-policies", document(
            "s3:PutBucketPolicy", ["arn:aws:s3:::uploads"])),)),
        "scoped_role": role("scoped", document(
            ["s3:PutObject", "s3:PutBucketPolicy"], ["arn:aws:s3:::uploads",
                                                      "arn:aws:s3:::uploads/*"])),
        "metrics_policy": policy("metrics", document("cloudwatch:PutMetricData")),
    }


def test_each_resource_fails_exactly_the_rules_it_breaks(moto_endpoint: str,
                                                         made: dict[str, str]) -> None:
    found = {entry for entry in statuses(scan(moto_endpoint), made) if entry[0] in OURS}
    assert found == {
        ("GOV-AWS-091", "grants_policy", "fail"),
        ("GOV-AWS-093", "uploads_policy", "fail"),
        ("GOV-AWS-092", "operators_group", "fail"),
        ("GOV-AWS-094", "writer_role", "fail")}
