"""GOV-AWS-164 and GOV-AWS-165 (trail not logging S3 object-level write / read events of
every bucket) on trails read live from moto (govern/collect/aws/cloudtrail_selectors.py:
GetEventSelectors, basic or advanced selectors)."""

from __future__ import annotations

from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

RULES = ("GOV-AWS-164", "GOV-AWS-165")
BUCKET = "govern-selector-trails"
EVERY_OBJECT = [{"Type": "AWS::S3::Object", "Values": ["arn:aws:s3"]}]


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    client(moto_endpoint, "s3").create_bucket(Bucket=BUCKET)
    cloudtrail = client(moto_endpoint, "cloudtrail")

    def trail(name: str, **selectors: Any) -> str:
        arn = str(cloudtrail.create_trail(Name=name, S3BucketName=BUCKET,
                                          IsMultiRegionTrail=True)["TrailARN"])
        if selectors:
            cloudtrail.put_event_selectors(TrailName=arn, **selectors)
        return arn

    return {
        "management": trail("management"),
        "writes": trail("writes", EventSelectors=[{
            "ReadWriteType": "WriteOnly", "IncludeManagementEvents": True,
            "DataResources": EVERY_OBJECT}]),
        "one_bucket": trail("one-bucket", EventSelectors=[{
            "ReadWriteType": "All", "DataResources": [
                {"Type": "AWS::S3::Object", "Values": ["arn:aws:s3:::govern-data/"]}]}]),
        "advanced_reads": trail("advanced-reads", AdvancedEventSelectors=[{
            "Name": "reads", "FieldSelectors": [
                {"Field": "eventCategory", "Equals": ["Data"]},
                {"Field": "resources.type", "Equals": ["AWS::S3::Object"]},
                {"Field": "readOnly", "Equals": ["true"]}]}]),
    }


def test_each_trail_fails_the_events_it_does_not_log(moto_endpoint: str,
                                                     made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule in RULES}
    assert found == {
        ("GOV-AWS-164", "management", "fail"), ("GOV-AWS-165", "management", "fail"),
        ("GOV-AWS-164", "one_bucket", "fail"), ("GOV-AWS-165", "one_bucket", "fail"),
        ("GOV-AWS-165", "writes", "fail"), ("GOV-AWS-164", "advanced_reads", "fail")}


def test_the_selectors_are_read_as_the_adapters_build_them(
        moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    writes = resources[made["writes"]].attributes
    assert writes["s3_bucket_name"] == BUCKET
    assert writes["event_selectors"] == [{
        "read_write_type": "WriteOnly", "include_management_events": True,
        "data_resources": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]
    assert resources[made["advanced_reads"]].attributes["advanced_event_selectors"] == [{
        "name": "reads", "field_selectors": [
            {"field": "eventCategory", "equals": ["Data"]},
            {"field": "resources.type", "equals": ["AWS::S3::Object"]},
            {"field": "readOnly", "equals": ["true"]}]}]


def test_selectors_that_cannot_be_read_are_unknown(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "cloudtrail.GetEventSelectors")
    assert isinstance(read(moto_endpoint)[made["writes"]].attributes["event_selectors"],
                      Unknown)
    found = {(rule, role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule in RULES}
    assert found == {(rule, role, "unknown") for rule in RULES for role in made}
