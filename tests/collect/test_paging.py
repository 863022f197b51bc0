"""The collector's own paging and answer checks, with stand-in clients (no server): a
pagination token that repeats, answers without their list, the scan's deadline."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from govern.collect.aws.deadline import Deadline
from govern.collect.aws.listings import LISTINGS, MAY_OMIT
from govern.collect.aws.paging import marker_pages, token_pages
from govern.collect.aws.reader import Failed, Reader
from govern.model.kinds import KINDS

WORKGROUPS = [{"Name": "primary"}, {"Name": "etl"}]


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A paging loop that never ends fails the test instead of blocking the suite."""
    def stop(*_: Any) -> None:
        raise TimeoutError("the listing did not end")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


class Athena:
    """ListWorkGroups answering `pages` in turn (the last one again and again)."""

    meta = SimpleNamespace(service_model=SimpleNamespace(signing_name="athena"))

    def __init__(self, *pages: Any) -> None:
        self.pages = list(pages)
        self.calls: list[dict[str, Any]] = []

    def list_work_groups(self, **params: Any) -> Any:
        self.calls.append(params)
        return self.pages[min(len(self.calls), len(self.pages)) - 1]


def notices(reader: Reader, allow_partial: bool = False) -> list[tuple[str, str]]:
    return [(n.level, n.message) for n in reader.notices(allow_partial)]


LOST = ("warning", "athena in us-east-1: ListWorkGroups failed: {}; its aws.athena.workgroup "
        "resources there are unknown")
INCOMPLETE = ("error", "the live scan is incomplete: could not list athena (us-east-1); the "
              "resources there are unknown")


def test_token_pages_follows_next_token() -> None:
    athena = Athena({"WorkGroups": WORKGROUPS[:1], "NextToken": "2"},
                    {"WorkGroups": WORKGROUPS[1:]})
    reader = Reader()
    assert token_pages(reader, athena, "ListWorkGroups", "us-east-1",
                       "WorkGroups") == WORKGROUPS
    assert athena.calls == [{}, {"NextToken": "2"}]
    assert notices(reader) == []


def test_a_repeating_token_ends_the_listing_as_failed() -> None:
    athena = Athena({"WorkGroups": WORKGROUPS[:1], "NextToken": "again"})
    reader = Reader()
    answer = token_pages(reader, athena, "ListWorkGroups", "us-east-1", "WorkGroups")
    assert isinstance(answer, Failed)
    assert len(athena.calls) == 2  # the token was followed once, not again
    assert notices(reader) == [(LOST[0], LOST[1].format("the pagination token repeated")),
                               INCOMPLETE]


def test_a_repeating_marker_ends_the_listing_as_failed() -> None:
    class CloudFront:
        meta = SimpleNamespace(service_model=SimpleNamespace(signing_name="cloudfront"))
        calls = 0

        def list_distributions(self, **_: Any) -> Any:
            self.calls += 1
            return {"DistributionList": {"Items": [{"Id": "E1"}], "NextMarker": "m"}}

    cloudfront = CloudFront()
    reader = Reader()
    answer = marker_pages(reader, cloudfront, "ListDistributions", "global",
                          ("DistributionList", "Items"),
                          ("Marker", ("DistributionList", "NextMarker")))
    assert isinstance(answer, Failed)
    assert cloudfront.calls == 2
    assert [m for _, m in notices(reader, allow_partial=True)] == [
        "cloudfront in global: ListDistributions failed: the pagination token repeated; its "
        "aws.cloudfront.distribution resources there are unknown"]


@pytest.mark.parametrize(("answer", "why"), [
    ({}, "malformed answer: the answer has no 'WorkGroups'"),
    ({"WorkGroups": None}, "malformed answer: the answer has null as 'WorkGroups'"),
    ({"WorkGroups": "primary"}, "malformed answer: 'WorkGroups' of the answer is a str, "
                                "not a list"),
    (["primary"], "malformed answer: a list, not a map"),
    ({"WorkGroups": [], "NextToken": 7}, "malformed answer: a pagination token that is a "
                                         "int"),
])
def test_a_malformed_listing_is_a_failed_listing(answer: Any, why: str) -> None:
    reader = Reader()
    assert isinstance(token_pages(reader, Athena(answer), "ListWorkGroups", "us-east-1",
                                  "WorkGroups"), Failed)
    assert notices(reader) == [(LOST[0], LOST[1].format(why)), INCOMPLETE]


def test_with_allow_partial_a_failed_listing_is_only_a_warning() -> None:
    reader = Reader()
    token_pages(reader, Athena({}), "ListWorkGroups", "us-east-1", "WorkGroups")
    assert [level for level, _ in notices(reader, allow_partial=True)] == ["warning"]


def test_a_tag_listing_without_its_key_has_no_tags() -> None:
    """Only listings of resources must hold their list; a tag listing may leave it out."""
    class Untagged(Athena):
        def list_tags_for_resource(self, **_: Any) -> Any:
            return {}

    reader = Reader()
    assert token_pages(reader, Untagged(), "ListTagsForResource", "arn:aws:athena:x",
                       "Tags") == []
    assert notices(reader) == []


def test_after_the_deadline_no_call_is_made() -> None:
    checks = iter(range(100))
    deadline = Deadline(at=2, seconds=60, clock=lambda: next(checks))
    athena = Athena({"WorkGroups": WORKGROUPS[:1], "NextToken": "2"},
                    {"WorkGroups": WORKGROUPS[1:], "NextToken": "3"},
                    {"WorkGroups": []})
    reader = Reader(deadline)
    answer = token_pages(reader, athena, "ListWorkGroups", "us-east-1", "WorkGroups")
    assert isinstance(answer, Failed)
    assert len(athena.calls) == 2
    assert notices(reader) == [
        ("warning", "athena in us-east-1: ListWorkGroups not called: the scan's deadline "
                    "passed (--aws-timeout 60); its aws.athena.workgroup resources there "
                    "are unknown"), INCOMPLETE]
    assert reader.notices()[0].hint == "raise --aws-timeout, or scan fewer regions at a time"


def test_every_listing_names_canonical_kinds() -> None:
    assert {kind for kinds in LISTINGS.values() for kind in kinds} <= set(KINDS)
    assert MAY_OMIT.issubset(LISTINGS)
