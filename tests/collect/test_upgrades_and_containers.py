"""Amazon MQ brokers, DMS replication instances and ECS task definitions read from moto
for GOV-AWS-257 (MQ automatic minor version upgrades), GOV-AWS-258 (DMS automatic minor
version upgrades), GOV-AWS-259 (host PID namespace), GOV-AWS-260 (privileged
containers), GOV-AWS-261 (writable root file systems), GOV-AWS-262 (task role that is
the execution role) and, on Secrets Manager secrets, GOV-AWS-263 (automatic rotation) and
GOV-AWS-264 (rotation interval)."""

from __future__ import annotations

from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.collect import world
from tests.collect.conftest import ACCOUNT, client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

RULES = {"GOV-AWS-257", "GOV-AWS-258", "GOV-AWS-259", "GOV-AWS-260", "GOV-AWS-261",
         "GOV-AWS-262", "GOV-AWS-263", "GOV-AWS-264"}
ROLE = f"arn:aws:iam::{ACCOUNT}:role/"


def _brokers(mq: Any) -> dict[str, str]:
    def broker(name: str, upgrade: bool) -> str:
        return str(mq.create_broker(
            BrokerName=name, EngineType="RABBITMQ", EngineVersion="3.13",
            HostInstanceType="mq.t3.micro", DeploymentMode="SINGLE_INSTANCE",
            PubliclyAccessible=False, AutoMinorVersionUpgrade=upgrade,
            Users=[{"Username": "app", "Password": "correct-horse-battery"}])["BrokerArn"])

    return {"upgrading_broker": broker("upgrading", True),
            "pinned_broker": broker("pinned", False)}


def _replication_instances(dms: Any) -> dict[str, str]:
    def instance(name: str, **upgrade: bool) -> str:
        return str(dms.create_replication_instance(
            ReplicationInstanceIdentifier=name, ReplicationInstanceClass="dms.t3.medium",
            PubliclyAccessible=False, **upgrade)["ReplicationInstance"][
            "ReplicationInstanceArn"])

    return {"default_replicator": instance("default"),
            "pinned_replicator": instance("pinned", AutoMinorVersionUpgrade=False)}


def _task_definitions(ecs: Any) -> dict[str, str]:
    def task(family: str, containers: list[dict[str, Any]], **settings: str) -> str:
        return str(ecs.register_task_definition(
            family=family, containerDefinitions=[
                {"name": f"c{index}", "image": "nginx", "memory": 512, **container}
                for index, container in enumerate(containers)], **settings,
        )["taskDefinition"]["taskDefinitionArn"])

    sealed = {"readonlyRootFilesystem": True}
    return {
        "sealed_task": task("sealed", [sealed], executionRoleArn=ROLE + "ecs-execution",
                            taskRoleArn=ROLE + "app", pidMode="task"),
        "host_pid_task": task("host-pid", [sealed], pidMode="host"),
        "privileged_task": task("privileged", [sealed, {**sealed, "privileged": True}]),
        "writable_task": task("writable", [sealed, {"readonlyRootFilesystem": False}]),
        "shared_role_task": task("shared-role", [sealed], executionRoleArn=ROLE + "ecs",
                                 taskRoleArn=ROLE + "ecs")}


def _secrets(secretsmanager: Any) -> dict[str, str]:
    made = {role: str(secretsmanager.create_secret(Name=name, SecretString="s")["ARN"])
            for role, name in (("rotated_secret", "rotated"), ("yearly_secret", "yearly"),
                               ("static_secret", "static"))}
    for name, days in (("rotated", 30), ("yearly", 365)):
        secretsmanager.rotate_secret(SecretId=name,
                                     RotationRules={"AutomaticallyAfterDays": days})
    return made


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    return {**_brokers(client(moto_endpoint, "mq")),
            **_replication_instances(client(moto_endpoint, "dms")),
            **_task_definitions(client(moto_endpoint, "ecs")),
            **_secrets(client(moto_endpoint, "secretsmanager"))}


def mine(endpoint: str, made: dict[str, str]) -> set[tuple[str, str, str]]:
    return {s for s in statuses(scan(endpoint), made) if s[0] in RULES}


def test_each_resource_fails_exactly_its_rules(moto_endpoint: str,
                                               made: dict[str, str]) -> None:
    assert mine(moto_endpoint, made) == {
        ("GOV-AWS-257", "pinned_broker", "fail"),
        ("GOV-AWS-258", "pinned_replicator", "fail"),
        ("GOV-AWS-259", "host_pid_task", "fail"),
        ("GOV-AWS-260", "privileged_task", "fail"),
        ("GOV-AWS-261", "writable_task", "fail"),
        ("GOV-AWS-262", "shared_role_task", "fail"),
        ("GOV-AWS-263", "static_secret", "fail"),
        ("GOV-AWS-264", "yearly_secret", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    found = read(moto_endpoint)
    assert [found[made[role]].get("auto_minor_version_upgrade") for role in (
        "upgrading_broker", "pinned_broker", "default_replicator", "pinned_replicator")] == [
        True, False, True, False]
    sealed = found[made["sealed_task"]].attributes
    assert (sealed["pid_mode"], sealed["execution_role"], sealed["task_role"]) == (
        "task", ROLE + "ecs-execution", ROLE + "app")
    assert sealed["containers"] == [
        {"name": "c0", "privileged": False, "readonly_root_filesystem": True}]
    assert found[made["privileged_task"]].get("containers")[1] == {
        "name": "c1", "privileged": True, "readonly_root_filesystem": True}
    assert "pid_mode" not in found[made["writable_task"]].attributes
    assert [found[made[role]].get("rotation_enabled") for role in (
        "rotated_secret", "yearly_secret", "static_secret")] == [True, True, False]
    assert [found[made[role]].get("rotation_interval_hours") for role in (
        "rotated_secret", "yearly_secret", "static_secret")] == [720, 8760, None]


def test_task_definitions_that_cannot_be_described_are_unknown(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "ecs.DescribeTaskDefinition")
    sealed = read(moto_endpoint)[made["sealed_task"]].attributes
    assert isinstance(sealed["containers"], Unknown)
    assert isinstance(sealed["pid_mode"], Unknown)
    found = mine(moto_endpoint, made)
    tasks = ("sealed_task", "host_pid_task", "privileged_task", "writable_task",
             "shared_role_task")
    assert {(rule, role, "unknown") for role in tasks
            for rule in ("GOV-AWS-259", "GOV-AWS-260", "GOV-AWS-261", "GOV-AWS-262")} <= found
