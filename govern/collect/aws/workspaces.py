"""WorkSpaces (DescribeWorkspaces, DescribeTags) as `aws.workspaces.workspace`, id
`arn:aws:workspaces:<region>:<account>:workspace/<id>`, with the attributes of the
Terraform and CloudFormation adapters."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_optional, tag_map
from govern.model.resource import Resource

KIND = "aws.workspaces.workspace"


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """`clients(service)` gives the region's client for a service."""
    return workspaces(clients("workspaces"), reader, account, region)


def workspaces(client: Any, reader: Reader, account: str, region: str) -> list[Resource]:
    found = []
    for item in listed(reader.pages(client, "DescribeWorkspaces", region, "Workspaces")):
        workspace_id = str(item["WorkspaceId"])
        arn = f"arn:aws:workspaces:{region}:{account}:workspace/{workspace_id}"
        workspace = live_resource(arn, KIND, "AWS::WorkSpaces::Workspace", account, region)
        set_optional(workspace, "user_name", item.get("UserName"))
        workspace.set("root_volume_encryption_enabled",
                      bool(item.get("RootVolumeEncryptionEnabled", False)))
        workspace.set("user_volume_encryption_enabled",
                      bool(item.get("UserVolumeEncryptionEnabled", False)))
        set_optional(workspace, "volume_encryption_key", item.get("VolumeEncryptionKey"))
        tags = reader.call(client, "DescribeTags", arn, ResourceId=workspace_id)
        workspace.set("tags", tags.unknown if isinstance(tags, Failed)
                      else tag_map((tags or {}).get("TagList")))
        found.append(workspace)
    return found
