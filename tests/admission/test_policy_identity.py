"""The admission policy (mandatory/advisory) and the identity mapping onto live ARNs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from govern.admission.identity import Identities, account_of
from govern.admission.policy import AdmissionPolicy
from govern.model.finding import Finding
from govern.model.graph import ResourceGraph
from govern.model.resource import Resource
from tests.admission.helpers import ACCOUNT, live_graph, live_resource

FINDING = Finding(rule_id="GOV-AWS-015", severity="low", category="tagging", status="fail",
                  message="m", resource_id="r", resource_kind="aws.s3.bucket",
                  resource_address="a", source_format="tfplan", location=None,
                  fingerprint="f")


@pytest.mark.parametrize(("config", "severity", "expected"), [
    ({}, "low", "advisory"),
    ({}, "high", "mandatory"),
    ({}, "critical", "mandatory"),
    ({"mandatory": ["severity>=low"]}, "low", "mandatory"),
    ({"default": "mandatory", "mandatory": []}, "low", "mandatory"),
    ({"mandatory": ["tagging"], "advisory": ["GOV-AWS-015"]}, "low", "advisory"),
    ({"mandatory": ["GOV-AWS-015"], "advisory": ["tagging"]}, "low", "mandatory"),
    ({"mandatory": ["tagging"], "advisory": ["severity>=low"]}, "low", "mandatory"),
    ({"mandatory": ["severity>=high"], "advisory": ["tagging"]}, "critical", "advisory"),
])
def test_classify(config: dict[str, object], severity: str, expected: str) -> None:
    finding = replace(FINDING, severity=severity)  # type: ignore[arg-type]
    assert AdmissionPolicy.from_config(config).classify(finding) == expected


def proposed(kind: str, address: str, **attributes: object) -> Resource:
    return Resource(id=f"tfplan:.:{address}", kind=kind, address=address,
                    source_format="tfplan", native_type="", range=None,
                    attributes=dict(attributes))


def test_account_is_the_most_common_one() -> None:
    assert account_of([f"arn:aws:iam::{ACCOUNT}:role/a", f"arn:aws:iam::{ACCOUNT}:role/b",
                       "arn:aws:iam::999999999999:role/c", "arn:aws:s3:::x",
                       "arn:aws:iam::aws:policy/ReadOnlyAccess"]) == ACCOUNT
    assert account_of(["arn:aws:s3:::x"]) is None


def test_identity_mapping() -> None:
    sg_arn = f"arn:aws:ec2:eu-west-1:{ACCOUNT}:security-group/sg-0abc"
    live = live_graph()
    live.add(live_resource("aws.ec2.security_group", sg_arn, "AWS::EC2::SecurityGroup",
                           name="web"))
    identities = Identities.of(live)
    assert identities.account == ACCOUNT
    assert identities.arn_of(proposed("aws.s3.bucket", "aws_s3_bucket.a",
                                      name="shared-data")) == "arn:aws:s3:::shared-data"
    assert identities.arn_of(proposed("aws.s3.bucket", "aws_s3_bucket.b",
                                      name="brand-new")) is None
    assert identities.arn_of(proposed("aws.iam.role", "aws_iam_role.d", name="deployer")) \
        == f"arn:aws:iam::{ACCOUNT}:role/deployer"
    assert identities.arn_of(proposed("aws.iam.policy", "aws_iam_policy.p", name="Admin")) \
        == f"arn:aws:iam::{ACCOUNT}:policy/Admin"
    # a security group by the id the plan knows, not by its name
    assert identities.arn_of(proposed("aws.ec2.security_group", "aws_security_group.w",
                                      name="web")) is None
    identities.native_ids["aws_security_group.w"] = ("sg-0abc", None)
    assert identities.arn_of(proposed("aws.ec2.security_group", "aws_security_group.w",
                                      name="web")) == sg_arn


def test_nothing_is_live_without_an_inventory() -> None:
    identities = Identities.of(ResourceGraph())
    assert identities.arn_of(proposed("aws.s3.bucket", "aws_s3_bucket.a",
                                      name="shared-data")) is None
