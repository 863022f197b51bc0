"""EFS: `aws_efs_file_system` (`encrypted` defaults to false through the API)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_efs_file_system": KindMapping("aws.efs.file_system", (
        field("encrypted", default=False),
        field("kms_key", "kms_key_id"),
    )),
}
