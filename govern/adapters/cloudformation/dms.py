"""DMS: `AWS::DMS::ReplicationInstance` (`PubliclyAccessible` defaults to true, as in the
DMS API; the Terraform provider's default is false; `AutoMinorVersionUpgrade` defaults to
true, as in the API)."""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool

MAPPINGS = {
    "AWS::DMS::ReplicationInstance": KindMapping("aws.dms.replication_instance", (
        field("name", "ReplicationInstanceIdentifier"),
        field("publicly_accessible", "PubliclyAccessible", function=to_bool, default=True),
        field("kms_key", "KmsKeyId"),
        field("auto_minor_version_upgrade", "AutoMinorVersionUpgrade", function=to_bool,
              default=True),
    )),
}
