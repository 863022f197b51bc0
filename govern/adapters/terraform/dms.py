"""DMS: `aws_dms_replication_instance` (the provider defaults `publicly_accessible` to
false; CloudFormation, like the DMS API, to true; `auto_minor_version_upgrade` is left to
the API, whose default is true)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import KindMapping

MAPPINGS = {
    "aws_dms_replication_instance": KindMapping("aws.dms.replication_instance", (
        field("name", "replication_instance_id"),
        field("publicly_accessible", default=False),
        field("kms_key", "kms_key_arn"),
        field("auto_minor_version_upgrade", default=True),
    )),
}
