"""IAM: named actions allowed on every resource (privilege escalation, credentials, data
reads), every action on named resources, and resource policies allowing every action."""

from __future__ import annotations

from typing import Any

import pytest

from govern.engine.predicates import PREDICATES, PredicateContext
from govern.engine.verdict import Verdict
from govern.model.graph import ResourceGraph
from govern.model.unknown import PartialString, Unknown
from tests.engine.helpers import resource

CTX = PredicateContext(resource({}), ResourceGraph())
ARN = Unknown("known after apply")
BUCKET_OBJECTS = PartialString((ARN, "/*"), "known after apply")


def allow(**keys: Any) -> dict[str, Any]:
    return {"Effect": "Allow", **keys}


def document(*statements: dict[str, Any]) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": list(statements)}


def check(name: str, value: Any, args: dict[str, Any] | None = None) -> Verdict:
    return PREDICATES[name](value, args or {}, CTX)


ESCALATION = "iam_document_no_privilege_escalation"


@pytest.mark.parametrize(("value", "expected"), [
    (document(allow(Action=["iam:Create*"], Resource=["*"])),
     Verdict("fail", ("Statement", 0), "allows iam:CreateAccessKey (Statement[0]) on *: a "
             "principal holding it can create an access key for any user")),
    (document(allow(Sid="Attach", Action=["iam:attachrolepolicy"], Resource=["*"]),
              allow(Action=["sts:AssumeRole"], NotResource=["arn:aws:iam::1:role/x"])),
     Verdict("fail", ("Statement", 0), "allows iam:AttachRolePolicy (statement 'Attach') and "
             "sts:AssumeRole (Statement[1]) on *: a principal holding it can attach any "
             "managed policy to a role and assume it")),
    # one action of a two-action method is not a method
    (document(allow(Action=["iam:AttachRolePolicy"], Resource=["*"])), Verdict("pass")),
    # service wildcards, `*` and NotAction are the admin and full-service rules' grants
    (document(allow(Action=["iam:AttachRolePolicy"], Resource=["*"]),
              allow(Action=["sts:*"], Resource=["*"])), Verdict("pass")),
    (document(allow(Action=["*"], Resource=["*"])), Verdict("pass")),
    (document(allow(NotAction=["s3:*"], Resource=["*"])), Verdict("pass")),
    # iam:PassRole methods are the pass-role rules'
    (document(allow(Action=["iam:PassRole", "lambda:CreateFunction",
                            "lambda:InvokeFunction"], Resource=["*"])), Verdict("pass")),
    (document(allow(Action=["iam:CreateAccessKey"],
                    Resource=["arn:aws:iam::1:user/${aws:username}"])), Verdict("pass")),
    (document(allow(Action=["iam:PutUserPolicy"], Resource=["*"],
                    Condition={"StringEquals": {"iam:PermissionsBoundary": "arn:b"}})),
     Verdict("pass")),
    # an empty condition restricts nothing
    (document(allow(Action=["iam:PutUserPolicy"], Resource=["*"], Condition={})),
     Verdict("fail", ("Statement", 0), "allows iam:PutUserPolicy (Statement[0]) on *: a "
             "principal holding it can write an inline policy for any user")),
    (document({"Effect": "Deny", "Action": ["iam:CreateAccessKey"], "Resource": ["*"]}),
     Verdict("pass")),
    (None, Verdict("pass")),
    (document(allow(Action=["iam:CreateAccessKey"], Resource=Unknown("var.users"))),
     Verdict("unknown", ("Statement", 0), "Resource: var.users")),
    (document(allow(Action=["iam:AttachRolePolicy"], Resource=["*"]),
              allow(Action=[Unknown("var.action")], Resource=["*"])),
     Verdict("unknown", ("Statement", 1), "Action: var.action")),
    (document(allow(Action=["iam:CreateAccessKey"], Resource=["*"],
                    Condition=Unknown("var.condition"))),
     Verdict("unknown", ("Statement", 0), "Condition: var.condition")),
    (document(allow(Action=["iam:CreateAccessKey"], Resource=["*"], Effect=Unknown("e"))),
     Verdict("unknown", ("Statement", 0), "Effect: e")),
    (Unknown("data.external"), Verdict("unknown", (), "document: data.external")),
])
def test_iam_document_no_privilege_escalation(value: Any, expected: Verdict) -> None:
    assert check(ESCALATION, value) == expected


def test_iam_policies_no_privilege_escalation_takes_the_policies_together() -> None:
    attach = {"source": "inline", "name": "attach",
              "document": document(allow(Action="iam:AttachRolePolicy", Resource="*"))}
    assume = {"source": "managed", "name": "assume",
              "document": document(allow(Action="sts:AssumeRole", Resource="*"))}
    elsewhere = {"source": "managed", "name": "team", "document": Unknown("elsewhere")}
    name = "iam_policies_no_privilege_escalation"
    assert check(name, [attach, assume]) == Verdict(
        "fail", (0, "document", "Statement", 0),
        "allows iam:AttachRolePolicy (inline policy 'attach': Statement[0]) and "
        "sts:AssumeRole (managed policy 'assume': Statement[0]) on *: a principal holding "
        "it can attach any managed policy to a role and assume it")
    assert check(name, [attach, elsewhere]) == Verdict(
        "unknown", (1, "document"), "managed policy 'team': document: elsewhere")
    assert check(name, [attach]) == Verdict("pass")
    assert check(name, []) == Verdict("pass")
    assert check(name, Unknown("attached elsewhere")).status == "unknown"


@pytest.mark.parametrize(("name", "value", "expected"), [
    ("iam_document_no_credentials_on_any_resource",
     document(allow(Action=["ec2:DescribeInstances", "ec2:GetPassword*"], Resource="*")),
     Verdict("fail", ("Statement", 0), "Statement[0] allows ec2:GetPasswordData on *")),
    ("iam_document_no_credentials_on_any_resource",
     document(allow(Sid="Hop", Action="STS:AssumeRole", Resource=["*"])),
     Verdict("fail", ("Statement", 0), "statement 'Hop' allows sts:AssumeRole on *")),
    # only grantable on "*", or an escalation (GOV-AWS-081), or not IAM-authorized
    ("iam_document_no_credentials_on_any_resource",
     document(allow(Action=["ecr:GetAuthorizationToken", "iam:CreateAccessKey",
                            "sts:AssumeRoleWithWebIdentity"], Resource="*")),
     Verdict("pass")),
    ("iam_document_no_credentials_on_any_resource",
     document(allow(Action="sts:AssumeRole", Resource="arn:aws:iam::1:role/deploy")),
     Verdict("pass")),
    ("iam_document_no_data_reads_on_any_resource",
     document(allow(Action=["s3:Get*", "secretsmanager:GetSecretValue"], Resource="*")),
     Verdict("fail", ("Statement", 0),
             "Statement[0] allows s3:GetObject, secretsmanager:GetSecretValue on *")),
    ("iam_document_no_data_reads_on_any_resource",
     document(allow(Action="s3:*", Resource="*")), Verdict("pass")),
    ("iam_document_no_data_reads_on_any_resource",
     document(allow(Action="ssm:GetParameter", Resource=[Unknown("var.parameter")])),
     Verdict("unknown", ("Statement", 0), "Resource: var.parameter")),
    # a bucket's ARN known after apply, followed by "/*": not "*"
    ("iam_document_no_data_reads_on_any_resource",
     document(allow(Action="s3:GetObject", Resource=BUCKET_OBJECTS)), Verdict("pass")),
    ("iam_document_no_data_reads_on_any_resource",
     document(allow(Action="s3:GetObject", Resource=PartialString((ARN, "*"), "later"))),
     Verdict("unknown", ("Statement", 0), "Resource: later")),
])
def test_named_actions_on_any_resource(name: str, value: Any, expected: Verdict) -> None:
    assert check(name, value) == expected


def test_named_actions_in_the_policies_of_an_identity() -> None:
    reads = {"source": "inline", "name": "config",
             "document": document(allow(Action="ssm:GetParameters", Resource="*"))}
    hop = {"source": "managed", "name": "hop",
           "document": document(allow(Action="sts:AssumeRole", Resource="*"))}
    assert check("iam_policies_no_data_reads_on_any_resource", [hop, reads]) == Verdict(
        "fail", (1, "document", "Statement", 0),
        "inline policy 'config': Statement[0] allows ssm:GetParameters on *")
    assert check("iam_policies_no_credentials_on_any_resource", [reads, hop]) == Verdict(
        "fail", (1, "document", "Statement", 0),
        "managed policy 'hop': Statement[0] allows sts:AssumeRole on *")
    assert check("iam_policies_no_credentials_on_any_resource", [reads]) == Verdict("pass")


EVERY = "iam_document_no_every_action_on_resources"


@pytest.mark.parametrize(("value", "expected"), [
    (document(allow(Action="*", Resource=["arn:aws:s3:::a", "arn:aws:s3:::a/*"])),
     Verdict("fail", ("Statement", 0),
             "Statement[0] allows * on arn:aws:s3:::a, arn:aws:s3:::a/*")),
    (document(allow(NotAction="s3:DeleteBucket", Resource="arn:aws:s3:::a")),
     Verdict("fail", ("Statement", 0),
             "Statement[0] allows every action except s3:DeleteBucket on arn:aws:s3:::a")),
    (document(allow(Action="*", Resource="*")), Verdict("pass")),  # GOV-AWS-011's
    (document(allow(Action="*", NotResource="arn:aws:s3:::a")), Verdict("pass")),
    (document(allow(Action="s3:*", Resource="arn:aws:s3:::a")), Verdict("pass")),
    (document({"Effect": "Deny", "Action": "*", "Resource": "arn:aws:s3:::a"}),
     Verdict("pass")),
    (document(allow(Action="*", Resource=Unknown("var.tables"))),
     Verdict("unknown", ("Statement", 0, "Resource"), "Resource: var.tables")),
    (document(allow(Action="*", Resource=BUCKET_OBJECTS)),
     Verdict("fail", ("Statement", 0), "Statement[0] allows * on ${?}/*")),
])
def test_iam_document_no_every_action_on_resources(value: Any, expected: Verdict) -> None:
    assert check(EVERY, value) == expected


def test_iam_policies_no_every_action_on_resources() -> None:
    table = {"source": "inline", "name": "app", "document": document(
        allow(Action=["*:*"], Resource="arn:aws:dynamodb:eu-west-1:1:table/orders"))}
    assert check("iam_policies_no_every_action_on_resources", [table]) == Verdict(
        "fail", (0, "document", "Statement", 0),
        "inline policy 'app': Statement[0] allows * on "
        "arn:aws:dynamodb:eu-west-1:1:table/orders")


SQS = {"services": ["sqs"]}


@pytest.mark.parametrize(("value", "expected"), [
    (document(allow(Sid="Partner", Principal={"AWS": "1"}, Action="SQS:*", Resource="*")),
     Verdict("fail", ("Statement", 0, "Action"), "statement 'Partner' allows SQS:*")),
    (document(allow(Principal="*", Action=["sqs:SendMessage", "*"], Resource="*")),
     Verdict("fail", ("Statement", 0, "Action"), "Statement[0] allows *")),
    (document(allow(Principal="*", NotAction="sqs:DeleteQueue", Resource="*")),
     Verdict("fail", ("Statement", 0, "NotAction"),
             "Statement[0] allows every action but NotAction")),
    (document({"Effect": "Deny", "Principal": "*", "Action": "sqs:*", "Resource": "*"}),
     Verdict("pass")),
    (document(allow(Principal="*", Action="sqs:Send*", Resource="*")), Verdict("pass")),
    (document(allow(Principal="*", Action="sns:*", Resource="*")), Verdict("pass")),
    (None, Verdict("pass")),
    (document(allow(Principal="*", Action=Unknown("var.actions"), Resource="*")),
     Verdict("unknown", ("Statement", 0, "Action"), "Action: var.actions")),
])
def test_resource_policy_no_all_actions(value: Any, expected: Verdict) -> None:
    assert check("resource_policy_no_all_actions", value, SQS) == expected
