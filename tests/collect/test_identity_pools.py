"""Cognito identity pools read from moto (govern/collect/aws/identity_pools.py), judged by
GOV-AWS-089 (unauthenticated identities) and GOV-AWS-015 (tags)."""

from __future__ import annotations

import pytest

from govern.collect.aws.collector import collect
from govern.collect.aws.options import AwsOptions
from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

TAGS = {tag["Key"]: tag["Value"] for tag in world.TAGS}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    cognito = client(moto_endpoint, "cognito-identity")

    def pool(name: str, guests: bool, **extra: object) -> str:
        pool_id = cognito.create_identity_pool(
            IdentityPoolName=name, AllowUnauthenticatedIdentities=guests,
            **extra)["IdentityPoolId"]
        return f"arn:aws:cognito-identity:{REGION}:{ACCOUNT}:identitypool/{pool_id}"

    return {"guests": pool("guests", True, IdentityPoolTags=TAGS),
            "signed_in": pool("signed_in", False, IdentityPoolTags=TAGS),
            "untagged": pool("untagged", False)}


def test_each_pool_fails_exactly_the_rules_it_breaks(moto_endpoint: str,
                                                     made: dict[str, str]) -> None:
    assert statuses(scan(moto_endpoint), made) == {
        ("GOV-AWS-089", "guests", "fail"), ("GOV-AWS-015", "untagged", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    guests = resources[made["guests"]]
    assert (guests.kind, guests.native_type, guests.context) == (
        "aws.cognito.identity_pool", "AWS::Cognito::IdentityPool", f"aws:{ACCOUNT}:{REGION}")
    assert guests.attributes == {"name": "guests", "allow_unauthenticated_identities": True,
                                 "tags": TAGS}
    assert resources[made["untagged"]].attributes["tags"] == {}


def test_a_pool_that_cannot_be_described_is_unknown_not_a_pass(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "cognito-identity.DescribeIdentityPool")
    denied = Unknown("access denied: DescribeIdentityPool")
    assert read(moto_endpoint)[made["signed_in"]].attributes == {
        "name": "signed_in", "allow_unauthenticated_identities": denied, "tags": denied}
    assert statuses(scan(moto_endpoint), made) == {
        (rule, role, "unknown") for rule in ("GOV-AWS-089", "GOV-AWS-015") for role in made}


def test_pools_that_cannot_be_listed_are_reported(moto_endpoint: str, made: dict[str, str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "cognito-identity.ListIdentityPools")
    graph, notices = collect(AwsOptions(regions=(REGION,), endpoint_url=moto_endpoint))
    assert not set(made.values()) & {resource.id for resource in graph}
    hints = {notice.hint for notice in notices if notice.level == "warning"}
    assert "grant cognito-identity:ListIdentityPools to the scanning role " \
        "(docs/live-aws.md)" in hints
