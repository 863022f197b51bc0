"""ECS clusters (ListClusters, DescribeClusters with their settings and tags) as
`aws.ecs.cluster`, their services (ListServices, DescribeServices with their tags) as
`aws.ecs.service`, and the active task definition revisions (ListTaskDefinitions,
DescribeTaskDefinition with their tags) as `aws.ecs.task_definition`, with the attributes
of the Terraform and CloudFormation adapters."""

from __future__ import annotations

from typing import Any

from govern.adapters.ecs_containers import JSON_KEYS, containers
from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import lower_case_tags, set_maybe_absent, set_unknown
from govern.model.resource import Resource

KIND = "aws.ecs.cluster"
BATCH = 100  # DescribeClusters takes at most 100 clusters
SERVICE_BATCH = 10  # and DescribeServices 10 services


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    ecs = clients("ecs")
    found = clusters(ecs, reader, account, region)
    return [*found, *services(ecs, reader, account, region, [c.id for c in found]),
            *task_definitions(ecs, reader, account, region)]


def clusters(ecs: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    arns = [str(arn) for arn in listed(reader.pages(ecs, "ListClusters", region,
                                                    "clusterArns"))]
    found = []
    for start in range(0, len(arns), BATCH):
        batch = arns[start:start + BATCH]
        answer = reader.call(ecs, "DescribeClusters", batch[0], clusters=batch,
                             include=["SETTINGS", "TAGS"])
        details = {} if isinstance(answer, Failed) else {
            str(item.get("clusterArn")): item for item in (answer or {}).get("clusters", [])}
        for arn in batch:
            cluster = live_resource(arn, KIND, "AWS::ECS::Cluster", account, region)
            cluster.set("name", arn.rsplit("/", 1)[-1])
            if isinstance(answer, Failed):
                set_unknown(cluster, answer.unknown, "container_insights", "tags")
            elif arn in details:
                _details(cluster, details[arn])
            else:
                continue  # deleted between listing and reading
            found.append(cluster)
    return found


def _details(cluster: Resource, item: dict[str, Any]) -> None:
    for entry in item.get("settings") or []:
        if entry.get("name") == "containerInsights" and entry.get("value"):
            cluster.set("container_insights", entry["value"])
    cluster.set("tags", lower_case_tags(item.get("tags")))


def services(ecs: Any, reader: Reader, account: str, region: str,
             cluster_arns: list[str]) -> list[Resource]:
    found = []
    for cluster in cluster_arns:
        arns = [str(arn) for arn in listed(reader.pages(ecs, "ListServices", cluster,
                                                        "serviceArns", cluster=cluster))]
        for start in range(0, len(arns), SERVICE_BATCH):
            batch = arns[start:start + SERVICE_BATCH]
            answer = reader.call(ecs, "DescribeServices", batch[0], cluster=cluster,
                                 services=batch, include=["TAGS"])
            details = {} if isinstance(answer, Failed) else {
                str(item.get("serviceArn")): item
                for item in (answer or {}).get("services", [])}
            for arn in batch:
                service = live_resource(arn, "aws.ecs.service", "AWS::ECS::Service",
                                        account, region)
                service.set("name", arn.rsplit("/", 1)[-1])
                if isinstance(answer, Failed):
                    set_unknown(service, answer.unknown, "assign_public_ip", "tags")
                elif arn in details:
                    network = (details[arn].get("networkConfiguration") or {}).get(
                        "awsvpcConfiguration") or {}
                    service.set("assign_public_ip", network.get("assignPublicIp") == "ENABLED")
                    service.set("tags", lower_case_tags(details[arn].get("tags")))
                else:
                    continue  # deleted between listing and reading
                found.append(service)
    return found


def task_definitions(ecs: Any, reader: Reader, account: str,
                     region: str) -> list[Resource]:
    found = []
    for arn in listed(reader.pages(ecs, "ListTaskDefinitions", region, "taskDefinitionArns",
                                   status="ACTIVE")):
        answer = reader.call(ecs, "DescribeTaskDefinition", str(arn),
                             frozenset({"ClientException"}), taskDefinition=str(arn),
                             include=["TAGS"])
        if answer is None:
            continue  # deregistered between listing and reading
        definition = live_resource(str(arn), "aws.ecs.task_definition",
                                   "AWS::ECS::TaskDefinition", account, region)
        definition.set("family", str(arn).rsplit("/", 1)[-1].rsplit(":", 1)[0])
        if isinstance(answer, Failed):
            set_unknown(definition, answer.unknown, "efs_volumes", "containers", "tags")
            set_maybe_absent(definition, answer.unknown, "pid_mode", "execution_role",
                             "task_role")
        else:
            _definition(definition, answer)
        found.append(definition)
    return found


def _definition(definition: Resource, answer: dict[str, Any]) -> None:
    described = answer.get("taskDefinition") or {}
    for name, key in (("pid_mode", "pidMode"), ("execution_role", "executionRoleArn"),
                      ("task_role", "taskRoleArn")):
        if described.get(key):
            definition.set(name, described[key])
    definition.set("containers", containers(described.get("containerDefinitions") or [],
                                            JSON_KEYS))
    volumes = []
    for volume in described.get("volumes") or []:
        efs = volume.get("efsVolumeConfiguration")
        if not isinstance(efs, dict):
            continue
        entry: dict[str, Any] = {}
        _put(entry, "name", volume.get("name"))
        _put(entry, "file_system_id", efs.get("fileSystemId"))
        entry["transit_encryption"] = efs.get("transitEncryption") or "DISABLED"
        volumes.append(entry)
    if volumes:
        definition.set("efs_volumes", volumes)
    definition.set("tags", lower_case_tags(answer.get("tags")))


def _put(entry: dict[str, Any], key: str, value: Any) -> None:
    if value is not None and value != "":
        entry[key] = value
