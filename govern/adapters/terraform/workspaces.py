"""WorkSpaces: `aws_workspaces_workspace` (both volume encryption flags default to
false)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_workspaces_workspace": KindMapping("aws.workspaces.workspace", (
        field("user_name"),
        field("root_volume_encryption_enabled", default=False),
        field("user_volume_encryption_enabled", default=False),
        field("volume_encryption_key"),
    )),
}
