"""Fail closed: a listing that fails makes that service's resources unknown in that region
(a warning naming service, region, account, call and reason) and the scan exits 3 unless
--allow-partial; the same for 5xx, connection errors, answers without their list,
repeating pagination tokens, readers that raise and the scan's deadline (moto server)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from click.testing import CliRunner

from govern.cli import cli
from govern.collect.aws.listings import LISTINGS
from tests.collect import world
from tests.collect.events import deny_calls, on_every_client

pytestmark = pytest.mark.server

ACCOUNT = world.ACCOUNT
GLOBAL_SERVICES = {"s3", "iam", "cloudfront"}


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    return world.build(moto_endpoint)


def scan(endpoint: str, *args: str) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(cli, ["scan", "--aws", "--endpoint-url", endpoint,
                                      "--format", "json", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.output
    return result.exit_code, json.loads(result.output)


def notices(doc: dict[str, Any], level: str, code: str) -> list[str]:
    return [n["message"] for n in doc["notices"] if n["level"] == level and n["code"] == code]


def failing(operation: str, make: Callable[[], Exception]) -> dict[str, Callable[..., Any]]:
    def fail(**_: Any) -> None:
        raise make()

    return {f"before-call.*.{operation}": fail}


def changing(operation: str, change: Callable[[dict[str, Any]], None]
             ) -> dict[str, Callable[..., Any]]:
    """An `after-call` handler changing the parsed answer of `operation` in place."""
    def edit(parsed: dict[str, Any], **_: Any) -> None:
        change(parsed)

    return {f"after-call.*.{operation}": edit}


def answering(operation: str, answer: dict[str, Any]) -> dict[str, Callable[..., Any]]:
    """A `before-call` handler answering `operation` with `answer` without asking moto
    (which rejects a token it did not hand out), as AWS would if it repeated a token."""
    from types import SimpleNamespace

    def answer_call(**_: Any) -> tuple[Any, dict[str, Any]]:
        return SimpleNamespace(status_code=200, headers={}), dict(answer)

    return {f"before-call.*.{operation}": answer_call}


def lost(service: str, why: str, kinds: str, region: str = world.REGION) -> str:
    return (f"{service} in {region} (account {ACCOUNT}): {why}; its {kinds} resources there "
            "are unknown")


def incomplete(listed: str) -> str:
    return (f"the live scan (account {ACCOUNT}) is incomplete: could not list {listed}; the "
            "resources there are unknown")


def test_every_listing_denied_exits_3_and_names_the_services(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, *sorted({f"*.{operation}" for _, operation in LISTINGS}))
    code, doc = scan(moto_endpoint)
    assert code == 3
    top = {prefix for prefix, _ in LISTINGS}
    services = ", ".join(f"{p} ({'global' if p in GLOBAL_SERVICES else world.REGION})"
                         for p in sorted(top))
    assert notices(doc, "error", "aws-scan-incomplete") == [incomplete(services)]
    warnings = notices(doc, "warning", "aws-listing-failed")
    assert lost("ec2", "access denied: DescribeVolumes", "aws.ec2.volume") in warnings
    assert lost("s3", "access denied: ListBuckets", "aws.s3.bucket", "global") in warnings
    assert {w.split(" in ", 1)[0] for w in warnings} == top
    hints = {n["hint"] for n in doc["notices"] if n["code"] == "aws-listing-failed"}
    assert "grant s3:ListAllMyBuckets to the scanning role (docs/live-aws.md)" in hints
    assert "grant es:ListDomainNames to the scanning role (docs/live-aws.md)" in hints
    assert doc["findings"] == []  # nothing listed: no finding, and no pass either


def test_every_listing_denied_with_allow_partial_exits_per_findings(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, *sorted({f"*.{operation}" for _, operation in LISTINGS}))
    code, doc = scan(moto_endpoint, "--allow-partial")
    assert code == 0  # the account settings read are compliant (world.build)
    assert notices(doc, "error", "aws-scan-incomplete") == []
    # one warning per listing denied (those under a parent, such as a function's
    # policy, are never called: their parents are not listed)
    children = {"ListFunctionUrlConfigs", "GetPolicy", "DescribeListeners", "GetResources",
                "ListPermissionSets", "GetRoutes", "ListNodegroups", "ListServices",
                "GetStages"}
    named = {m.split(": access denied: ", 1)[1].split(";")[0]
             for m in notices(doc, "warning", "aws-listing-failed")}
    assert named == {operation for _, operation in LISTINGS} - children


def break_listings(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 5xx (what botocore raises once its retries are spent), a connection error, an
    answer without its list, a pagination token that repeats, and a volume without its id
    (the reader of the region's volumes, instances, RDS, KMS and trails stops)."""
    from botocore.exceptions import ClientError, EndpointConnectionError

    def server_error() -> Exception:
        error: Exception = ClientError(
            {"Error": {"Code": "InternalError", "Message": "try again"},
             "ResponseMetadata": {"HTTPStatusCode": 500}}, "DescribeSecurityGroups")
        return error

    def unreachable() -> Exception:
        error: Exception = EndpointConnectionError(
            endpoint_url="https://sns.us-east-1.amazonaws.com/")
        return error

    on_every_client(monkeypatch, {
        **failing("DescribeSecurityGroups", server_error),
        **failing("ListTopics", unreachable),
        **changing("DescribeSubnets", lambda parsed: parsed.pop("Subnets")),
        **answering("ListQueues", {"QueueUrls": [], "NextToken": "again"}),
        **changing("DescribeVolumes", lambda parsed: parsed.update(Volumes=[{"Size": 8}]))})


BROKEN = [
    lost("ec2", "DescribeSecurityGroups failed: InternalError", "aws.ec2.security_group"),
    lost("ec2", "DescribeSubnets failed: malformed answer: the answer has no 'Subnets'",
         "aws.ec2.subnet"),
    lost("sns", "ListTopics failed: EndpointConnectionError", "aws.sns.topic"),
    lost("sqs", "ListQueues failed: the pagination token repeated", "aws.sqs.queue")]
MALFORMED_VOLUME = (
    f"reader regional in {world.REGION} (account {ACCOUNT}): an answer it could not read "
    "(KeyError: 'VolumeId'); the resources it reads there are unknown")


def test_failed_listings_are_unknown_and_the_scan_exits_3(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    break_listings(monkeypatch)
    code, doc = scan(moto_endpoint)
    assert code == 3
    assert notices(doc, "warning", "aws-listing-failed") == BROKEN
    assert notices(doc, "warning", "aws-malformed-answer") == [MALFORMED_VOLUME]
    assert notices(doc, "error", "aws-scan-incomplete") == [incomplete(
        f"ec2 ({world.REGION}), regional ({world.REGION}), sns ({world.REGION}), "
        f"sqs ({world.REGION})")]


def test_with_allow_partial_the_findings_decide_and_the_others_go_on(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    break_listings(monkeypatch)
    code, doc = scan(moto_endpoint, "--allow-partial")
    assert code == 1  # the bad bucket, still read
    assert [n for n in doc["notices"] if n["level"] == "error"] == []
    assert notices(doc, "warning", "aws-listing-failed") == BROKEN
    addresses = {f["resource"]["address"] for f in doc["findings"]}
    assert made["bad_bucket"] in addresses and made["bad_sg"] not in addresses


def test_a_reader_raising_is_an_error_naming_reader_region_and_exception(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    from govern.collect.aws import messaging

    def broken(*_: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(messaging, "collect_region", broken)
    code, doc = scan(moto_endpoint, "--allow-partial")
    assert code == 3  # an error, --allow-partial or not
    assert notices(doc, "error", "aws-reader-error") == [
        (f"reader messaging in {world.REGION} (account {ACCOUNT}) failed: RuntimeError: "
         "boom; the resources it reads there are unknown")]
    addresses = {f["resource"]["address"] for f in doc["findings"]}
    assert {made["bad_bucket"], made["bad_sg"]} <= addresses  # the others went on


def test_after_the_scan_deadline_what_is_left_is_unknown(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The deadline passes after a number of checks (a clock counting them), not of
    seconds: the first calls are made, every later one fails at once."""
    from govern.collect.aws import collector
    from govern.collect.aws.deadline import Deadline

    ticks = iter(range(1_000_000))
    monkeypatch.setattr(collector, "deadline_for", lambda at, seconds: Deadline(
        at=40, seconds=seconds, clock=lambda: next(ticks)))
    code, doc = scan(moto_endpoint, "--aws-timeout", "600")
    assert code == 3
    unfinished = notices(doc, "warning", "aws-listing-failed")
    assert unfinished
    assert all("not called: the scan's deadline passed (--aws-timeout 600)" in message
               for message in unfinished)
    assert {n["hint"] for n in doc["notices"] if n["code"] == "aws-listing-failed"} == {
        "raise --aws-timeout, or scan fewer regions at a time"}
    assert len(notices(doc, "error", "aws-scan-incomplete")) == 1


@pytest.mark.parametrize("option", [["--allow-partial"], ["--aws-timeout", "60"]])
def test_live_options_need_aws(option: list[str]) -> None:
    result = CliRunner().invoke(cli, ["scan", ".", *option])
    assert result.exit_code == 2
    assert f"{option[0]} needs --aws" in result.output
