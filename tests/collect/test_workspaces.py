"""WorkSpaces read from moto (govern/collect/aws/workspaces.py) as
`aws.workspaces.workspace`, and GOV-AWS-106 (unencrypted volumes) on them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from govern.cli import cli
from tests.collect import world
from tests.collect.conftest import ACCOUNT, REGION, client
from tests.collect.events import deny_calls
from tests.collect.live_scan import read, scan, statuses

KEY = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def directory(endpoint: str) -> str:
    """A Simple AD directory registered with WorkSpaces."""
    ec2 = client(endpoint, "ec2")
    vpc = ec2.create_vpc(CidrBlock="10.50.0.0/16")["Vpc"]["VpcId"]
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.50.{n}.0/24",
                                 AvailabilityZone=f"{REGION}{zone}")["Subnet"]["SubnetId"]
               for n, zone in ((1, "a"), (2, "b"))]
    directory_id = str(client(endpoint, "ds").create_directory(
        Name="corp.example.com", Password="Passw0rd!Passw0rd", Size="Small",
        VpcSettings={"VpcId": vpc, "SubnetIds": subnets})["DirectoryId"])
    client(endpoint, "workspaces").register_workspace_directory(
        DirectoryId=directory_id, SubnetIds=subnets)
    return directory_id


@pytest.fixture(scope="module")
def made(moto_endpoint: str) -> dict[str, str]:
    world.reset(moto_endpoint)
    directory_id = directory(moto_endpoint)
    workspaces = client(moto_endpoint, "workspaces")

    def workspace(user: str, **encryption: Any) -> str:
        answer = workspaces.create_workspaces(Workspaces=[{
            "DirectoryId": directory_id, "UserName": user, "BundleId": "wsb-bh8rsxt14",
            "Tags": world.TAGS, **encryption}])
        workspace_id = answer["PendingRequests"][0]["WorkspaceId"]
        return f"arn:aws:workspaces:{REGION}:{ACCOUNT}:workspace/{workspace_id}"

    return {"plain": workspace("plain"),
            "root_only": workspace("root-only", RootVolumeEncryptionEnabled=True,
                                   VolumeEncryptionKey=KEY),
            "both": workspace("both", RootVolumeEncryptionEnabled=True,
                              UserVolumeEncryptionEnabled=True, VolumeEncryptionKey=KEY)}


def test_workspaces_with_an_unencrypted_volume_fail(moto_endpoint: str,
                                                    made: dict[str, str]) -> None:
    found = {(rule, role, status) for rule, role, status in
             statuses(scan(moto_endpoint), made) if rule in ("GOV-AWS-106", "GOV-AWS-015")}
    assert found == {("GOV-AWS-106", "plain", "fail"), ("GOV-AWS-106", "root_only", "fail")}


def test_canonical_values(moto_endpoint: str, made: dict[str, str]) -> None:
    resources = read(moto_endpoint)
    both = resources[made["both"]]
    assert (both.kind, both.native_type) == ("aws.workspaces.workspace",
                                             "AWS::WorkSpaces::Workspace")
    assert both.attributes == {
        "user_name": "both", "root_volume_encryption_enabled": True,
        "user_volume_encryption_enabled": True, "volume_encryption_key": KEY,
        "tags": {t["Key"]: t["Value"] for t in world.TAGS}}
    plain = resources[made["plain"]].attributes
    assert (plain["root_volume_encryption_enabled"],
            plain["user_volume_encryption_enabled"]) == (False, False)


def test_workspaces_that_cannot_be_listed_are_not_reported(
        moto_endpoint: str, made: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    deny_calls(monkeypatch, "workspaces.DescribeWorkspaces")
    result = CliRunner().invoke(cli, ["scan", "--aws", "--endpoint-url", moto_endpoint,
                                      "--region", REGION, "--format", "json"])
    assert result.exit_code == 3, result.output  # the scan is incomplete
    doc = json.loads(result.output)
    assert statuses(doc, made) == set()
    assert any("aws.workspaces.workspace" in n["message"] for n in doc["notices"]
               if n["code"] == "aws-listing-failed")
