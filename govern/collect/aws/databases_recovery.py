"""Minor version upgrades, deletion protection and automated backups of an RDS instance or
cluster, or of a DocumentDB or Neptune cluster, from its DescribeDBInstances /
DescribeDBClusters item, read as the Terraform and CloudFormation arguments: an instance
of a cluster gets only its own `auto_minor_version_upgrade` (its deletion protection and
backups are the cluster's); a DocumentDB cluster has no `deletion_protection` in the
canonical model."""

from __future__ import annotations

from typing import Any

from govern.model.resource import Resource
from govern.model.unknown import Unknown


def set_recovery(database: Resource, item: dict[str, Any]) -> None:
    """`auto_minor_version_upgrade` (RDS instances), `deletion_protection` and
    `backup_retention_period` (RDS instances outside a cluster, and clusters)."""
    member = database.kind == "aws.rds.instance" and bool(item.get("DBClusterIdentifier"))
    if database.kind == "aws.rds.instance":
        database.set("auto_minor_version_upgrade",
                     bool(item.get("AutoMinorVersionUpgrade", True)))
    if member:
        return
    if database.kind != "aws.docdb.cluster":
        database.set("deletion_protection", bool(item.get("DeletionProtection", False)))
    retention = item.get("BackupRetentionPeriod")
    database.set("backup_retention_period", retention if isinstance(retention, int) else Unknown(
        "the answer has no BackupRetentionPeriod"))
