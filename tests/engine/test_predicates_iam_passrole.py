"""IAM: `iam:PassRole` on every resource in policy documents and identities' policies."""

from __future__ import annotations

from typing import Any

import pytest

from govern.engine.predicates import PREDICATES, PredicateContext
from govern.engine.verdict import Verdict
from govern.model.graph import ResourceGraph
from govern.model.unknown import Unknown
from tests.engine.helpers import resource

CTX = PredicateContext(resource({}), ResourceGraph())
DOCUMENT = "iam_document_no_passrole_on_any_resource"
POLICIES = "iam_policies_no_passrole_on_any_resource"


def statement(**keys: Any) -> dict[str, Any]:
    return {"Statement": [{"Effect": "Allow", **keys}]}


@pytest.mark.parametrize(("document", "expected"), [
    (statement(Action=["iam:PassRole"], Resource=["*"]),
     Verdict("fail", ("Statement", 0, "Resource"), "Statement[0] allows iam:PassRole on *")),
    ({"Statement": [{"Sid": "Pass", "Effect": "Allow", "Action": ["ec2:RunInstances",
                                                                  "IAM:passrole"],
                     "Resource": "*",
                     "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}}]},
     Verdict("fail", ("Statement", 0, "Resource"), "statement 'Pass' allows IAM:passrole on *")),
    (statement(Action=["iam:Pass*"], NotResource=["arn:aws:iam::123456789012:role/admin"]),
     Verdict("fail", ("Statement", 0), "Statement[0] allows iam:Pass* on *")),
    (statement(Action=["iam:PassRole"], Resource=["arn:aws:iam::123456789012:role/app"]),
     Verdict("pass")),
    (statement(Action=["iam:PassRole"], Resource=["arn:aws:iam::*:role/*"]), Verdict("pass")),
    ({"Statement": [{"Effect": "Deny", "Action": ["iam:PassRole"], "Resource": ["*"]}]},
     Verdict("pass")),
    (statement(Action=["iam:*"], Resource=["*"]), Verdict("pass")),
    (statement(Action=["*"], Resource=["*"]), Verdict("pass")),
    (statement(NotAction=["s3:*"], Resource=["*"]), Verdict("pass")),
    (statement(Action=["iam:GetRole"], Resource=["*"]), Verdict("pass")),
    (None, Verdict("pass")),
    (statement(Action=[Unknown("var.action")], Resource=["*"]),
     Verdict("unknown", ("Statement", 0, "Action"), "Action: var.action")),
    (statement(Action=["iam:PassRole"], Resource=Unknown("var.roles")),
     Verdict("unknown", ("Statement", 0, "Resource"), "Resource: var.roles")),
    (statement(Action=[Unknown("var.action")], Resource=["arn:aws:s3:::logs"]), Verdict("pass")),
    (Unknown("data.external"), Verdict("unknown", (), "document: data.external")),
])
def test_iam_document_no_passrole_on_any_resource(document: Any, expected: Verdict) -> None:
    assert PREDICATES[DOCUMENT](document, {}, CTX) == expected


def test_iam_policies_no_passrole_on_any_resource() -> None:
    passing = {"source": "inline", "name": "read",
               "document": statement(Action=["s3:GetObject"], Resource=["*"])}
    failing = {"source": "inline", "name": "ci",
               "document": statement(Action=["iam:PassRole"], Resource=["*"])}
    managed = {"source": "managed", "name": "ReadOnlyAccess",
               "arn": "arn:aws:iam::aws:policy/ReadOnlyAccess",
               "document": Unknown("AWS managed policy")}
    check = PREDICATES[POLICIES]
    assert check([passing, failing], {}, CTX) == Verdict(
        "fail", (1, "document", "Statement", 0, "Resource"),
        "inline policy 'ci': Statement[0] allows iam:PassRole on *")
    assert check([passing], {}, CTX) == Verdict("pass")
    assert check(None, {}, CTX) == Verdict("pass")
    assert check([passing, managed], {}, CTX).status == "unknown"
