"""Redshift: `AWS::Redshift::Cluster`, and Redshift Serverless
`AWS::RedshiftServerless::Workgroup` (`PubliclyAccessible` defaults to false in the
resource's schema).

Since AWS's secure-by-default change of January 2025, a cluster created without
`Encrypted` is encrypted and one created without `PubliclyAccessible` is private: both
defaults are written. A cluster restored from a snapshot (`SnapshotIdentifier`) without
`Encrypted` inherits the snapshot's encryption (Unknown), and one without
`AutomatedSnapshotRetentionPeriod` the retention period of the snapshot's cluster
(RestoreFromClusterSnapshot's default; Unknown). `AllowVersionUpgrade` defaults to true,
`AutomatedSnapshotRetentionPeriod` to 1 and `EnhancedVpcRouting` to false. Audit logging
is on when `LoggingProperties` is written.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import field, set_undecided
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.databases import to_int
from govern.adapters.cloudformation.values import to_bool
from govern.adapters.reading import MISSING, value_at
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def _written(value: Any) -> Any:
    """`LoggingProperties` written (with a bucket or a CloudWatch Logs destination: the
    API refuses logging without one) -> audit logging on."""
    return value if isinstance(value, Unknown) else True


def _finish_cluster(resource: Resource, native: NativeResource) -> None:
    snapshot = value_at(native, "SnapshotIdentifier")
    if snapshot is MISSING:
        return
    ref = snapshot.ref if isinstance(snapshot, Unknown) else None
    for name, what in (("encrypted", "encryption"),
                       ("automated_snapshot_retention_period",
                        "the automated snapshot retention period")):
        if (name,) in resource.defaulted:
            set_undecided(resource, name, Unknown(f"{what} is inherited from the snapshot",
                                                  ref))


MAPPINGS = {
    "AWS::Redshift::Cluster": KindMapping("aws.redshift.cluster", (
        field("name", "ClusterIdentifier"),
        field("encrypted", "Encrypted", function=to_bool, default=True),
        field("kms_key", "KmsKeyId"),
        field("publicly_accessible", "PubliclyAccessible", function=to_bool, default=False),
        field("allow_version_upgrade", "AllowVersionUpgrade", function=to_bool, default=True),
        field("automated_snapshot_retention_period", "AutomatedSnapshotRetentionPeriod",
              function=to_int, default=1),
        field("enhanced_vpc_routing", "EnhancedVpcRouting", function=to_bool, default=False),
        field("audit_logging", "LoggingProperties", function=_written, default=False),
    ), _finish_cluster),
    "AWS::RedshiftServerless::Workgroup": KindMapping("aws.redshiftserverless.workgroup", (
        field("name", "WorkgroupName"),
        field("publicly_accessible", "PubliclyAccessible", function=to_bool, default=False),
    )),
}
