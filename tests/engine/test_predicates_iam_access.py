"""IAM: full access to a service in policy documents, identities with policies of their own."""

from __future__ import annotations

from typing import Any

import pytest

from govern.engine.predicates import PREDICATES, PredicateContext
from govern.engine.verdict import Verdict
from govern.model.graph import ResourceGraph
from govern.model.unknown import Unknown
from tests.engine.helpers import resource

CTX = PredicateContext(resource({}), ResourceGraph())


def check(name: str, value: Any) -> Verdict:
    return PREDICATES[name](value, {}, CTX)


def document(*statements: dict[str, Any]) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": list(statements)}


def allow(actions: Any, resources: Any = ("*",), **extra: Any) -> dict[str, Any]:
    statement: dict[str, Any] = {"Effect": "Allow", "Action": actions, **extra}
    if resources is not None:
        statement["Resource"] = list(resources) if isinstance(resources, tuple) else resources
    return statement


TERRAGOAT = document(allow(["ec2:*", "s3:*", "lambda:*", "cloudwatch:*"]))
READ_LOGS = document(allow(["logs:GetLogEvents"], ["arn:aws:logs:*:1:log-group:app"]))


@pytest.mark.parametrize(("value", "expected"), [
    (TERRAGOAT, Verdict("fail", ("Statement", 0),
                        "Statement[0] allows ec2:*, s3:*, lambda:*, cloudwatch:* on *")),
    (document(allow(["logs:PutLogEvents"]), allow(["IAM:*", "sts:GetCallerIdentity"],
                                                  Sid="Iam")),
     Verdict("fail", ("Statement", 1), "statement 'Iam' allows IAM:* on *")),
    # Single strings and a single statement, as written before normalization.
    ({"Statement": {"Effect": "Allow", "Action": "kms:*", "Resource": "*"}},
     Verdict("fail", ("Statement", 0), "Statement[0] allows kms:* on *")),
    (document(allow(["dynamodb:*"], None, NotResource=["arn:aws:dynamodb:*:*:table/audit"])),
     Verdict("fail", ("Statement", 0), "Statement[0] allows dynamodb:* on every resource "
                                       "except arn:aws:dynamodb:*:*:table/audit")),
    (document(allow(["s3:*"], Condition={"Bool": {"aws:SecureTransport": ["true"]}})),
     Verdict("fail", ("Statement", 0), "Statement[0] allows s3:* on *")),
    # A service wildcard next to `*` is still reported (the admin rule reports the `*`).
    (document(allow(["*", "s3:*"])), Verdict("fail", ("Statement", 0),
                                             "Statement[0] allows s3:* on *")),
    # `*` and `*:*` alone are administrator access: the admin predicates' case.
    (document(allow(["*"])), Verdict("pass")),
    (document(allow(["*:*"])), Verdict("pass")),
    # So is NotAction, which counts as every action.
    (document({"Effect": "Allow", "NotAction": ["iam:*"], "Resource": ["*"]}),
     Verdict("pass")),
    (document(allow(["s3:*"], ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"])),
     Verdict("pass")),
    (document(allow(["s3:Get*", "s3:List*", "s3:*Object"])), Verdict("pass")),
    (document({"Effect": "Deny", "Action": ["s3:*"], "Resource": ["*"]}), Verdict("pass")),
    (document(allow(["s3:*"], None)), Verdict("pass")),  # no resource: grants nothing
    (READ_LOGS, Verdict("pass")),
    (document(), Verdict("pass")),
    (None, Verdict("pass")),
    (Unknown("data.aws_iam_policy.p.policy"),
     Verdict("unknown", (), "document: data.aws_iam_policy.p.policy")),
    ({"Statement": Unknown("dynamic")}, Verdict("unknown", ("Statement",),
                                                "Statement: dynamic")),
    (document(Unknown("a statement")), Verdict("unknown", ("Statement", 0),
                                               "statement: a statement")),
    (document(allow(Unknown("var.actions"))),
     Verdict("unknown", ("Statement", 0, "Action"), "Action: var.actions")),
    (document(allow(["s3:GetObject", Unknown("var.action")])),
     Verdict("unknown", ("Statement", 0, "Action"), "Action: var.action")),
    (document(allow(["s3:*"], [Unknown("var.bucket")])),
     Verdict("unknown", ("Statement", 0, "Resource"), "Resource: var.bucket")),
    (document({"Effect": Unknown("var.effect"), "Action": ["s3:*"], "Resource": ["*"]}),
     Verdict("unknown", ("Statement", 0, "Effect"), "Effect: var.effect")),
    # A known violation wins over an unknown statement before it.
    (document(allow(Unknown("var.actions")), allow(["sqs:*"])),
     Verdict("fail", ("Statement", 1), "Statement[1] allows sqs:* on *")),
    # Unknown actions on a known, narrow resource cannot be full access on every resource.
    (document(allow([Unknown("var.action")], ["arn:aws:s3:::logs"])), Verdict("pass")),
    ("{not json}", Verdict("unknown", (), "not a policy document")),
])
def test_iam_document_no_full_service_access(value: Any, expected: Verdict) -> None:
    assert check("iam_document_no_full_service_access", value) == expected


def test_iam_policies_no_full_service_access() -> None:
    policies = [{"source": "inline", "name": "logs", "document": READ_LOGS},
                {"source": "inline", "name": "excess_policy", "document": TERRAGOAT}]
    assert check("iam_policies_no_full_service_access", policies) == Verdict(
        "fail", (1, "document", "Statement", 0),
        "inline policy 'excess_policy': Statement[0] allows ec2:*, s3:*, lambda:*, "
        "cloudwatch:* on *")
    assert check("iam_policies_no_full_service_access", policies[:1]) == Verdict("pass")
    assert check("iam_policies_no_full_service_access", []) == Verdict("pass")
    assert check("iam_policies_no_full_service_access", None) == Verdict("pass")
    admin = [{"source": "managed", "name": "AdministratorAccess",
              "document": document(allow(["*"]))}]
    assert check("iam_policies_no_full_service_access", admin) == Verdict("pass")
    s3_full = [{"source": "managed", "name": "AmazonS3FullAccess",
                "arn": "arn:aws:iam::aws:policy/AmazonS3FullAccess",
                "document": Unknown("not known statically")}]
    assert check("iam_policies_no_full_service_access", s3_full + policies) == Verdict(
        "fail", (2, "document", "Statement", 0),
        "inline policy 'excess_policy': Statement[0] allows ec2:*, s3:*, lambda:*, "
        "cloudwatch:* on *")
    assert check("iam_policies_no_full_service_access", s3_full) == Verdict(
        "unknown", (0, "document"),
        "managed policy 'AmazonS3FullAccess': document: not known statically")
    assert check("iam_policies_no_full_service_access", [Unknown("dynamic")]) == Verdict(
        "unknown", (0,), "policy: dynamic")
    assert check("iam_policies_no_full_service_access", Unknown("for_each")) == Verdict(
        "unknown", (), "policies: for_each")


@pytest.mark.parametrize(("value", "expected"), [
    ([{"source": "inline", "name": "excess_policy", "document": TERRAGOAT}],
     Verdict("fail", (0,), "inline policy 'excess_policy'")),
    ([Unknown("dynamic"),
      {"source": "managed", "name": "ReadOnlyAccess", "arn": "arn:aws:iam::aws:policy/"
       "ReadOnlyAccess", "document": Unknown("not known statically")},
      {"source": "managed", "arn": Unknown("x"), "document": Unknown("x")}],
     Verdict("fail", (1,), "managed policy 'ReadOnlyAccess', managed policy")),
    ([], Verdict("pass")),
    (None, Verdict("pass")),
    ([Unknown("dynamic")], Verdict("unknown", (0,), "policy: dynamic")),
    ([42], Verdict("unknown", (0,), "policy: not a policy")),
    (Unknown("for_each"), Verdict("unknown", (), "policies: for_each")),
])
def test_iam_policies_empty(value: Any, expected: Verdict) -> None:
    assert check("iam_policies_empty", value) == expected
