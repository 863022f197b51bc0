"""S3 buckets read from moto for GOV-AWS-265 (MFA delete, CIS AWS 2.1.2): MFA delete comes
from GetBucketVersioning's `MFADelete`. moto never reports it (enabling it needs the root
user's MFA device), so a handler adds it to the answer where AWS would give it."""

from __future__ import annotations

from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import client
from tests.collect.events import deny_calls, on_every_client
from tests.collect.live_scan import read, scan, statuses

RULE = "GOV-AWS-265"


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    s3 = client(moto_endpoint, "s3")
    for name in ("mfa-guarded", "mfa-plain"):
        s3.create_bucket(Bucket=name)
    s3.put_bucket_versioning(Bucket="mfa-guarded",
                             VersioningConfiguration={"Status": "Enabled"})
    return {"guarded": "arn:aws:s3:::mfa-guarded", "plain": "arn:aws:s3:::mfa-plain"}


def _mfa_delete_on_versioned_buckets(monkeypatch: pytest.MonkeyPatch) -> None:
    """AWS answers `MFADelete: Enabled` for a bucket whose owner enabled it."""

    def add(parsed: dict[str, Any], **_: Any) -> None:
        if parsed.get("Status") == "Enabled":
            parsed["MFADelete"] = "Enabled"

    on_every_client(monkeypatch, {"after-call.s3.GetBucketVersioning": add})


def mine(endpoint: str, made: dict[str, str]) -> set[tuple[str, str, str]]:
    return {s for s in statuses(scan(endpoint), made) if s[0] == RULE}


def test_only_a_bucket_with_mfa_delete_passes(moto_endpoint: str, made: dict[str, str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _mfa_delete_on_versioned_buckets(monkeypatch)
    found = read(moto_endpoint)
    assert found[made["guarded"]].get("versioning") == {"enabled": True, "mfa_delete": True}
    assert found[made["plain"]].get("versioning") == {"enabled": False, "mfa_delete": False}
    assert mine(moto_endpoint, made) == {(RULE, "plain", "fail")}


def test_versioning_without_mfa_delete_fails(moto_endpoint: str,
                                             made: dict[str, str]) -> None:
    assert mine(moto_endpoint, made) == {(RULE, "guarded", "fail"), (RULE, "plain", "fail")}


def test_versioning_that_cannot_be_read_is_unknown(moto_endpoint: str, made: dict[str, str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "s3.GetBucketVersioning")
    bucket = read(moto_endpoint)[made["plain"]]
    assert bucket.get("versioning.mfa_delete") == Unknown(
        "access denied: GetBucketVersioning")
    assert mine(moto_endpoint, made) == {(RULE, "guarded", "unknown"),
                                         (RULE, "plain", "unknown")}
