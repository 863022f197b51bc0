"""ECS: `aws_ecs_cluster`, whose `container_insights` is the `value` of its `setting`
block named `containerInsights`; `aws_ecs_service` (`assign_public_ip` of its
`network_configuration`, false when not written); `aws_ecs_task_definition`, whose
`efs_volumes` are its `volume` blocks with an `efs_volume_configuration` block, its
`containers` the entries of its `container_definitions` JSON
(`govern.adapters.ecs_containers`), with `pid_mode` and its two roles."""

from __future__ import annotations

from govern.adapters.building import carry_locations, field, set_at, where
from govern.adapters.ecs_containers import JSON_KEYS, set_containers
from govern.adapters.ecs_settings import setting
from govern.adapters.ecs_volumes import set_efs_volumes
from govern.adapters.reading import MISSING, blocks_in
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.parsers.native import NativeResource


def _finish_cluster(resource: Resource, native: NativeResource) -> None:
    value, index = setting(blocks_in(native.attributes, "setting"), "containerInsights",
                           "name", "value")
    if value is MISSING:
        return
    path = "setting" if index is None else ("setting", index, "value")
    set_at(resource, "container_insights", value, where(native, path, False))
    if index is not None:
        carry_locations(resource, native, path, "container_insights")


def _finish_task_definition(resource: Resource, native: NativeResource) -> None:
    set_efs_volumes(resource, native, ("volume",), ("efs_volume_configuration", 0), "name",
                    "file_system_id", "transit_encryption")
    set_containers(resource, native, "container_definitions", JSON_KEYS, json_text=True)


MAPPINGS = {
    "aws_ecs_cluster": KindMapping("aws.ecs.cluster", (field("name"),), _finish_cluster),
    "aws_ecs_service": KindMapping("aws.ecs.service", (
        field("name"),
        field("assign_public_ip", "network_configuration.0.assign_public_ip", default=False),
    )),
    "aws_ecs_task_definition": KindMapping("aws.ecs.task_definition", (
        field("family"),
        field("pid_mode"),
        field("execution_role", "execution_role_arn"),
        field("task_role", "task_role_arn"),
    ), _finish_task_definition),
}
