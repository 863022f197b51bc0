"""Redshift: `AWS::Redshift::Cluster`, and Redshift Serverless
`AWS::RedshiftServerless::Workgroup` (`PubliclyAccessible` defaults to false in the
resource's schema).

Since AWS's secure-by-default change of January 2025, a cluster created without
`Encrypted` is encrypted and one created without `PubliclyAccessible` is private: both
defaults are written. A cluster restored from a snapshot (`SnapshotIdentifier`) without
`Encrypted` inherits the snapshot's encryption (Unknown).
"""

from __future__ import annotations

from govern.adapters.building import field, set_undecided
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.values import to_bool
from govern.adapters.reading import MISSING, value_at
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def _finish_cluster(resource: Resource, native: NativeResource) -> None:
    snapshot = value_at(native, "SnapshotIdentifier")
    if ("encrypted",) in resource.defaulted and snapshot is not MISSING:
        set_undecided(resource, "encrypted",
                      Unknown("encryption is inherited from the snapshot",
                              snapshot.ref if isinstance(snapshot, Unknown) else None))


MAPPINGS = {
    "AWS::Redshift::Cluster": KindMapping("aws.redshift.cluster", (
        field("name", "ClusterIdentifier"),
        field("encrypted", "Encrypted", function=to_bool, default=True),
        field("kms_key", "KmsKeyId"),
        field("publicly_accessible", "PubliclyAccessible", function=to_bool, default=False),
    ), _finish_cluster),
    "AWS::RedshiftServerless::Workgroup": KindMapping("aws.redshiftserverless.workgroup", (
        field("name", "WorkgroupName"),
        field("publicly_accessible", "PubliclyAccessible", function=to_bool, default=False),
    )),
}
