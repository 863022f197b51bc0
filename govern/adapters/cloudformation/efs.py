"""EFS: `AWS::EFS::FileSystem` (`Encrypted` defaults to false; its tags are
`FileSystemTags`)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool

TAG_PROPERTY = "FileSystemTags"

MAPPINGS = {
    "AWS::EFS::FileSystem": KindMapping("aws.efs.file_system", (
        field("encrypted", "Encrypted", function=to_bool, default=False),
        field("kms_key", "KmsKeyId"),
    )),
}
