"""EKS managed node groups read from moto (govern/collect/aws/edge_containers.py) as
`aws.eks.node_group`, and GOV-AWS-108 (SSH open to the internet) on them."""

from __future__ import annotations

from typing import Any

import pytest

from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls, on_every_client
from tests.collect.live_scan import read, scan, statuses

TAG_MAP = {t["Key"]: t["Value"] for t in world.TAGS}
GROUP = "sg-0a1b2c3d4e5f60718"


def _no_invented_key(parsed: dict[str, Any], **_: Any) -> None:
    """moto gives a node group created without remote access the key pair `eksKeypair`;
    AWS gives it none."""
    group = parsed.get("nodegroup", {})
    if group.get("remoteAccess") == {"ec2SshKey": "eksKeypair"}:
        del group["remoteAccess"]


@pytest.fixture(autouse=True)
def as_aws(monkeypatch: pytest.MonkeyPatch) -> None:
    on_every_client(monkeypatch, {"after-call.eks.DescribeNodegroup": _no_invented_key})


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    eks = client(moto_endpoint, "eks")
    eks.create_cluster(name="main", roleArn=f"arn:aws:iam::{ACCOUNT}:role/eks",
                       resourcesVpcConfig={"subnetIds": ["subnet-1"]})

    def group(name: str, **remote: object) -> str:
        extra = {"remoteAccess": remote} if remote else {}
        return str(eks.create_nodegroup(
            clusterName="main", nodegroupName=name, subnets=["subnet-1"], tags=TAG_MAP,
            nodeRole=f"arn:aws:iam::{ACCOUNT}:role/eks-nodes", **extra,
        )["nodegroup"]["nodegroupArn"])

    return {"open": group("open", ec2SshKey="ops"),
            "bastion_only": group("bastion-only", ec2SshKey="ops",
                                  sourceSecurityGroups=[GROUP]),
            "no_remote_access": group("no-remote-access")}


def test_node_groups_with_ssh_open_to_the_internet_fail(moto_endpoint: str,
                                                        made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule in ("GOV-AWS-108", "GOV-AWS-015")}
    assert found == {("GOV-AWS-108", "open", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    bastion = resources[made["bastion_only"]]
    assert (bastion.kind, bastion.native_type) == ("aws.eks.node_group", "AWS::EKS::Nodegroup")
    assert bastion.attributes == {
        "cluster_name": "main", "tags": TAG_MAP,
        "remote_access": {"ec2_ssh_key": "ops", "source_security_groups": [GROUP]}}
    assert resources[made["open"]].attributes["remote_access"] == {"ec2_ssh_key": "ops"}
    assert "remote_access" not in resources[made["no_remote_access"]].attributes


def test_node_groups_that_cannot_be_described_are_unknown(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "eks.DescribeNodegroup")
    groups = {r.id: r for r in read(moto_endpoint).values() if r.kind == "aws.eks.node_group"}
    # without DescribeNodegroup the ARN's unique suffix is not known
    prefix = f"arn:aws:eks:{REGION}:{ACCOUNT}:nodegroup/main/"
    assert sorted(groups) == sorted(prefix + name for name in
                                    ("open", "bastion-only", "no-remote-access"))
    for group in groups.values():
        assert group.attributes["remote_access"].reason == "access denied: DescribeNodegroup"
