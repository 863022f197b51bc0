"""GOV-AWS-153 (S3 access point open to the internet without a complete public access
block) on access points read live from moto (govern/collect/aws/s3_access_points.py): the
flags of GetAccessPoint's `PublicAccessBlockConfiguration` and its `NetworkOrigin`."""

from __future__ import annotations

from typing import Any

import pytest

from tests.collect import world
from tests.collect.conftest import ACCOUNT, client
from tests.collect.live_scan import scan, statuses

RULE = "GOV-AWS-153"
BUCKET = "govern-block-data"
ON = {"BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True,
      "RestrictPublicBuckets": True}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    client(moto_endpoint, "s3").create_bucket(Bucket=BUCKET)
    s3control = client(moto_endpoint, "s3control")
    s3control.meta.events.register(  # moto has no <account>.127.0.0.1 host
        "before-sign.s3-control.*",
        lambda request, **_: setattr(request, "url", request.url.replace(f"//{ACCOUNT}.", "//")))

    def point(name: str, **settings: Any) -> str:
        return str(s3control.create_access_point(AccountId=ACCOUNT, Name=name, Bucket=BUCKET,
                                                 **settings)["AccessPointArn"])

    return {
        "defaults": point("defaults"),
        "all_on": point("all-on", PublicAccessBlockConfiguration=ON),
        "acls_kept": point("acls-kept", PublicAccessBlockConfiguration={
            **ON, "IgnorePublicAcls": False}),
        "policy_allowed": point("policy-allowed", PublicAccessBlockConfiguration={
            **ON, "BlockPublicPolicy": False, "RestrictPublicBuckets": False}),
        "vpc": point("vpc", PublicAccessBlockConfiguration=dict.fromkeys(ON, False),
                     VpcConfiguration={"VpcId": "vpc-0123456789abcdef0"})}


def test_internet_access_points_with_a_flag_off_fail(moto_endpoint: str,
                                                     made: dict[str, str]) -> None:
    found = {(role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule == RULE}
    # defaults, all_on and the VPC access point pass: no finding
    assert found == {("acls_kept", "fail"), ("policy_allowed", "fail")}
