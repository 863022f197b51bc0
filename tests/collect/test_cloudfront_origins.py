"""The origins of CloudFront distributions read from moto (ListDistributions:
`Origins`, `OriginGroups`, the behaviors' `TargetOriginId`) and GOV-AWS-163 (CloudFront
reaching an origin over plain HTTP)."""

from __future__ import annotations

from typing import Any

import pytest

from govern.collect.aws.edge_cloudfront_logs import live_origins
from tests.collect import world
from tests.collect.conftest import client
from tests.collect.live_scan import read, scan, statuses

CACHE = {"MinTTL": 0, "ForwardedValues": {"QueryString": False,
                                          "Cookies": {"Forward": "none"}}}


def _custom(origin_id: str, policy: str) -> dict[str, Any]:
    return {"Id": origin_id, "DomainName": f"{origin_id}.example.com",
            "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443,
                                   "OriginProtocolPolicy": policy}}


def _distribution(cloudfront: Any, reference: str, origins: list[dict[str, Any]],
                  viewer: str, ordered: list[dict[str, Any]] | None = None) -> str:
    config: dict[str, Any] = {
        "CallerReference": reference, "Comment": "", "Enabled": True,
        "Origins": {"Quantity": len(origins), "Items": origins},
        "DefaultCacheBehavior": dict(CACHE, TargetOriginId=origins[0]["Id"],
                                     ViewerProtocolPolicy=viewer)}
    if ordered:
        config["CacheBehaviors"] = {"Quantity": len(ordered), "Items": [
            dict(CACHE, **behavior) for behavior in ordered]}
    made = cloudfront.create_distribution_with_tags(DistributionConfigWithTags={
        "DistributionConfig": config, "Tags": {"Items": world.TAGS}})
    return str(made["Distribution"]["ARN"])


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    cloudfront = client(moto_endpoint, "cloudfront")
    return {
        "http_only": _distribution(cloudfront, "http-only", [_custom("app", "http-only")],
                                   "redirect-to-https"),
        "https_only": _distribution(cloudfront, "https-only", [_custom("app", "https-only")],
                                    "redirect-to-https"),
        "match_https": _distribution(cloudfront, "match-https",
                                     [_custom("app", "match-viewer")], "https-only"),
        "match_http": _distribution(
            cloudfront, "match-http", [_custom("app", "https-only"),
                                       _custom("api", "match-viewer")], "https-only",
            [{"PathPattern": "/api/*", "TargetOriginId": "api",
              "ViewerProtocolPolicy": "allow-all"}])}


def test_each_distribution_fails_exactly_the_origin_rule_it_breaks(
        moto_endpoint: str, made: dict[str, str]) -> None:
    found = {s for s in statuses(scan(moto_endpoint), made) if s[0] == "GOV-AWS-163"}
    assert found == {("GOV-AWS-163", "http_only", "fail"),
                     ("GOV-AWS-163", "match_http", "fail")}


def test_canonical_origins(moto_endpoint: str, made: dict[str, str]) -> None:
    found = read(moto_endpoint)
    assert found[made["match_http"]].attributes["origins"] == [
        {"id": "app", "domain_name": "app.example.com", "protocol_policy": "https-only",
         "plain_http": False},
        {"id": "api", "domain_name": "api.example.com", "protocol_policy": "match-viewer",
         "plain_http": True}]
    assert found[made["match_https"]].attributes["origins"][0]["plain_http"] is False


def test_an_origin_group_passes_its_behaviors_to_its_members() -> None:
    """An origin group (which moto does not keep) as AWS answers it in a summary: a
    behavior admitting HTTP that targets the group reaches its S3 member."""
    summary = {
        "Origins": {"Quantity": 2, "Items": [
            _custom("primary", "https-only"),
            {"Id": "backup", "DomainName": "backup.s3.amazonaws.com",
             "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
        "OriginGroups": {"Quantity": 1, "Items": [{"Id": "failover", "Members": {
            "Quantity": 2, "Items": [{"OriginId": "primary"}, {"OriginId": "backup"}]}}]}}
    behaviors = [{"viewer_protocol_policy": "allow-all", "target_origin_id": "failover"}]
    assert [(o["id"], o["plain_http"]) for o in live_origins(summary, behaviors)] == [
        ("primary", False), ("backup", True)]
    behaviors[0]["viewer_protocol_policy"] = "redirect-to-https"
    assert [o["plain_http"] for o in live_origins(summary, behaviors)] == [False, False]
