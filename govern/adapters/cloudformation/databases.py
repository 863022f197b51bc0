"""RDS: `AWS::RDS::DBInstance` and `AWS::RDS::DBCluster`.

As in the Terraform adapter, `publicly_accessible` and `storage_encrypted` default to
false, except where the template does not decide the encryption: a database restored from
a snapshot, created as a replica or restored to a point in time inherits it (Unknown), an
instance that belongs to an Aurora cluster (`DBClusterIdentifier`) stores its data in the
cluster's volume (Unknown: the cluster is checked itself), and an Aurora Serverless v1
cluster (`EngineMode: serverless`) is always encrypted.

`EnableIAMDatabaseAuthentication` defaults to false; for an instance of a cluster
(`DBClusterIdentifier`) it and `EnableCloudwatchLogsExports` are the cluster's (not set).
"""

from __future__ import annotations

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


def _finish_instance(resource: Resource, native: NativeResource) -> None:
    """A cluster member's IAM authentication and log exports are the cluster's (not set);
    the engine not written of an instance made from another database's data is its
    source's (Unknown)."""
    _finish_inherited_instance(resource, native)
    if resource.get("cluster") is not None:
        for name in ("iam_database_authentication", "log_exports"):
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
        field("log_exports", "EnableCloudwatchLogsExports"),
    ), _finish_instance),
    "AWS::RDS::DBCluster": KindMapping("aws.rds.cluster", (
        field("name", "DBClusterIdentifier"),
        field("engine", "Engine"),
        field("engine_mode", "EngineMode"),
        field("storage_encrypted", "StorageEncrypted", function=to_bool, default=False),
        field("kms_key", "KmsKeyId"),
        field("iam_database_authentication", "EnableIAMDatabaseAuthentication",
              function=to_bool, default=False),
        field("log_exports", "EnableCloudwatchLogsExports"),
    ), _finish_cluster),
}
