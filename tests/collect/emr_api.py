"""EMR's ListSecurityConfigurations, which moto does not serve, answered on the client side
by a botocore `before-call` handler (as serverless_api.py does for Redshift Serverless):
the names a test registered (it creates the configurations in moto, which serves
DescribeSecurityConfiguration), paginated by `Marker`. Registered last on every client, so
a test's own handlers (denials) answer first."""

from __future__ import annotations

import json
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

PAGE = 2  # configurations per page, to exercise pagination


class SecurityConfigurations:
    def __init__(self) -> None:
        self.names: list[str] = []

    def answer(self, params: dict[str, Any]) -> dict[str, Any]:
        start = int(params.get("Marker") or 0)
        page: dict[str, Any] = {"SecurityConfigurations": [
            {"Name": name} for name in self.names[start:start + PAGE]]}
        if start + PAGE < len(self.names):
            page["Marker"] = str(start + PAGE)
        return page


def register(client: Any, api: SecurityConfigurations) -> None:
    """Let `client` answer ListSecurityConfigurations from `api`."""

    def handler(params: dict[str, Any], **_: Any) -> tuple[Any, dict[str, Any]]:
        body = params.get("body")
        return SimpleNamespace(status_code=200, headers={}), api.answer(
            json.loads(body) if body else {})

    client.meta.events.register_last("before-call.emr.ListSecurityConfigurations", handler)


@pytest.fixture(scope="session", autouse=True)
def _emr_api() -> Iterator[SecurityConfigurations]:
    """Installed for the whole session, before any module-scoped scan runs."""
    import boto3

    api = SecurityConfigurations()
    original = boto3.Session.client

    def make(self: Any, *args: Any, **kwargs: Any) -> Any:
        made = original(self, *args, **kwargs)
        register(made, api)
        return made

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(boto3.Session, "client", make)
        yield api
