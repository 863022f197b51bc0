"""The collector's clients: one per service and region, and a stand-in that answers at once
for a service AWS does not offer in a region (instead of connection attempts retried for
minutes)."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("botocore")

from govern.collect.aws.clients import ClientFactory
from govern.collect.aws.reader import Failed, Reader


class FakeSession:
    def __init__(self) -> None:
        self.made: list[tuple[str, str]] = []

    def client(self, service: str, region_name: str, endpoint_url: str | None,
               config: Any) -> object:
        self.made.append((service, region_name))
        return object()

    def get_available_regions(self, service: str) -> list[str]:
        return {"glue": ["us-east-1", "eu-west-1"], "iam": []}.get(service, ["us-east-1"])


def test_one_client_per_service_and_region() -> None:
    session = FakeSession()
    factory = ClientFactory(session, None, None)
    first = factory("glue", "us-east-1")
    assert factory.in_region("us-east-1")("glue") is first
    assert factory("glue", "eu-west-1") is not first
    assert factory("iam", "ap-east-2") is not None  # global: no region list
    assert session.made == [("glue", "us-east-1"), ("glue", "eu-west-1"),
                            ("iam", "ap-east-2")]


def test_a_service_not_offered_in_a_region_answers_at_once() -> None:
    session = FakeSession()
    factory = ClientFactory(session, None, None)
    reader = Reader()
    glue = factory("glue", "ap-east-2")
    assert session.made == []
    answer = reader.call(glue, "GetDataCatalogEncryptionSettings", "ap-east-2")
    assert answer is None
    listed = reader.pages(glue, "GetDatabases", "ap-east-2", "DatabaseList")
    assert not isinstance(listed, Failed) and list(listed) == []
    notes = [n.message for n in reader.notices()]
    assert notes == ["GetDataCatalogEncryptionSettings: glue is not offered in ap-east-2",
                     "GetDatabases: glue is not offered in ap-east-2"]
    assert all(n.level == "note" for n in reader.notices())


def test_an_emulator_offers_every_service_everywhere() -> None:
    session = FakeSession()
    ClientFactory(session, "http://127.0.0.1:5000", None)("glue", "ap-east-2")
    assert session.made == [("glue", "ap-east-2")]


def test_sessions_share_one_service_model_loader() -> None:
    """Each session's clients would otherwise parse their service model again (an --org
    scan opens a session per account, govern serve one per check)."""
    from govern.collect.aws.sessions import new_session

    first = new_session(region_name="us-east-1", aws_access_key_id="a",
                        aws_secret_access_key="b")
    second = new_session(region_name="eu-west-1", aws_access_key_id="c",
                         aws_secret_access_key="d")
    assert first._session is not second._session
    assert first._session.get_component("data_loader") is \
        second._session.get_component("data_loader")
    # the credentials and regions stay each session's own
    assert first.get_credentials().access_key == "a"
    assert second.region_name == "eu-west-1"
