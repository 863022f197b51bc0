"""The access logging of CloudFront distributions read from moto
(govern/collect/aws/edge_cloudfront_logs.py): standard logging from GetDistributionConfig,
standard logging v2 from the CloudWatch Logs delivery sources (DescribeDeliverySources),
and GOV-AWS-159."""

from __future__ import annotations

from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses


def _distribution(cloudfront: Any, reference: str, logging: dict[str, Any] | None) -> str:
    config: dict[str, Any] = {
        "CallerReference": reference, "Comment": "", "Enabled": True,
        "Origins": {"Quantity": 1, "Items": [{"Id": "site", "DomainName":
                                              "site.s3.amazonaws.com", "S3OriginConfig":
                                              {"OriginAccessIdentity": ""}}]},
        "DefaultCacheBehavior": {"TargetOriginId": "site", "MinTTL": 0,
                                 "ViewerProtocolPolicy": "https-only", "ForwardedValues": {
                                     "QueryString": False, "Cookies": {"Forward": "none"}}}}
    if logging is not None:
        config["Logging"] = logging
    made = cloudfront.create_distribution_with_tags(DistributionConfigWithTags={
        "DistributionConfig": config, "Tags": {"Items": world.TAGS}})
    return str(made["Distribution"]["ARN"])


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    cloudfront = client(moto_endpoint, "cloudfront")
    made = {
        "standard": _distribution(cloudfront, "standard", {
            "Enabled": True, "IncludeCookies": False, "Bucket": "cdn-logs.s3.amazonaws.com",
            "Prefix": "standard/"}),
        "disabled": _distribution(cloudfront, "disabled", {
            "Enabled": False, "IncludeCookies": False, "Bucket": "", "Prefix": ""}),
        "v2": _distribution(cloudfront, "v2", None),
        "none": _distribution(cloudfront, "none", None)}
    client(moto_endpoint, "logs").put_delivery_source(
        name="cdn-access-logs", resourceArn=made["v2"], logType="ACCESS_LOGS")
    return made


def logging_statuses(endpoint: str, made: dict[str, str]) -> set[tuple[str, str, str]]:
    """The statuses of GOV-AWS-159 (the distributions use the `*.cloudfront.net`
    certificate, which GOV-AWS-053 reports)."""
    return {s for s in statuses(scan(endpoint), made) if s[0] == "GOV-AWS-159"}


def test_each_distribution_fails_exactly_the_rules_it_breaks(moto_endpoint: str,
                                                             made: dict[str, str]) -> None:
    assert logging_statuses(moto_endpoint, made) == {
        ("GOV-AWS-159", "disabled", "fail"), ("GOV-AWS-159", "none", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    found = read(moto_endpoint)
    assert found[made["standard"]].attributes["logging"] == {
        "enabled": True, "bucket": "cdn-logs.s3.amazonaws.com", "prefix": "standard/"}
    assert "access_log_delivery" not in found[made["standard"]].attributes
    assert found[made["v2"]].attributes["access_log_delivery"] is True
    for role in ("disabled", "none", "v2"):
        assert "logging" not in found[made[role]].attributes


@pytest.mark.parametrize(("operation", "role"), [
    ("cloudfront.GetDistributionConfig", "v2"),
    ("cloudwatch-logs.DescribeDeliverySources", "standard")])
def test_unreadable_logging_is_unknown(moto_endpoint: str, made: dict[str, str],
                                       monkeypatch: pytest.MonkeyPatch, operation: str,
                                       role: str) -> None:
    """Each source of logging failing: unknown where the other does not decide (`role`
    passes through the one that was read)."""
    deny_calls(monkeypatch, operation)
    denied = Unknown(f"access denied: {operation.split('.')[1]}")
    found = read(moto_endpoint)
    key = "logging" if operation.startswith("cloudfront") else "access_log_delivery"
    value = found[made["none"]].attributes[key]
    assert value == ({"enabled": denied} if key == "logging" else denied)
    assert logging_statuses(moto_endpoint, made) == {
        ("GOV-AWS-159", other, "unknown") for other in made if other != role}
