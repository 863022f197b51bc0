"""RDS manual snapshots: `aws_db_snapshot`, `aws_db_snapshot_copy` (`aws.rds.snapshot`),
`aws_db_cluster_snapshot` (`aws.rds.cluster_snapshot`) and `aws_neptune_cluster_snapshot`
(`aws.neptune.cluster_snapshot`, whose Terraform resource has no `shared_accounts`).

`shared_accounts` not written is an empty list (the snapshot is shared with no account).
The configuration cannot write a snapshot's encryption: it is its database's. A snapshot
is Unknown until the linker finds the `aws_db_instance` (`aws_rds_cluster`,
`aws_neptune_cluster`) its `db_instance_identifier` (`db_cluster_identifier`) designates in
the same root, and takes that database's `storage_encrypted`. A copy with a `kms_key_id` is
encrypted with that key; one without has its source snapshot's encryption (Unknown).
"""

from __future__ import annotations

from govern.adapters.building import field, set_at, where
from govern.adapters.reading import MISSING, value_at
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

# native type -> (the attribute naming the database, its kind, what it is)
_SOURCES = {
    "aws_db_snapshot": ("db_instance_identifier", "aws.rds.instance", "DB instance"),
    "aws_db_cluster_snapshot": ("db_cluster_identifier", "aws.rds.cluster", "DB cluster"),
    "aws_neptune_cluster_snapshot": ("db_cluster_identifier", "aws.neptune.cluster",
                                     "Neptune cluster"),
}


def _database_encryption(resource: Resource, native: NativeResource) -> None:
    """Unknown until the linker finds the database: the encryption is the database's."""
    attribute, _, what = _SOURCES[native.native_type]
    database = value_at(native, attribute)
    ref = database.ref if isinstance(database, Unknown) else None
    resource.set("encrypted", Unknown(f"a snapshot's encryption is its {what}'s", ref))


def _copy_encryption(resource: Resource, native: NativeResource) -> None:
    """Encrypted with `kms_key_id` when one is written, else as the source snapshot."""
    key = value_at(native, "kms_key_id")
    if key is MISSING or key is None or key == "":
        resource.set("encrypted", Unknown("a copy without `kms_key_id` has the source "
                                          "snapshot's encryption"))
    elif isinstance(key, Unknown):
        resource.set("encrypted", Unknown("whether the copy names a KMS key", key.ref))
    else:
        set_at(resource, "encrypted", True, where(native, "kms_key_id", False))


def link_database(resource: Resource, native: NativeResource, ctx: RootContext) -> None:
    """The `storage_encrypted` of the one database of this root the snapshot designates
    (and whether it was defaulted)."""
    attribute, kind, _ = _SOURCES[native.native_type]
    found = ctx.designated(value_at(native, attribute), [kind], native)
    if len(found) != 1:
        return
    value = found[0].get("storage_encrypted")
    if value is None or isinstance(value, Unknown):
        return
    resource.set("encrypted", value, where(native, attribute, False),
                 defaulted=("storage_encrypted",) in found[0].defaulted)


MAPPINGS = {
    "aws_db_snapshot": KindMapping("aws.rds.snapshot", (
        field("name", "db_snapshot_identifier"),
        field("database", "db_instance_identifier"),
        field("shared_accounts", default=[]),
    ), _database_encryption),
    "aws_db_snapshot_copy": KindMapping("aws.rds.snapshot", (
        field("name", "target_db_snapshot_identifier"),
        field("shared_accounts", default=[]),
    ), _copy_encryption),
    "aws_db_cluster_snapshot": KindMapping("aws.rds.cluster_snapshot", (
        field("name", "db_cluster_snapshot_identifier"),
        field("cluster", "db_cluster_identifier"),
        field("shared_accounts", default=[]),
    ), _database_encryption),
    "aws_neptune_cluster_snapshot": KindMapping("aws.neptune.cluster_snapshot", (
        field("name", "db_cluster_snapshot_identifier"),
        field("cluster", "db_cluster_identifier"),
    ), _database_encryption),
}

LINKERS = {native_type: link_database for native_type in _SOURCES}
