"""GOV-AWS-166 (the trail's S3 bucket does not log server access requests) and GOV-AWS-167
(the trail's S3 bucket is public) on trails and buckets read live from moto: the trail's
`S3BucketName` leads to the bucket of that name (GetBucketLogging, GetBucketAcl,
GetBucketPolicy, GetPublicAccessBlock); a bucket the scan did not read is unknown."""

from __future__ import annotations

import pytest

from tests.collect import world
from tests.collect.conftest import client
from tests.collect.live_scan import read, scan, statuses

RULE = "GOV-AWS-166"


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    s3 = client(moto_endpoint, "s3")
    for name in ("govern-trail-logged", "govern-trail-unlogged", "govern-access-logs"):
        s3.create_bucket(Bucket=name)
    world.allow_log_delivery(s3, "govern-access-logs")
    s3.put_bucket_acl(Bucket="govern-trail-unlogged", ACL="public-read")
    s3.put_bucket_logging(Bucket="govern-trail-logged", BucketLoggingStatus={
        "LoggingEnabled": {"TargetBucket": "govern-access-logs", "TargetPrefix": "trail/"}})
    cloudtrail = client(moto_endpoint, "cloudtrail")

    def trail(name: str, bucket: str) -> str:
        return str(cloudtrail.create_trail(Name=name, S3BucketName=bucket)["TrailARN"])

    logged, unlogged = trail("logged", "govern-trail-logged"), \
        trail("unlogged", "govern-trail-unlogged")
    s3.create_bucket(Bucket="govern-trail-gone")
    gone = trail("gone", "govern-trail-gone")
    s3.delete_bucket(Bucket="govern-trail-gone")  # as if of another account: not read
    return {"logged": logged, "unlogged": unlogged, "gone": gone}


def test_a_trail_fails_when_its_bucket_does_not_log_access(moto_endpoint: str,
                                                           made: dict[str, str]) -> None:
    found = {(role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule == RULE}
    assert found == {("unlogged", "fail"), ("gone", "unknown")}  # "logged" passes


def test_a_trail_fails_when_its_bucket_is_public(moto_endpoint: str,
                                                made: dict[str, str]) -> None:
    found = {(role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule == "GOV-AWS-167"}
    assert found == {("unlogged", "fail"), ("gone", "unknown")}  # "logged" is private


def test_the_bucket_name_is_read(moto_endpoint: str, made: dict[str, str]) -> None:
    assert read(moto_endpoint)[made["unlogged"]].attributes["s3_bucket_name"] == \
        "govern-trail-unlogged"
