"""RDS: `aws_db_instance`, `aws_rds_cluster` and `aws_rds_cluster_instance`.

`storage_encrypted` defaults to false, except where the configuration does not decide it:
a database restored from a snapshot or created as a replica inherits the encryption of its
source (Unknown), and an Aurora Serverless v1 cluster (`engine_mode = "serverless"`) is
always encrypted.

An `aws_rds_cluster_instance` (an `aws.rds.instance`) stores its data in its cluster's
volume: the provider only reads its `storage_encrypted` back (computed, not an argument).
It is the cluster's `storage_encrypted` when `cluster_identifier` designates an
`aws_rds_cluster` of the same root (`link_cluster_instance`), else Unknown; its
`publicly_accessible` defaults to false, as for `aws_db_instance`. Its IAM authentication
and log exports are the cluster's (not set on the member, which has no such arguments).

`auto_minor_version_upgrade` defaults to true, `deletion_protection` to false (an
`aws_rds_cluster_instance` has neither protection nor backups of its own: they are the
cluster's) and `backup_retention_period` to 1 (AWS's default for an instance, the
provider's for a cluster), except on an instance made from another database's data, where
it is Unknown.

`multi_az` and `copy_tags_to_snapshot` default to false (AWS's defaults, for replicas and
restored instances too); an `aws_rds_cluster_instance` has neither (Aurora replicates the
cluster volume, and copies tags as the cluster says). `ca_cert_identifier` not written is
absent: the account's default CA for new instances. A cluster's `backtrack_window`
defaults to 0 (backtracking off), restored or not.

`iam_database_authentication_enabled` defaults to false (AWS's default, for replicas and
restored databases too); the engine of a database made from a snapshot, a source
database or a backup that does not write it is its source's (Unknown).
"""

from __future__ import annotations

from govern.adapters.building import field, set_default, set_undecided, where
from govern.adapters.reading import MISSING, value_at
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

_INHERITED_FROM = {
    "snapshot_identifier": "a snapshot",
    "replicate_source_db": "the source database",
    "replication_source_identifier": "the source cluster",
    "restore_to_point_in_time": "the restored database",
    "s3_import": "the imported backup",
}


def _inherited_encryption(resource: Resource, native: NativeResource) -> None:
    """Storage encryption (when not written) and the engine (when not written) of a
    database made from another one's data are its source's: Unknown."""
    for attribute, source in _INHERITED_FROM.items():
        if value_at(native, attribute) is MISSING:
            continue
        if ("storage_encrypted",) in resource.defaulted:
            set_undecided(resource, "storage_encrypted",
                          Unknown(f"storage encryption is inherited from {source}"))
        if resource.get("engine") is None:
            set_undecided(resource, "engine", Unknown("the engine is the source database's"))
        return


def _finish_instance(resource: Resource, native: NativeResource) -> None:
    """An instance made from another database's data keeps automated backups as its
    source or AWS decides when `backup_retention_period` is not written: Unknown."""
    _inherited_encryption(resource, native)
    if ("backup_retention_period",) not in resource.defaulted:
        return
    for attribute, source in _INHERITED_FROM.items():
        if value_at(native, attribute) is not MISSING:
            set_undecided(resource, "backup_retention_period",
                          Unknown(f"the backup retention of a database made from {source} "
                                  "is not written"))
            return


def _finish_cluster(resource: Resource, native: NativeResource) -> None:
    if ("storage_encrypted",) in resource.defaulted:
        mode = value_at(native, "engine_mode")
        if isinstance(mode, Unknown):
            set_undecided(resource, "storage_encrypted", mode)
        elif mode == "serverless":
            set_default(resource, "storage_encrypted", True)
    _inherited_encryption(resource, native)


def _finish_cluster_instance(resource: Resource, native: NativeResource) -> None:
    """A member's storage encryption is its cluster's: Unknown until the linker finds it
    (a plan's value, read back from AWS, is kept)."""
    value = resource.get("storage_encrypted")
    if value is None or isinstance(value, Unknown):
        cluster = value_at(native, "cluster_identifier")
        ref = cluster.ref if isinstance(cluster, Unknown) else None
        set_undecided(resource, "storage_encrypted",
                      Unknown("storage encryption is the DB cluster's", ref))


def link_cluster_instance(resource: Resource, native: NativeResource,
                          ctx: RootContext) -> None:
    """The cluster's `storage_encrypted` (and whether it was defaulted) for a member whose
    `cluster_identifier` designates one `aws_rds_cluster` of this root."""
    if not isinstance(resource.get("storage_encrypted"), Unknown):
        return
    found = ctx.designated(value_at(native, "cluster_identifier"), ["aws.rds.cluster"], native)
    if len(found) != 1:
        return
    cluster = found[0]
    value = cluster.get("storage_encrypted")
    if value is None:
        return
    resource.set("storage_encrypted", value, where(native, "cluster_identifier", False),
                 defaulted=("storage_encrypted",) in cluster.defaulted)


MAPPINGS = {
    "aws_db_instance": KindMapping("aws.rds.instance", (
        field("name", "identifier"),
        field("engine"),
        field("publicly_accessible", default=False),
        field("storage_encrypted", default=False),
        field("kms_key", "kms_key_id"),
        field("iam_database_authentication", "iam_database_authentication_enabled",
              default=False),
        field("performance_insights_enabled", default=False),
        field("performance_insights_kms_key", "performance_insights_kms_key_id"),
        field("log_exports", "enabled_cloudwatch_logs_exports"),
        field("auto_minor_version_upgrade", default=True),
        field("deletion_protection", default=False),
        field("backup_retention_period", default=1),
        field("multi_az", default=False),
        field("ca_certificate", "ca_cert_identifier"),
        field("copy_tags_to_snapshot", default=False),
    ), _finish_instance),
    "aws_rds_cluster_instance": KindMapping("aws.rds.instance", (
        field("name", "identifier"),
        field("engine"),
        field("cluster", "cluster_identifier"),
        field("publicly_accessible", default=False),
        field("storage_encrypted"),
        field("auto_minor_version_upgrade", default=True),
        field("performance_insights_enabled", default=False),
        field("performance_insights_kms_key", "performance_insights_kms_key_id"),
        field("ca_certificate", "ca_cert_identifier"),
    ), _finish_cluster_instance),
    "aws_rds_cluster": KindMapping("aws.rds.cluster", (
        field("name", "cluster_identifier"),
        field("engine"),
        field("engine_mode"),
        field("storage_encrypted", default=False),
        field("kms_key", "kms_key_id"),
        field("iam_database_authentication", "iam_database_authentication_enabled",
              default=False),
        field("performance_insights_enabled", default=False),
        field("performance_insights_kms_key", "performance_insights_kms_key_id"),
        field("log_exports", "enabled_cloudwatch_logs_exports"),
        field("deletion_protection", default=False),
        field("backup_retention_period", default=1),
        field("copy_tags_to_snapshot", default=False),
        field("backtrack_window", default=0),
        field("global_cluster", "global_cluster_identifier"),
    ), _finish_cluster),
}
