"""WorkSpaces: `AWS::WorkSpaces::Workspace` (both volume encryption flags default to
false)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping

MAPPINGS = {
    "AWS::WorkSpaces::Workspace": KindMapping("aws.workspaces.workspace", (
        field("user_name", "UserName"),
        field("root_volume_encryption_enabled", "RootVolumeEncryptionEnabled", default=False),
        field("user_volume_encryption_enabled", "UserVolumeEncryptionEnabled", default=False),
        field("volume_encryption_key", "VolumeEncryptionKey"),
    )),
}
