"""S3 access points read from moto (govern/collect/aws/s3_access_points.py) as
`aws.s3.access_point`, and GOV-AWS-003 on them: a public access point policy fails unless
the access point's own block restricts public policies or it takes requests from a VPC
only."""

from __future__ import annotations

import json
from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

BUCKET = "govern-shared-data"
OPEN = {"BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": False,
        "RestrictPublicBuckets": False}


def public_policy(name: str, condition: dict[str, Any] | None = None) -> str:
    statement: dict[str, Any] = {
        "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:{REGION}:{ACCOUNT}:accesspoint/{name}/object/*"}
    if condition:
        statement["Condition"] = condition
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})


def policy_statuses(endpoint: str, made: dict[str, str]) -> set[tuple[str, str, str]]:
    """The GOV-AWS-003 findings (GOV-AWS-153, on the block's flags: test_s3_access_point_blocks)."""
    return {s for s in statuses(scan(endpoint), made) if s[0] == "GOV-AWS-003"}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    client(moto_endpoint, "s3").create_bucket(Bucket=BUCKET)
    s3control = client(moto_endpoint, "s3control")
    s3control.meta.events.register(  # moto has no <account>.127.0.0.1 host
        "before-sign.s3-control.*",
        lambda request, **_: setattr(request, "url", request.url.replace(f"//{ACCOUNT}.", "//")))

    def point(name: str, policy: str | None, **settings: Any) -> str:
        arn = s3control.create_access_point(AccountId=ACCOUNT, Name=name, Bucket=BUCKET,
                                            **settings)["AccessPointArn"]
        if policy is not None:
            s3control.put_access_point_policy(AccountId=ACCOUNT, Name=name, Policy=policy)
        return str(arn)

    return {
        "open": point("open", public_policy("open"), PublicAccessBlockConfiguration=OPEN),
        "restricted": point("restricted", public_policy("restricted"),
                            PublicAccessBlockConfiguration={**OPEN,
                                                            "RestrictPublicBuckets": True}),
        "vpc": point("vpc", public_policy("vpc"), PublicAccessBlockConfiguration=OPEN,
                     VpcConfiguration={"VpcId": "vpc-0123456789abcdef0"}),
        "organization": point("organization", public_policy("organization", {
            "StringEquals": {"aws:PrincipalOrgID": "o-abc123def4"}}),
            PublicAccessBlockConfiguration=OPEN),
        "default": point("default", None)}


def test_only_the_unrestricted_internet_access_point_fails(moto_endpoint: str,
                                                           made: dict[str, str]) -> None:
    assert policy_statuses(moto_endpoint, made) == {("GOV-AWS-003", "open", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    found = read(moto_endpoint)
    open_point, vpc, default = (found[made[role]] for role in ("open", "vpc", "default"))
    assert (open_point.kind, open_point.native_type, open_point.context) == (
        "aws.s3.access_point", "AWS::S3::AccessPoint", f"aws:{ACCOUNT}:{REGION}")
    flags = {"block_public_acls": True, "ignore_public_acls": True,
             "block_public_policy": False, "restrict_public_buckets": False}
    assert open_point.attributes == {
        "name": "open", "bucket": BUCKET, "network_origin": "Internet",
        "public_access_block": flags,
        "policy": {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject"],
            "Resource": [f"arn:aws:s3:{REGION}:{ACCOUNT}:accesspoint/open/object/*"]}]}}
    assert vpc.attributes["network_origin"] == "VPC"
    # created without a configuration: S3 turns every flag on; no policy is absent
    assert default.attributes == {
        "name": "default", "bucket": BUCKET, "network_origin": "Internet",
        "public_access_block": dict.fromkeys(flags, True)}


def test_a_policy_that_cannot_be_read_is_unknown_not_a_pass(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "s3-control.GetAccessPointPolicy")
    found = read(moto_endpoint)
    policy = found[made["organization"]].attributes["policy"]
    assert isinstance(policy, Unknown)
    assert policy.reason == "access denied: GetAccessPointPolicy"
    # the others pass whatever their policy: restricted by their block, or from a VPC
    assert policy_statuses(moto_endpoint, made) == {
        ("GOV-AWS-003", role, "unknown") for role in ("open", "organization")}


def test_a_block_that_cannot_be_read_is_unknown(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "s3-control.GetAccessPoint")
    point = read(moto_endpoint)[made["restricted"]]
    assert point.attributes["public_access_block"] == Unknown(
        "access denied: GetAccessPoint")
    assert point.attributes["network_origin"] == "Internet"  # from the listing
    assert ("GOV-AWS-003", "restricted", "unknown") in statuses(scan(moto_endpoint), made)
