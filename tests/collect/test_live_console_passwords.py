"""IAM users' console passwords on a live account (moto): GetLoginProfile read as
`console_password`, judged by GOV-AWS-251; a login profile that cannot be read is unknown,
never a pass."""

from __future__ import annotations

import pytest

from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

USERS = f"arn:aws:iam::{ACCOUNT}:user"


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)  # a scan of the account sees only what this module made
    iam = client(moto_endpoint, "iam")
    for name in ("console-user", "api-user"):
        iam.create_user(UserName=name)
    iam.create_login_profile(UserName="console-user", Password="Initial-Passw0rd!",
                             PasswordResetRequired=True)
    return {"console_user": f"{USERS}/console-user", "api_user": f"{USERS}/api-user"}


def test_console_passwords_are_read(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    assert resources[made["console_user"]].attributes["console_password"] is True
    assert resources[made["api_user"]].attributes["console_password"] is False


def test_only_the_user_with_a_password_fails(moto_endpoint: str,
                                            made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in statuses(scan(moto_endpoint), made)
             if rule == "GOV-AWS-251"}
    assert found == {("GOV-AWS-251", "console_user", "fail")}


def test_an_unreadable_login_profile_is_unknown(moto_endpoint: str, made: dict[str, str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "iam.GetLoginProfile")
    resources = read(moto_endpoint)
    assert resources[made["api_user"]].attributes["console_password"] == Unknown(
        "access denied: GetLoginProfile")
    doc = scan(moto_endpoint, partial=True)
    found = {(rule, role, status) for rule, role, status in statuses(doc, made)
             if rule == "GOV-AWS-251"}
    assert found == {("GOV-AWS-251", "console_user", "unknown"),
                     ("GOV-AWS-251", "api_user", "unknown")}
