"""IAM: administrator access in policy documents, public trust policies."""

from __future__ import annotations

from typing import Any

import pytest

from govern.engine.predicates import PREDICATES, PredicateContext
from govern.engine.verdict import Verdict
from govern.model.graph import ResourceGraph
from govern.model.unknown import PartialString, Unknown
from tests.engine.helpers import resource

CTX = PredicateContext(resource({}), ResourceGraph())

# The AWS managed policy AdministratorAccess, normalized.
ADMINISTRATOR_ACCESS: dict[str, Any] = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}]}
READ_ONLY_S3: dict[str, Any] = {"Version": "2012-10-17", "Statement": [
    {"Sid": "ReadBuckets", "Effect": "Allow", "Action": ["s3:Get*", "s3:List*"],
     "Resource": ["arn:aws:s3:::logs", "arn:aws:s3:::logs/*"]}]}
SERVICE_ADMIN: dict[str, Any] = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": ["s3:*"], "Resource": ["*"]}]}


def check(name: str, value: Any) -> Verdict:
    return PREDICATES[name](value, {}, CTX)


@pytest.mark.parametrize(("document", "expected"), [
    (ADMINISTRATOR_ACCESS, Verdict("fail", ("Statement", 0), "Statement[0] allows * on *")),
    ({"Statement": [{"Sid": "ReadBuckets", **READ_ONLY_S3["Statement"][0]},
                    {"Sid": "Admin", "Effect": "Allow", "Action": ["*:*"], "Resource": ["*"],
                     "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]},
     Verdict("fail", ("Statement", 1), "statement 'Admin' allows * on *")),
    ({"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}},
     Verdict("fail", ("Statement", 0), "Statement[0] allows * on *")),
    ({"Statement": [{"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"],
                     "Resource": ["*"]}]},
     Verdict("fail", ("Statement", 0),
             "Statement[0] allows every action except iam:*, organizations:* on *")),
    ({"Statement": [{"Effect": "Allow", "Action": ["*"],
                     "NotResource": ["arn:aws:s3:::secrets/*"]}]},
     Verdict("fail", ("Statement", 0),
             "Statement[0] allows * on every resource except arn:aws:s3:::secrets/*")),
    (READ_ONLY_S3, Verdict("pass")),
    (SERVICE_ADMIN, Verdict("pass")),
    ({"Statement": [{"Effect": "Deny", "Action": ["*"], "Resource": ["*"]}]}, Verdict("pass")),
    ({"Statement": [{"Effect": "Deny", "NotAction": ["iam:*"], "Resource": ["*"]}]},
     Verdict("pass")),
    ({"Statement": []}, Verdict("pass")),
    (None, Verdict("pass")),
    (Unknown("jsonencode(local.p)"), Verdict("unknown", (), "document: jsonencode(local.p)")),
    ({"Statement": Unknown("dynamic")}, Verdict("unknown", ("Statement",),
                                                "Statement: dynamic")),
    ({"Statement": [{"Effect": "Allow", "Action": [Unknown("var.action")],
                     "Resource": ["*"]}]},
     Verdict("unknown", ("Statement", 0, "Action"), "Action: var.action")),
    ({"Statement": [{"Effect": Unknown("var.effect"), "Action": ["*"], "Resource": ["*"]}]},
     Verdict("unknown", ("Statement", 0, "Effect"), "Effect: var.effect")),
    # An Unknown action cannot grant admin on a resource that is not "*".
    ({"Statement": [{"Effect": "Allow", "Action": [Unknown("var.action")],
                     "Resource": ["arn:aws:s3:::logs"]}]}, Verdict("pass")),
    ("{not json}", Verdict("unknown", (), "not a policy document")),
])
def test_iam_document_not_admin(document: Any, expected: Verdict) -> None:
    assert check("iam_document_not_admin", document) == expected


def test_iam_policies_not_admin() -> None:
    policies = [{"source": "inline", "name": "read", "document": READ_ONLY_S3},
                {"source": "managed", "name": "ops", "document": ADMINISTRATOR_ACCESS}]
    assert check("iam_policies_not_admin", policies) == Verdict(
        "fail", (1, "document", "Statement", 0), "managed policy 'ops': Statement[0] allows * "
                                                 "on *")
    assert check("iam_policies_not_admin", policies[:1]) == Verdict("pass")
    assert check("iam_policies_not_admin", []) == Verdict("pass")
    assert check("iam_policies_not_admin", None) == Verdict("pass")
    unknown_doc = [{"source": "inline", "name": "p", "document": Unknown("file(x)")}]
    assert check("iam_policies_not_admin", unknown_doc) == Verdict(
        "unknown", (0, "document"), "inline policy 'p': document: file(x)")
    assert check("iam_policies_not_admin", Unknown("for_each")) == Verdict(
        "unknown", (), "policies: for_each")


@pytest.mark.parametrize(("arns", "expected"), [
    (["arn:aws:iam::aws:policy/ReadOnlyAccess",
      "arn:aws:iam::aws:policy/AdministratorAccess"],
     Verdict("fail", (1,), "attaches arn:aws:iam::aws:policy/AdministratorAccess")),
    (["arn:aws-us-gov:iam::aws:policy/AdministratorAccess"],
     Verdict("fail", (0,), "attaches arn:aws-us-gov:iam::aws:policy/AdministratorAccess")),
    (["arn:aws:iam::123456789012:policy/AdministratorAccess"], Verdict("pass")),
    ([Unknown("aws_iam_policy.x.arn")], Verdict("unknown", (0,),
                                                 "policy ARN: aws_iam_policy.x.arn")),
    (None, Verdict("pass")),
])
def test_iam_managed_arns_not_admin(arns: Any, expected: Verdict) -> None:
    assert check("iam_managed_arns_not_admin", arns) == expected


EC2_TRUST = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": ["ec2.amazonaws.com"]},
     "Action": ["sts:AssumeRole"]}]}


def public(admitted: str, part: str = "Principal") -> Verdict:
    """The verdict on a statement that admits `admitted` with no condition on who."""
    return Verdict("fail", ("Statement", 0, part),
                   f"Statement[0] allows {admitted} without a condition restricting who")


def trust(principal: Any, condition: Any = None, effect: str = "Allow") -> dict[str, Any]:
    statement = {"Effect": effect, "Principal": principal, "Action": ["sts:AssumeRole"]}
    if condition is not None:
        statement["Condition"] = condition
    return {"Version": "2012-10-17", "Statement": [statement]}


@pytest.mark.parametrize(("document", "expected"), [
    (trust("*"), public("principal *")),
    (trust({"AWS": ["*"]}), public("principal *")),
    (trust({"AWS": "arn:aws:iam::*:root"}),
     public("principal arn:aws:iam::*:root")),
    (trust({"AWS": ["arn:aws:iam::123456789012:root"]}), Verdict("pass")),
    (EC2_TRUST, Verdict("pass")),
    (trust("*", effect="Deny"), Verdict("pass")),
    ({"Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": ["arn:aws:iam::1:root"]},
                     "Action": ["sts:AssumeRole"]}]},
     public("every principal but NotPrincipal", "NotPrincipal")),
    (trust({"AWS": [Unknown("var.account")]}),
     Verdict("unknown", ("Statement", 0, "Principal"), "Principal: var.account")),
    (trust("*", Unknown("var.condition")),
     Verdict("unknown", ("Statement", 0, "Condition"), "Condition: var.condition")),
    (Unknown("data.aws_iam_policy_document.t.json"),
     Verdict("unknown", (), "trust policy: data.aws_iam_policy_document.t.json")),
    (None, Verdict("pass")),
    # conditions that restrict nothing
    (trust("*", {}), public("principal *")),
    (trust("*", {"StringEquals": {}}),
     public("principal *")),
    (trust("*", {"StringLike": {"aws:SourceArn": ["*"]}}),
     public("principal *")),
    (trust("*", {"ForAnyValue:ArnLikeIfExists": {"aws:SourceArn": ["arn:aws:s3:::b", "**"]},
                 "ArnEquals": {"aws:PrincipalArn": ["*"]}}),
     public("principal *")),
    (trust("*", {"StringEquals": {"aws:SourceArn": []}}),
     public("principal *")),
    # conditions on how the request is made, not who makes it (AWS's meaning of public)
    *[(trust("*", condition), public("principal *"))
      for condition in (
          {"StringEquals": {"sts:ExternalId": "x7"}},
          {"Bool": {"aws:SecureTransport": "true"}},
          {"StringEqualsIfExists": {"aws:SourceVpce": ["vpce-1a2b3c"]}},
          {"StringNotEquals": {"aws:SourceVpce": ["vpce-1a2b3c"]}},
          {"IpAddress": {"aws:SourceIp": ["0.0.0.0/0"]}},
          {"ForAllValues:StringEquals": {"aws:PrincipalOrgPaths": ["o-a/r-b/ou-c/"]}},
      )],
    # real restrictions
    (trust("*", {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8"]}}), Verdict("pass")),
    (trust("*", {"ArnLike": {"aws:SourceArn": ["arn:aws:sns:eu-west-1:123456789012:*"]}}),
     Verdict("pass")),
    (trust("*", {"ArnLike": {"aws:SourceArn": ["arn:aws:sns:eu-west-1:*:topic"]}}),
     public("principal *")),
    (trust("*", {"StringLike": {"aws:PrincipalOrgID": ["o-*"]}}), public("principal *")),
    (trust("*", {"StringEquals": {"ec2:SourceInstanceArn": ["arn:aws:ec2:eu-west-1:1:i/i-1"]}}),
     Verdict("pass")),
    (trust("*", {"StringEquals": {"kms:CallerAccount": ["123456789012"]}}), Verdict("pass")),
    (trust("*", {"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": ["o-a/r-b/ou-c/*"]}}),
     Verdict("pass")),
    (trust("*", {"StringEqualsIgnoreCase": {"AWS:SOURCEVPCE": ["vpce-1a2b3c"]}}),
     Verdict("pass")),
    (trust("*", {"ArnLike": {"aws:SourceArn": ["arn:aws:s3:::b"]}}), Verdict("pass")),
    (trust("*", {"StringEquals": {"aws:PrincipalOrgID": ["o-abc123"]}}), Verdict("pass")),
    (trust("*", {"StringEquals": {"aws:SourceArn": ["*"]}}), Verdict("pass")),  # literal
    (trust("*", {"StringLike": {"aws:UserAgent": ["*"]},
                 "StringEquals": {"aws:SourceAccount": [Unknown("var.account")]}}),
     Verdict("pass")),
    (trust("*", {"StringLike": {"aws:SourceArn": [PartialString(("arn:aws:s3:::",
                                                                   Unknown("x")))]}}),
     Verdict("pass")),
    # a wildcard test whose value is not known may or may not restrict
    (trust("*", {"StringLike": {"aws:SourceArn": [Unknown("var.source")]}}),
     Verdict("unknown", ("Statement", 0, "Condition"),
             "Condition.StringLike.aws:SourceArn is not known")),
])
def test_iam_trust_not_public(document: Any, expected: Verdict) -> None:
    assert check("iam_trust_not_public", document) == expected
