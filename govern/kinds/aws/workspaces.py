"""Amazon WorkSpaces: virtual desktops."""

from __future__ import annotations

from govern.kinds.declare import aws, boolean, string

KINDS = (
    aws("aws.workspaces.workspace", "WorkSpaces virtual desktop",
        string("user_name", "The directory user the WorkSpace is for (CloudFormation "
               "`UserName`)."),
        boolean("root_volume_encryption_enabled", "Whether the root volume (the C: drive "
                "or `/`) is encrypted (CloudFormation `RootVolumeEncryptionEnabled`); false "
                "when not written.", default=False),
        boolean("user_volume_encryption_enabled", "Whether the user volume (the D: drive "
                "or `/home`) is encrypted (CloudFormation `UserVolumeEncryptionEnabled`); "
                "false when not written.", default=False),
        string("volume_encryption_key", "The KMS key of the encrypted volumes (Terraform "
               "`volume_encryption_key`, CloudFormation `VolumeEncryptionKey`); absent: the "
               "AWS managed key `aws/workspaces`.")),
)
