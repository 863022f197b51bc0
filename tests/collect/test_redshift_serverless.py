"""Redshift Serverless workgroups read live (govern/collect/aws/redshift_serverless.py) as
`aws.redshiftserverless.workgroup`, against the API answered as AWS documents it
(tests/collect/serverless_api.py: moto has no Redshift Serverless), and the rules their
kind is in: GOV-AWS-031 (publicly accessible) and GOV-AWS-015 (tags)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from govern.cli import cli
from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION
from tests.collect.events import deny_calls
from tests.collect.serverless_api import ServerlessApi
from tests.collect.test_elb_classic import read, scan

TAGS = [{"key": t["Key"], "value": t["Value"]} for t in world.TAGS]


def arn(name: str) -> str:
    return f"arn:aws:redshift-serverless:{REGION}:{ACCOUNT}:workgroup/{name}-id"


@pytest.fixture()
def made(moto_endpoint: str, redshift_serverless: ServerlessApi) -> dict[str, str]:
    world.reset(moto_endpoint)
    roles: dict[str, str] = {}
    for role, public in (("public", True), ("private", False), ("untold", None)):
        item: dict[str, Any] = {"workgroupName": role, "workgroupArn": arn(role),
                                "workgroupId": f"{role}-id", "namespaceName": "analytics"}
        if public is not None:
            item["publiclyAccessible"] = public
        redshift_serverless.workgroups.append(item)
        if role != "private":
            redshift_serverless.tags[arn(role)] = TAGS
        roles[arn(role)] = role
    return roles


def statuses(doc: dict[str, Any], made: dict[str, str]) -> set[tuple[str, str, str]]:
    return {(f["rule_id"], made[f["resource"]["address"]], f["status"])
            for f in doc["findings"] if f["resource"]["address"] in made}


def test_each_workgroup_fails_exactly_the_rules_it_breaks(
        moto_endpoint: str, made: dict[str, str], redshift_serverless: ServerlessApi) -> None:
    assert statuses(scan(moto_endpoint), made) == {
        ("GOV-AWS-031", "public", "fail"), ("GOV-AWS-015", "private", "fail")}
    # three workgroups, two to a page: the listing followed nextToken
    assert redshift_serverless.calls.count("ListWorkgroups") == 2


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    found = read(moto_endpoint)
    public = found[arn("public")]
    assert (public.kind, public.native_type, public.context) == (
        "aws.redshiftserverless.workgroup", "AWS::RedshiftServerless::Workgroup",
        f"aws:{ACCOUNT}:{REGION}")
    assert public.attributes == {"name": "public", "publicly_accessible": True,
                                 "tags": {t["Key"]: t["Value"] for t in world.TAGS}}
    assert found[arn("untold")].attributes["publicly_accessible"] is False  # AWS's default
    assert found[arn("private")].attributes["tags"] == {}


def test_tags_that_cannot_be_read_are_unknown_with_a_warning(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "redshift-serverless.ListTagsForResource")
    assert read(moto_endpoint)[arn("private")].attributes["tags"] == Unknown(
        "access denied: ListTagsForResource")
    doc = scan(moto_endpoint)
    assert ("GOV-AWS-015", "private", "unknown") in statuses(doc, made)
    assert any("ListTagsForResource" in n["message"] for n in doc["notices"]
               if n["level"] == "warning")


def test_a_denied_listing_makes_workgroups_unknown_not_absent(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "redshift-serverless.ListWorkgroups")
    result = CliRunner().invoke(cli, ["scan", "--aws", "--endpoint-url", moto_endpoint,
                                      "--region", REGION, "--format", "json"])
    assert result.exit_code == 3, result.output  # the scan is incomplete
    doc = json.loads(result.output)
    assert statuses(doc, made) == set()
    assert any("aws.redshiftserverless.workgroup" in n["message"] for n in doc["notices"]
               if n["code"] == "aws-listing-failed")
