"""ECS clusters and task definitions read from moto (govern/collect/aws/ecs.py) as
`aws.ecs.cluster`, `aws.ecs.service` and `aws.ecs.task_definition`, and GOV-AWS-105
(Container Insights), GOV-AWS-109 (public IP addresses) and GOV-AWS-107 (EFS volumes
without transit encryption) on them."""

from __future__ import annotations

from typing import Any

import pytest

from tests.collect import world
from tests.collect.conftest import client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

TAGS = [{"key": t["Key"], "value": t["Value"]} for t in world.TAGS]


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    ecs = client(moto_endpoint, "ecs")

    def cluster(name: str, insights: str | None) -> str:
        settings = [{"name": "containerInsights", "value": insights}] if insights else []
        return str(ecs.create_cluster(clusterName=name, settings=settings,
                                      tags=TAGS)["cluster"]["clusterArn"])

    def task(family: str, *volumes: dict[str, Any]) -> str:
        return str(ecs.register_task_definition(
            family=family, volumes=list(volumes), tags=TAGS, containerDefinitions=[
                {"name": "app", "image": "nginx", "memory": 512}],
        )["taskDefinition"]["taskDefinitionArn"])

    def efs(name: str, **config: str) -> dict[str, Any]:
        return {"name": name, "efsVolumeConfiguration": {"fileSystemId": "fs-0a1b2c3d",
                                                         **config}}

    ec2 = client(moto_endpoint, "ec2")
    subnet = ec2.describe_subnets()["Subnets"][0]["SubnetId"]
    group = ec2.describe_security_groups()["SecurityGroups"][0]["GroupId"]

    def service(name: str, public: str | None) -> str:
        network = ({"awsvpcConfiguration": {"subnets": [subnet], "securityGroups": [group],
                                            "assignPublicIp": public}} if public else {})
        return str(ecs.create_service(
            cluster="enabled", serviceName=name, taskDefinition="plain-efs", desiredCount=1,
            tags=TAGS, **({"networkConfiguration": network} if network else {}),
        )["service"]["serviceArn"])

    made = {"silent": cluster("silent", None), "disabled": cluster("disabled", "disabled"),
            "enabled": cluster("enabled", "enabled"),
            "enhanced": cluster("enhanced", "enhanced"),
            "plain_efs": task("plain-efs", efs("data")),
            "mixed_efs": task("mixed-efs", efs("data", transitEncryption="ENABLED"),
                              efs("shared", transitEncryption="DISABLED")),
            "sealed_efs": task("sealed-efs", {"name": "scratch"},
                               efs("data", transitEncryption="ENABLED")),
            "no_volume": task("no-volume")}
    made.update(public_service=service("public", "ENABLED"),
                private_service=service("private", "DISABLED"),
                bridge_service=service("bridge", None))
    return made


def test_clusters_without_container_insights_fail(moto_endpoint: str,
                                                  made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made)
             if rule in ("GOV-AWS-105", "GOV-AWS-107", "GOV-AWS-109", "GOV-AWS-015")}
    assert found == {("GOV-AWS-105", "silent", "fail"), ("GOV-AWS-105", "disabled", "fail"),
                     ("GOV-AWS-107", "plain_efs", "fail"), ("GOV-AWS-107", "mixed_efs", "fail"),
                     ("GOV-AWS-109", "public_service", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    enabled = resources[made["enabled"]]
    assert (enabled.kind, enabled.native_type) == ("aws.ecs.cluster", "AWS::ECS::Cluster")
    assert enabled.attributes == {"name": "enabled", "container_insights": "enabled",
                                  "tags": {t["Key"]: t["Value"] for t in world.TAGS}}
    assert resources[made["enhanced"]].attributes["container_insights"] == "enhanced"
    # created without the setting: the account's default at creation, as AWS reports it
    assert resources[made["silent"]].attributes["container_insights"] == "disabled"
    plain = resources[made["plain_efs"]]
    assert (plain.kind, plain.native_type) == ("aws.ecs.task_definition",
                                               "AWS::ECS::TaskDefinition")
    assert plain.attributes == {
        "family": "plain-efs", "tags": {t["Key"]: t["Value"] for t in world.TAGS},
        "efs_volumes": [{"name": "data", "file_system_id": "fs-0a1b2c3d",
                         "transit_encryption": "DISABLED"}],
        "containers": [{"name": "app", "privileged": False,
                        "readonly_root_filesystem": False}]}
    assert [v["name"] for v in resources[made["sealed_efs"]].attributes["efs_volumes"]] == [
        "data"]
    assert "efs_volumes" not in resources[made["no_volume"]].attributes
    public = resources[made["public_service"]]
    assert (public.kind, public.native_type) == ("aws.ecs.service", "AWS::ECS::Service")
    assert public.attributes == {"name": "public", "assign_public_ip": True,
                                 "tags": {t["Key"]: t["Value"] for t in world.TAGS}}
    assert resources[made["bridge_service"]].attributes["assign_public_ip"] is False


def test_clusters_that_cannot_be_described_are_unknown(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "ecs.DescribeClusters")
    doc = scan(moto_endpoint, partial=True)
    found = {(rule, role, status) for rule, role, status in statuses(doc, made)
             if rule == "GOV-AWS-105"}
    assert found == {("GOV-AWS-105", role, "unknown") for role in
                     ("silent", "disabled", "enabled", "enhanced")}
    assert any("DescribeClusters" in n["message"] for n in doc["notices"])


def test_task_definitions_that_cannot_be_described_are_unknown(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "ecs.DescribeTaskDefinition")
    doc = scan(moto_endpoint, partial=True)
    found = {(rule, role, status) for rule, role, status in statuses(doc, made)
             if rule == "GOV-AWS-107" and role not in ("public_service", "private_service",
                                                        "bridge_service")}
    assert found == {("GOV-AWS-107", role, "unknown") for role in
                     ("plain_efs", "mixed_efs", "sealed_efs", "no_volume")}
