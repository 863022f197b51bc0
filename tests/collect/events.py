"""botocore event handlers on every client a scan makes: answers denied, or moto's answers
changed into what AWS would give."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pytest


def on_every_client(monkeypatch: pytest.MonkeyPatch,
                    handlers: Mapping[str, Callable[..., Any]]) -> None:
    """Registers `handlers` (botocore event name -> handler) on every boto3 client made
    from a Session while the test runs."""
    import boto3

    original = boto3.Session.client

    def make(self: Any, *args: Any, **kwargs: Any) -> Any:
        made = original(self, *args, **kwargs)
        for event, handler in handlers.items():
            made.meta.events.register(event, handler)
        return made

    monkeypatch.setattr(boto3.Session, "client", make)


def refusal(code: str = "AccessDenied") -> Callable[..., None]:
    """A `before-call` handler that answers with the error `code`."""

    def refuse(**_: Any) -> None:
        from botocore.exceptions import ClientError

        raise ClientError({"Error": {"Code": code, "Message": "denied"}}, "Call")

    return refuse


def deny_calls(monkeypatch: pytest.MonkeyPatch, *calls: str,
               code: str = "AccessDenied") -> None:
    """Every client answers `calls` (`service.Operation`, `*` allowed) with `code`."""
    on_every_client(monkeypatch, {f"before-call.{call}": refusal(code) for call in calls})
