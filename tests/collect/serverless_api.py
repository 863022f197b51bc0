"""The Redshift Serverless API, which moto does not serve, answered on the client side by
a botocore `before-call` handler as AWS documents it: ListWorkgroups (paginated by
`nextToken`) and ListTagsForResource (`tags` as `[{key, value}]`). Registered last on
every client, so a test's own handlers (denials) answer first."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import pytest

OPERATIONS = ("ListWorkgroups", "ListTagsForResource")
PAGE = 2  # workgroups per ListWorkgroups page, to exercise pagination


@dataclass
class ServerlessApi:
    workgroups: list[dict[str, Any]] = field(default_factory=list)
    tags: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)

    def answer(self, operation: str, params: dict[str, Any]) -> dict[str, Any]:
        self.calls.append(operation)
        if operation == "ListWorkgroups":
            start = int(params.get("nextToken") or 0)
            page: dict[str, Any] = {"workgroups": self.workgroups[start:start + PAGE]}
            if start + PAGE < len(self.workgroups):
                page["nextToken"] = str(start + PAGE)
            return page
        return {"tags": self.tags.get(str(params["resourceArn"]), [])}


def register(client: Any, api: ServerlessApi) -> None:
    """Let `client` answer the Redshift Serverless operations from `api`."""

    def handler(model: Any, params: dict[str, Any], **_: Any) -> tuple[Any, dict[str, Any]]:
        body = params.get("body")
        request = json.loads(body) if body else {}
        return SimpleNamespace(status_code=200, headers={}), api.answer(model.name, request)

    for operation in OPERATIONS:  # by name: a wildcard would answer before the handlers
        client.meta.events.register_last(  # of a test, whatever their order
            f"before-call.redshift-serverless.{operation}", handler)


@pytest.fixture(scope="session", autouse=True)
def _serverless_api() -> Iterator[ServerlessApi]:
    """Installed for the whole session, before any module-scoped scan runs."""
    import boto3

    api = ServerlessApi()
    original = boto3.Session.client

    def make(self: Any, *args: Any, **kwargs: Any) -> Any:
        made = original(self, *args, **kwargs)
        register(made, api)
        return made

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(boto3.Session, "client", make)
        yield api


@pytest.fixture(autouse=True)
def redshift_serverless(_serverless_api: ServerlessApi) -> Iterator[ServerlessApi]:
    """The API's state, empty for each test (workgroups and tags a test adds)."""
    _serverless_api.workgroups.clear()
    _serverless_api.tags.clear()
    _serverless_api.calls.clear()
    yield _serverless_api
