"""The instance metadata response hop limit of launch templates and launch configurations
read from moto (govern/collect/aws/launch.py), and GOV-AWS-110 on them."""

from __future__ import annotations

from typing import Any

import pytest

from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.live_scan import read, scan, statuses

IMAGE = "ami-0123456789abcdef0"


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    ec2 = client(moto_endpoint, "ec2")
    autoscaling = client(moto_endpoint, "autoscaling")

    def template(name: str, **options: Any) -> str:
        data: dict[str, Any] = {"ImageId": IMAGE, "MetadataOptions": {"HttpTokens": "required",
                                                                      **options}}
        made = ec2.create_launch_template(LaunchTemplateName=name, LaunchTemplateData=data)
        return (f"arn:aws:ec2:{REGION}:{ACCOUNT}:launch-template/"
                f"{made['LaunchTemplate']['LaunchTemplateId']}")

    def configuration(name: str, **options: Any) -> str:
        autoscaling.create_launch_configuration(
            LaunchConfigurationName=name, ImageId=IMAGE, InstanceType="t3.micro",
            MetadataOptions={"HttpTokens": "required", **options})
        found = autoscaling.describe_launch_configurations(LaunchConfigurationNames=[name])
        return str(found["LaunchConfigurations"][0]["LaunchConfigurationARN"])

    return {"two_hops": template("two-hops", HttpPutResponseHopLimit=2),
            "one_hop": template("one-hop", HttpPutResponseHopLimit=1),
            "default_hops": template("default-hops"),
            "three_hops_config": configuration("three-hops", HttpPutResponseHopLimit=3),
            "one_hop_config": configuration("one-hop", HttpPutResponseHopLimit=1)}


def test_a_hop_limit_above_one_fails(moto_endpoint: str, made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule == "GOV-AWS-110"}
    assert found == {("GOV-AWS-110", "two_hops", "fail"),
                     ("GOV-AWS-110", "three_hops_config", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    assert resources[made["two_hops"]].attributes["metadata_options"] == {
        "http_tokens": "required", "http_put_response_hop_limit": 2}
    assert resources[made["default_hops"]].attributes["metadata_options"] == {
        "http_tokens": "required"}
    assert resources[made["three_hops_config"]].attributes["metadata_options"][
        "http_put_response_hop_limit"] == 3
