"""RDS: `AWS::RDS::DBInstance` and `AWS::RDS::DBCluster`.

As in the Terraform adapter, `publicly_accessible` and `storage_encrypted` default to
false, except where the template does not decide the encryption: a database restored from
a snapshot, created as a replica or restored to a point in time inherits it (Unknown), an
instance that belongs to an Aurora cluster (`DBClusterIdentifier`) stores its data in the
cluster's volume (Unknown: the cluster is checked itself), and an Aurora Serverless v1
cluster (`EngineMode: serverless`) is always encrypted.

`EnableIAMDatabaseAuthentication` defaults to false; for an instance of a cluster
(`DBClusterIdentifier`) it and `EnableCloudwatchLogsExports` are the cluster's (not set).

`AutoMinorVersionUpgrade` defaults to true, `DeletionProtection` to false and
`BackupRetentionPeriod` to 1 (CloudFormation's documented defaults); the last two are the
cluster's for an instance of a cluster (not set), and the retention not written of a
database made from another one's data (a snapshot, a source database) is Unknown.

`MultiAZ` and `CopyTagsToSnapshot` default to false (AWS's defaults); an instance of a
cluster has neither (not set: Aurora replicates the cluster volume, and copies tags as the
cluster says). `CACertificateIdentifier` not written is absent: the account's default CA.
A cluster's `BacktrackWindow` defaults to 0 (backtracking off).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import clear, field, set_default, set_undecided
from govern.adapters.cloudformation.building import Finish, KindMapping
from govern.adapters.cloudformation.values import to_bool
from govern.adapters.reading import MISSING, value_at
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

_INSTANCE_INHERITS_FROM = {
    "DBSnapshotIdentifier": "a snapshot",
    "DBClusterSnapshotIdentifier": "a cluster snapshot",
    "SourceDBInstanceIdentifier": "the source database",
    "SourceDBInstanceAutomatedBackupsArn": "the restored database",
    "SourceDbiResourceId": "the restored database",
    "DBClusterIdentifier": "the DB cluster",
}
_CLUSTER_INHERITS_FROM = {
    "SnapshotIdentifier": "a snapshot",
    "SourceDBClusterIdentifier": "the restored database",
    "ReplicationSourceIdentifier": "the source cluster",
    "GlobalClusterIdentifier": "the global cluster",
}


def _inherited(sources: dict[str, str]) -> Finish:
    def finish(resource: Resource, native: NativeResource) -> None:
        if ("storage_encrypted",) not in resource.defaulted:
            return
        for prop, source in sources.items():
            value = value_at(native, prop)
            if value is not MISSING:
                ref = value.ref if isinstance(value, Unknown) else None
                set_undecided(resource, "storage_encrypted",
                              Unknown(f"storage encryption is inherited from {source}", ref))
                return

    return finish


_finish_inherited_instance = _inherited(_INSTANCE_INHERITS_FROM)
_finish_inherited_cluster = _inherited(_CLUSTER_INHERITS_FROM)
# the properties of an instance made from another database's data, whose engine it takes
_ENGINE_FROM = ("DBSnapshotIdentifier", "DBClusterSnapshotIdentifier",
                "SourceDBInstanceIdentifier", "SourceDBInstanceAutomatedBackupsArn",
                "SourceDbiResourceId")


def to_int(value: Any) -> Any:
    """A whole number written as a string (`"7"`) -> an integer; anything else as it is."""
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return value


# The source of a database's data, in the words the Terraform adapter uses.
_SOURCE_WORDS = {
    "DBSnapshotIdentifier": "a snapshot", "DBClusterSnapshotIdentifier": "a snapshot",
    "SnapshotIdentifier": "a snapshot",
    "SourceDBInstanceIdentifier": "the source database",
    "SourceDBInstanceAutomatedBackupsArn": "the source database",
    "SourceDbiResourceId": "the source database",
    "SourceDBClusterIdentifier": "the source cluster",
}


def _undecided_retention(resource: Resource, native: NativeResource,
                         sources: tuple[str, ...]) -> None:
    """`backup_retention_period` not written on a database made from another one's data
    is not AWS's default: Unknown."""
    if ("backup_retention_period",) not in resource.defaulted:
        return
    for prop in sources:
        value = value_at(native, prop)
        if value is not MISSING:
            source = _SOURCE_WORDS.get(prop, prop)
            set_undecided(resource, "backup_retention_period", Unknown(
                f"the backup retention of a database made from {source} is not written",
                value.ref if isinstance(value, Unknown) else None))
            return


def _finish_instance(resource: Resource, native: NativeResource) -> None:
    """A cluster member's IAM authentication, log exports, deletion protection, backups,
    Multi-AZ and tag copying are the cluster's (not set); the engine not written of an
    instance made from another database's data is its source's (Unknown), and so is its
    backup retention."""
    _finish_inherited_instance(resource, native)
    _undecided_retention(resource, native, _ENGINE_FROM)
    if resource.get("cluster") is not None:
        for name in ("iam_database_authentication", "log_exports", "deletion_protection",
                     "backup_retention_period", "multi_az", "copy_tags_to_snapshot"):
            clear(resource, name)
    if resource.get("engine") is None and any(
            value_at(native, prop) is not MISSING for prop in _ENGINE_FROM):
        set_undecided(resource, "engine", Unknown("the engine is the source database's"))


def _finish_cluster(resource: Resource, native: NativeResource) -> None:
    if ("storage_encrypted",) in resource.defaulted:
        mode = value_at(native, "EngineMode")
        if isinstance(mode, Unknown):
            set_undecided(resource, "storage_encrypted", mode)
        elif mode == "serverless":
            set_default(resource, "storage_encrypted", True)
    _finish_inherited_cluster(resource, native)
    _undecided_retention(resource, native, ("SnapshotIdentifier",
                                            "SourceDBClusterIdentifier"))


MAPPINGS = {
    "AWS::RDS::DBInstance": KindMapping("aws.rds.instance", (
        field("name", "DBInstanceIdentifier"),
        field("engine", "Engine"),
        field("cluster", "DBClusterIdentifier"),
        field("publicly_accessible", "PubliclyAccessible", function=to_bool, default=False),
        field("storage_encrypted", "StorageEncrypted", function=to_bool, default=False),
        field("kms_key", "KmsKeyId"),
        field("iam_database_authentication", "EnableIAMDatabaseAuthentication",
              function=to_bool, default=False),
        field("performance_insights_enabled", "EnablePerformanceInsights", function=to_bool,
              default=False),
        field("performance_insights_kms_key", "PerformanceInsightsKMSKeyId"),
        field("log_exports", "EnableCloudwatchLogsExports"),
        field("auto_minor_version_upgrade", "AutoMinorVersionUpgrade", function=to_bool,
              default=True),
        field("deletion_protection", "DeletionProtection", function=to_bool, default=False),
        field("backup_retention_period", "BackupRetentionPeriod", function=to_int,
              default=1),
        field("multi_az", "MultiAZ", function=to_bool, default=False),
        field("ca_certificate", "CACertificateIdentifier"),
        field("copy_tags_to_snapshot", "CopyTagsToSnapshot", function=to_bool,
              default=False),
    ), _finish_instance),
    "AWS::RDS::DBCluster": KindMapping("aws.rds.cluster", (
        field("name", "DBClusterIdentifier"),
        field("engine", "Engine"),
        field("engine_mode", "EngineMode"),
        field("storage_encrypted", "StorageEncrypted", function=to_bool, default=False),
        field("kms_key", "KmsKeyId"),
        field("iam_database_authentication", "EnableIAMDatabaseAuthentication",
              function=to_bool, default=False),
        field("performance_insights_enabled", "PerformanceInsightsEnabled", function=to_bool,
              default=False),
        field("performance_insights_kms_key", "PerformanceInsightsKmsKeyId"),
        field("log_exports", "EnableCloudwatchLogsExports"),
        field("deletion_protection", "DeletionProtection", function=to_bool, default=False),
        field("backup_retention_period", "BackupRetentionPeriod", function=to_int,
              default=1),
        field("copy_tags_to_snapshot", "CopyTagsToSnapshot", function=to_bool,
              default=False),
        field("backtrack_window", "BacktrackWindow", function=to_int, default=0),
        field("global_cluster", "GlobalClusterIdentifier"),
    ), _finish_cluster),
}
