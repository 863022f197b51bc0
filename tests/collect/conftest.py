"""A moto server on 127.0.0.1 (started and stopped here, in its own process) and boto3
clients for it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

boto3 = pytest.importorskip("boto3")
pytest.importorskip("moto.server")

# moto lacks EMR's ListSecurityConfigurations: answered on the client side
from tests.collect.emr_api import _emr_api  # noqa: E402,F401
from tests.collect.moto_process import moto_server_process  # noqa: E402

# moto lacks the Redshift Serverless API: answered on the client side
from tests.collect.serverless_api import (  # noqa: E402,F401
    _serverless_api,
    redshift_serverless,
)

REGION = "us-east-1"


@pytest.fixture(autouse=True)
def _tags_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    """The live tests hold resources to the tagging rules too: the configuration asks for
    the tags `owner` and `cost-center` (the tagging rules run only when tags are asked
    for), as a file named by GOVERN_CONFIG (no test here writes one of its own)."""
    from tests.tagging import TAGS_CONFIG

    monkeypatch.setenv("GOVERN_CONFIG", str(TAGS_CONFIG))
ACCOUNT = "123456789012"  # moto's default account


@pytest.fixture(autouse=True)
def _declared_model(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Everything a live test collects is held to the declared model (govern/kinds/): only
    declared attributes, with the declared types."""
    import govern.collect.aws as collect
    from govern.kinds import value_problems

    real = collect.collect_aws
    problems: list[str] = []

    def checked(options: Any) -> Any:
        graph, notices = real(options)
        problems.extend(f"{r.kind} {problem} ({r.id})" for r in graph
                        for problem in value_problems(r.kind, r.attributes))
        return graph, notices

    monkeypatch.setattr(collect, "collect_aws", checked)
    yield
    assert sorted(set(problems)) == []


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    saved = {k: os.environ.get(k) for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                                            "AWS_DEFAULT_REGION", "AWS_PROFILE")}
    os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                      AWS_DEFAULT_REGION=REGION)
    os.environ.pop("AWS_PROFILE", None)
    try:
        with moto_server_process() as endpoint:
            yield endpoint
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def client(endpoint: str, service: str) -> Any:
    return boto3.client(service, region_name=REGION, endpoint_url=endpoint,
                        aws_access_key_id="testing", aws_secret_access_key="testing")
