"""The bucket policy statement that refuses requests without TLS
(`s3_policy_denies_insecure_transport`)."""

from __future__ import annotations

from typing import Any

import pytest

from govern.engine.predicates import PREDICATES, PredicateContext
from govern.model.graph import ResourceGraph
from govern.model.unknown import PartialString, Unknown
from tests.engine.helpers import resource

CTX = PredicateContext(resource({}), ResourceGraph())
OBJECTS = "arn:aws:s3:::data/*"


def status(value: Any) -> str:
    return PREDICATES["s3_policy_denies_insecure_transport"](value, {}, CTX).status


def deny(**changes: Any) -> dict[str, Any]:
    statement: dict[str, Any] = {
        "Effect": "Deny", "Principal": "*", "Action": ["s3:*"],
        "Resource": ["arn:aws:s3:::data", OBJECTS],
        "Condition": {"Bool": {"aws:SecureTransport": ["false"]}}}
    statement.update(changes)
    return {k: v for k, v in statement.items() if v is not None}


def policy(*statements: Any) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": list(statements)}


def test_the_documented_statement_passes() -> None:
    assert status(policy(deny())) == "pass"


@pytest.mark.parametrize("changes", [
    {"Principal": {"AWS": ["*"]}}, {"Action": ["*"]}, {"Action": ["S3:*"]},
    {"Resource": ["*"]}, {"Resource": [PartialString((Unknown("the bucket ARN"), "/*"))]},
    {"Condition": {"BoolIfExists": {"aws:securetransport": [False]}}}])
def test_equivalent_forms_pass(changes: dict[str, Any]) -> None:
    assert status(policy({"Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject"],
                          "Resource": [OBJECTS]}, deny(**changes))) == "pass"


@pytest.mark.parametrize("changes", [
    {"Effect": "Allow", "Condition": {"Bool": {"aws:SecureTransport": ["true"]}}},
    {"Principal": {"AWS": ["arn:aws:iam::111122223333:root"]}},
    {"Action": ["s3:GetObject"]},
    {"Resource": ["arn:aws:s3:::data"]},
    {"Condition": {"Bool": {"aws:SecureTransport": ["false"]},
                   "IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}}},
    {"Condition": {"Bool": {"aws:SecureTransport": ["true"]}}},
    {"Condition": None},
    {"Principal": None, "NotPrincipal": {"AWS": ["arn:aws:iam::111122223333:root"]}}])
def test_a_narrower_or_other_statement_fails(changes: dict[str, Any]) -> None:
    assert status(policy(deny(**changes))) == "fail"


def test_no_policy_fails_and_an_unknown_one_is_unknown() -> None:
    assert status(None) == "fail"
    assert status(Unknown("known after apply")) == "unknown"
    assert status(policy(Unknown("a statement from a variable"))) == "unknown"


def test_a_part_known_only_at_apply_time_is_unknown_unless_another_statement_passes() -> None:
    undecided = deny(Resource=[Unknown("known after apply")])
    assert status(policy(undecided)) == "unknown"
    assert status(policy(undecided, deny())) == "pass"
    assert status(policy(deny(Resource=[PartialString((Unknown("the bucket ARN"),))]))) == "unknown"
