"""AWS Config read from moto (govern/collect/aws/config_service.py): recorders (with their
status) as `aws.config.configuration_recorder`, aggregators as
`aws.config.configuration_aggregator`, and the rules on them: GOV-AWS-129 (not recording
every resource type: not started, or not every type) and GOV-AWS-131 (aggregator on a
fixed list of regions). A region has one recorder: the recorder is changed between
scans."""

from __future__ import annotations

from typing import Any

import pytest

from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

RULES = ("GOV-AWS-129", "GOV-AWS-131")
ROLE = f"arn:aws:iam::{ACCOUNT}:role/aws-config"
TAGS = [{"Key": "owner", "Value": "platform"}, {"Key": "cost-center", "Value": "cc-1"}]


def recorder_arn(name: str) -> str:
    return f"arn:aws:config:{REGION}:{ACCOUNT}:configuration-recorder/{name}"


def ours(endpoint: str, made: dict[str, str]) -> set[tuple[str, str, str]]:
    return {(rule, role, status) for rule, role, status in
            statuses(scan(endpoint), made) if rule in RULES}


@pytest.fixture(scope="module")
def config(moto_endpoint: str) -> Any:
    world.reset(moto_endpoint)
    config = client(moto_endpoint, "config")
    aggregator = config.put_configuration_aggregator
    limited = aggregator(ConfigurationAggregatorName="limited", Tags=TAGS,
                         AccountAggregationSources=[{"AccountIds": [ACCOUNT],
                                                     "AwsRegions": [REGION]}])
    everywhere = aggregator(ConfigurationAggregatorName="everywhere", Tags=TAGS,
                            OrganizationAggregationSource={"RoleArn": ROLE,
                                                           "AllAwsRegions": True})
    config.aggregators = {  # type: ignore[attr-defined]
        "limited": limited["ConfigurationAggregator"]["ConfigurationAggregatorArn"],
        "everywhere": everywhere["ConfigurationAggregator"]["ConfigurationAggregatorArn"]}
    return config


def test_a_default_recorder_never_started_fails(
        moto_endpoint: str, config: Any) -> None:
    config.put_configuration_recorder(ConfigurationRecorder={"name": "default",
                                                             "roleARN": ROLE})
    made = {"recorder": recorder_arn("default"), **config.aggregators}
    assert ours(moto_endpoint, made) == {("GOV-AWS-129", "recorder", "fail"),
                                         ("GOV-AWS-131", "limited", "fail")}
    recorder = read(moto_endpoint)[recorder_arn("default")].attributes
    assert recorder == {"name": "default", "all_supported": True,
                        "include_global_resource_types": False, "is_enabled": False}


def test_a_started_recorder_of_every_type_passes(moto_endpoint: str, config: Any) -> None:
    config.put_configuration_recorder(ConfigurationRecorder={
        "name": "default", "roleARN": ROLE,
        "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": True}})
    client(moto_endpoint, "s3").create_bucket(Bucket="govern-config-history")
    config.put_delivery_channel(DeliveryChannel={"name": "default",
                                                 "s3BucketName": "govern-config-history"})
    config.start_configuration_recorder(ConfigurationRecorderName="default")
    made = {"recorder": recorder_arn("default"), **config.aggregators}
    assert ours(moto_endpoint, made) == {("GOV-AWS-131", "limited", "fail")}
    resources = read(moto_endpoint)
    assert resources[recorder_arn("default")].attributes["is_enabled"] is True
    assert resources[config.aggregators["everywhere"]].attributes == {
        "name": "everywhere", "sources": [{"type": "organization", "all_regions": True}],
        "tags": {"owner": "platform", "cost-center": "cc-1"}}
    assert resources[config.aggregators["limited"]].attributes["sources"] == [
        {"type": "account", "all_regions": False, "regions": [REGION]}]


def test_a_status_that_cannot_be_read_is_unknown(
        moto_endpoint: str, config: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "config.DescribeConfigurationRecorderStatus")
    made = {"recorder": recorder_arn("default")}
    assert ours(moto_endpoint, made) == {("GOV-AWS-129", "recorder", "unknown")}
