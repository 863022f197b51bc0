"""EKS clusters (ListClusters, DescribeCluster) with their managed node groups
(ListNodegroups, DescribeNodegroup) and ECR repositories (DescribeRepositories,
GetRepositoryPolicy, ListTagsForResource) with the attributes of the Terraform and
CloudFormation adapters (docs/canonical-model.md)."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import (
    set_maybe_absent,
    set_optional,
    set_policy,
    set_unknown,
    string_tags,
    tag_map,
)
from govern.model.resource import Resource

GONE = frozenset({"ResourceNotFoundException"})  # deleted between listing and reading
CLUSTER_DETAILS = ("endpoint_public_access", "endpoint_private_access", "public_access_cidrs",
                   "enabled_log_types", "encrypted_resources", "encryption_kms_key", "tags")


def eks_clusters(eks: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    listing = listed(reader.pages(eks, "ListClusters", region, "clusters"))
    found = []
    for name in listing:
        arn = f"arn:aws:eks:{region}:{account}:cluster/{name}"
        answer = reader.call(eks, "DescribeCluster", arn, GONE, name=name)
        if answer is None:
            continue
        details = answer.get("cluster", {}) if isinstance(answer, dict) else {}
        cluster = live_resource(details.get("arn") or arn, "aws.eks.cluster",
                                "AWS::EKS::Cluster", account, region)
        cluster.set("name", name)
        if isinstance(answer, Failed):
            set_unknown(cluster, answer.unknown, *CLUSTER_DETAILS)
        else:
            _cluster_details(cluster, details)
        found.append(cluster)
        found.extend(_node_groups(eks, reader, account, region, name))
    return found


def _node_groups(eks: Any, reader: Reader, account: str, region: str,
                 cluster: str) -> list[Resource]:
    """The cluster's managed node groups (ListNodegroups, DescribeNodegroup)."""
    subject = f"arn:aws:eks:{region}:{account}:cluster/{cluster}"
    found = []
    for name in listed(reader.pages(eks, "ListNodegroups", subject, "nodegroups",
                                    clusterName=cluster)):
        arn = f"arn:aws:eks:{region}:{account}:nodegroup/{cluster}/{name}"
        answer = reader.call(eks, "DescribeNodegroup", arn, GONE, clusterName=cluster,
                             nodegroupName=name)
        if answer is None:
            continue
        details = answer.get("nodegroup", {}) if isinstance(answer, dict) else {}
        group = live_resource(details.get("nodegroupArn") or arn, "aws.eks.node_group",
                              "AWS::EKS::Nodegroup", account, region)
        group.set("cluster_name", cluster)
        if isinstance(answer, Failed):
            set_unknown(group, answer.unknown, "remote_access", "tags")
        else:
            remote = details.get("remoteAccess") or {}
            set_optional(group, "remote_access.ec2_ssh_key", remote.get("ec2SshKey"))
            set_optional(group, "remote_access.source_security_groups",
                         remote.get("sourceSecurityGroups") or None)
            group.set("tags", string_tags(details.get("tags")))
        found.append(group)
    return found


def _cluster_details(cluster: Resource, details: dict[str, Any]) -> None:
    """The endpoint access (EKS's defaults, public only, when the answer omits them), the
    control plane log types that are enabled (absent when none is), the envelope
    encryption (absent without a configuration, as in a template) and the tags."""
    vpc = details.get("resourcesVpcConfig") or {}
    cluster.set("endpoint_public_access", bool(vpc.get("endpointPublicAccess", True)))
    cluster.set("endpoint_private_access", bool(vpc.get("endpointPrivateAccess", False)))
    set_optional(cluster, "public_access_cidrs", vpc.get("publicAccessCidrs"))
    logged = [kind for setup in (details.get("logging") or {}).get("clusterLogging") or []
              if setup.get("enabled") for kind in setup.get("types") or []]
    if logged:
        cluster.set("enabled_log_types", logged)
    configurations = details.get("encryptionConfig") or []
    if configurations:
        cluster.set("encrypted_resources", [resource for configuration in configurations
                                            for resource in configuration.get("resources",
                                                                              [])])
        set_optional(cluster, "encryption_kms_key",
                 (configurations[0].get("provider") or {}).get("keyArn"))
    cluster.set("tags", string_tags(details.get("tags")))


def ecr_repositories(ecr: Any, reader: Reader, account: str,
                     region: str) -> list[Resource]:
    listing = listed(reader.pages(ecr, "DescribeRepositories", region, "repositories"))
    found = []
    for item in listing:
        name = item["repositoryName"]
        arn = item.get("repositoryArn") or f"arn:aws:ecr:{region}:{account}:repository/{name}"
        repository = live_resource(arn, "aws.ecr.repository", "AWS::ECR::Repository",
                                   account, region)
        repository.set("name", name)
        encryption = item.get("encryptionConfiguration") or {}
        repository.set("encryption_type", encryption.get("encryptionType") or "AES256")
        set_optional(repository, "kms_key", encryption.get("kmsKey"))
        repository.set("image_tag_mutability", item.get("imageTagMutability") or "MUTABLE")
        repository.set("scan_on_push", bool(
            (item.get("imageScanningConfiguration") or {}).get("scanOnPush", False)))
        _repository_policy(ecr, reader, repository, item)
        _repository_tags(ecr, reader, repository)
        found.append(repository)
    return found


def _repository_policy(ecr: Any, reader: Reader, repository: Resource,
                       item: dict[str, Any]) -> None:
    """The normalized repository policy; absent when the repository has none."""
    registry = {"registryId": item["registryId"]} if item.get("registryId") else {}
    answer = reader.call(ecr, "GetRepositoryPolicy", repository.id,
                         frozenset({"RepositoryPolicyNotFoundException"}),
                         repositoryName=item["repositoryName"], **registry)
    if isinstance(answer, Failed):  # a repository may have none: maybe absent
        set_maybe_absent(repository, answer.unknown, "policy")
    elif answer is not None:
        set_policy(repository, answer.get("policyText"))


def _repository_tags(ecr: Any, reader: Reader, repository: Resource) -> None:
    answer = reader.call(ecr, "ListTagsForResource", repository.id,
                         resourceArn=repository.id)
    repository.set("tags", answer.unknown if isinstance(answer, Failed)
                   else tag_map((answer or {}).get("tags")))
