"""RDS: `aws_db_instance` and `aws_rds_cluster`.

`storage_encrypted` defaults to false, except where the configuration does not decide it:
a database restored from a snapshot or created as a replica inherits the encryption of its
source (Unknown), and an Aurora Serverless v1 cluster (`engine_mode = "serverless"`) is
always encrypted.
"""

from __future__ import annotations

from govern.adapters.building import field, set_default, set_undecided
from govern.adapters.reading import MISSING, value_at
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
    if ("storage_encrypted",) not in resource.defaulted:
        return
    for attribute, source in _INHERITED_FROM.items():
        if value_at(native, attribute) is not MISSING:
            set_undecided(resource, "storage_encrypted",
                          Unknown(f"storage encryption is inherited from {source}"))
            return


def _finish_cluster(resource: Resource, native: NativeResource) -> None:
    if ("storage_encrypted",) in resource.defaulted:
        mode = value_at(native, "engine_mode")
        if isinstance(mode, Unknown):
            set_undecided(resource, "storage_encrypted", mode)
        elif mode == "serverless":
            set_default(resource, "storage_encrypted", True)
    _inherited_encryption(resource, native)


MAPPINGS = {
    "aws_db_instance": KindMapping("aws.rds.instance", (
        field("name", "identifier"),
        field("engine"),
        field("publicly_accessible", default=False),
        field("storage_encrypted", default=False),
        field("kms_key", "kms_key_id"),
    ), _inherited_encryption),
    "aws_rds_cluster": KindMapping("aws.rds.cluster", (
        field("name", "cluster_identifier"),
        field("engine"),
        field("engine_mode"),
        field("storage_encrypted", default=False),
        field("kms_key", "kms_key_id"),
    ), _finish_cluster),
}
