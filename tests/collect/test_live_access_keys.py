"""IAM users' access keys on a live account (moto): ListAccessKeys read as
`active_access_keys` (keys with `Status` `Active`), judged by GOV-AWS-267; keys that cannot
be listed are unknown, never a pass."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, client
from tests.collect.events import deny_calls, on_every_client
from tests.collect.live_scan import read, scan, statuses

USERS = f"arn:aws:iam::{ACCOUNT}:user"
RULE = "GOV-AWS-267"


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)  # a scan of the account sees only what this module made
    iam = client(moto_endpoint, "iam")
    for name in ("two-keys", "rotated", "one-key", "no-keys"):
        iam.create_user(UserName=name)
    for name in ("two-keys", "two-keys", "rotated", "rotated", "one-key"):
        iam.create_access_key(UserName=name)
    old = iam.list_access_keys(UserName="rotated")["AccessKeyMetadata"][0]["AccessKeyId"]
    iam.update_access_key(UserName="rotated", AccessKeyId=old, Status="Inactive")
    return {name.replace("-", "_"): f"{USERS}/{name}"
            for name in ("two-keys", "rotated", "one-key", "no-keys")}


def test_active_access_keys_are_counted(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    assert {role: resources[arn].attributes["active_access_keys"]
            for role, arn in made.items()} == {
        "two_keys": 2, "rotated": 1, "one_key": 1, "no_keys": 0}


def test_only_the_user_with_two_active_keys_fails(moto_endpoint: str,
                                                 made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in statuses(scan(moto_endpoint), made)
             if rule == RULE}
    assert found == {(RULE, "two_keys", "fail")}


def test_keys_that_cannot_be_listed_are_unknown(moto_endpoint: str, made: dict[str, str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "iam.ListAccessKeys")
    resources = read(moto_endpoint)
    assert resources[made["no_keys"]].attributes["active_access_keys"] == Unknown(
        "access denied: ListAccessKeys")
    doc = scan(moto_endpoint, partial=True)
    found = {(rule, role, status) for rule, role, status in statuses(doc, made)
             if rule == RULE}
    assert found == {(RULE, role, "unknown") for role in made}


def test_an_answer_without_keys_is_unknown(moto_endpoint: str, made: dict[str, str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def no_list(**_: Any) -> tuple[Any, dict[str, Any]]:
        return SimpleNamespace(status_code=200, headers={}), {"IsTruncated": False}

    on_every_client(monkeypatch, {"before-call.iam.ListAccessKeys": no_list})
    resources = read(moto_endpoint)
    count = resources[made["two_keys"]].attributes["active_access_keys"]
    assert isinstance(count, Unknown)
    assert "no 'AccessKeyMetadata' list" in count.reason
