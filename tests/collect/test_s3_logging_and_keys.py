"""S3 server access logging (GOV-AWS-155, live GetBucketLogging), default encryption with
a customer managed KMS key (GOV-AWS-156, live GetBucketEncryption) and a bucket policy
denying requests without TLS (GOV-AWS-162, live GetBucketPolicy) read from moto: a server
access log destination (LogDelivery group allowed to write) is not asked for a customer
managed key."""

from __future__ import annotations

from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery"


def _encrypted(s3: Any, name: str, algorithm: str, key: str | None = None) -> None:
    default = {"SSEAlgorithm": algorithm, **({"KMSMasterKeyID": key} if key else {})}
    s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={
        "Rules": [{"ApplyServerSideEncryptionByDefault": default}]})


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    s3 = client(moto_endpoint, "s3")

    def bucket(name: str) -> str:
        s3.create_bucket(Bucket=name)
        s3.put_public_access_block(Bucket=name,
                                   PublicAccessBlockConfiguration=world.ALL_BLOCKED)
        s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": world.TAGS})
        return f"arn:aws:s3:::{name}"

    made = {"logs": bucket("govern-logs"), "logged": bucket("govern-logged"),
            "aws_managed": bucket("govern-aws-managed"),
            "managed_alias": bucket("govern-managed-alias")}
    # the log destination: SSE-S3 (the only encryption S3 delivers access logs to) and an
    # ACL letting the LogDelivery group write; it does not log its own access
    _encrypted(s3, "govern-logs", "AES256")
    owner = s3.get_bucket_acl(Bucket="govern-logs")["Owner"]
    s3.put_bucket_acl(Bucket="govern-logs", AccessControlPolicy={"Owner": owner, "Grants": [
        {"Grantee": {"Type": "CanonicalUser", "ID": owner["ID"]},
         "Permission": "FULL_CONTROL"},
        {"Grantee": {"Type": "Group", "URI": LOG_DELIVERY}, "Permission": "WRITE"},
        {"Grantee": {"Type": "Group", "URI": LOG_DELIVERY}, "Permission": "READ_ACP"}]})
    _encrypted(s3, "govern-logged", "aws:kms", world.DATA_KEY)
    _encrypted(s3, "govern-aws-managed", "aws:kms")
    _encrypted(s3, "govern-managed-alias", "aws:kms", "alias/aws/s3")
    for name in ("govern-logged", "govern-aws-managed", "govern-managed-alias"):
        world.allow_log_delivery(s3, name)  # its policy also denies requests without TLS
        s3.put_bucket_logging(Bucket=name, BucketLoggingStatus={"LoggingEnabled": {
            "TargetBucket": "govern-logs", "TargetPrefix": f"{name}/"}})
    return made


def test_each_bucket_fails_exactly_the_rules_it_breaks(moto_endpoint: str,
                                                       made: dict[str, str]) -> None:
    assert statuses(scan(moto_endpoint), made) == {
        ("GOV-AWS-155", "logs", "fail"), ("GOV-AWS-162", "logs", "fail"),
        ("GOV-AWS-156", "aws_managed", "fail"), ("GOV-AWS-156", "managed_alias", "fail"),
        # none is versioned, none has MFA delete
        *{(rule, role, "fail") for rule in ("GOV-AWS-189", "GOV-AWS-265")
          for role in ("logs", "logged", "aws_managed", "managed_alias")}}


def test_canonical_logging_and_encryption(moto_endpoint: str, made: dict[str, str]) -> None:
    found = read(moto_endpoint)
    logged = found[made["logged"]].attributes
    assert logged["logging"] == {"enabled": True, "target_bucket": "govern-logs",
                                 "target_prefix": "govern-logged/"}
    assert logged["encryption"] == {"enabled": True, "algorithm": "aws:kms",
                                    "kms_key": world.DATA_KEY, "bucket_key_enabled": False}
    logs = found[made["logs"]].attributes
    assert "logging" not in logs
    assert {"grantee_type": "Group", "uri": LOG_DELIVERY, "permission": "WRITE"} in \
        logs["grants"]
    assert found[made["aws_managed"]].attributes["encryption"] == {
        "enabled": True, "algorithm": "aws:kms", "bucket_key_enabled": False}


def test_unreadable_logging_is_unknown(moto_endpoint: str, made: dict[str, str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "s3.GetBucketLogging")
    found = read(moto_endpoint)
    assert found[made["logged"]].attributes["logging"] == {
        "enabled": Unknown("access denied: GetBucketLogging")}
    assert {(rule, role) for rule, role, status in statuses(scan(moto_endpoint), made)
            if status == "unknown"} == {("GOV-AWS-155", role) for role in made}


def test_an_unreadable_policy_makes_the_transport_rule_unknown(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """GetBucketPolicy failing: the bucket may have no policy or one that denies plain
    HTTP: unknown, not a pass and not a failure."""
    deny_calls(monkeypatch, "s3.GetBucketPolicy")
    found = statuses(scan(moto_endpoint), made)
    assert {("GOV-AWS-162", role, "unknown") for role in made} <= found
    assert not {s for s in found if s[0] == "GOV-AWS-162" and s[2] != "unknown"}
