"""ECS: `AWS::ECS::Cluster`, whose `container_insights` is the `Value` of its
`ClusterSettings` entry named `containerInsights`; `AWS::ECS::Service` (`assign_public_ip`
is `AwsvpcConfiguration.AssignPublicIp` `ENABLED`); `AWS::ECS::TaskDefinition`, whose
`efs_volumes` are its `Volumes` with an `EFSVolumeConfiguration`, its `containers` its
`ContainerDefinitions` (`govern.adapters.ecs_containers`), with `PidMode` and its two
roles."""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field, set_at, where
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.ecs_containers import CLOUDFORMATION_KEYS, set_containers
from govern.adapters.ecs_settings import setting
from govern.adapters.ecs_volumes import set_efs_volumes
from govern.adapters.reading import MISSING, blocks_in
from govern.model.resource import Resource
from govern.parsers.native import NativeResource


def _finish_cluster(resource: Resource, native: NativeResource) -> None:
    value, index = setting(blocks_in(native.attributes, "ClusterSettings"),
                           "containerInsights", "Name", "Value")
    if value is MISSING:
        return
    path = "ClusterSettings" if index is None else ("ClusterSettings", index, "Value")
    set_at(resource, "container_insights", value, where(native, path, False))
    if index is not None:
        carry_locations(resource, native, path, "container_insights")


def _enabled(value: Any) -> Any:
    """`ENABLED`/`DISABLED` -> a boolean; anything else as it is."""
    if isinstance(value, str) and value.strip().upper() in ("ENABLED", "DISABLED"):
        return value.strip().upper() == "ENABLED"
    return value


def _finish_task_definition(resource: Resource, native: NativeResource) -> None:
    set_efs_volumes(resource, native, ("Volumes",), ("EFSVolumeConfiguration",), "Name",
                    "FilesystemId", "TransitEncryption")
    set_containers(resource, native, "ContainerDefinitions", CLOUDFORMATION_KEYS,
                   json_text=False)


MAPPINGS = {
    "AWS::ECS::Cluster": KindMapping("aws.ecs.cluster", (field("name", "ClusterName"),),
                                     _finish_cluster),
    "AWS::ECS::Service": KindMapping("aws.ecs.service", (
        field("name", "ServiceName"),
        field("assign_public_ip", "NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp",
              function=_enabled, default=False),
    )),
    "AWS::ECS::TaskDefinition": KindMapping("aws.ecs.task_definition", (
        field("family", "Family"),
        field("pid_mode", "PidMode"),
        field("execution_role", "ExecutionRoleArn"),
        field("task_role", "TaskRoleArn"),
    ), _finish_task_definition),
}
