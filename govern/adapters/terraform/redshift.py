"""Redshift: `aws_redshift_cluster`, and Redshift Serverless `aws_redshiftserverless_workgroup`
(`publicly_accessible` defaults to false in the provider, as in the API).

The provider's defaults changed with AWS's secure-by-default change of January 2025: AWS
provider v6 defaults `encrypted` to true and `publicly_accessible` to false, v5 sent
`encrypted = false` and `publicly_accessible = true`. Which provider version applies is
not decided by the resource, so both are Unknown when not written, unless a snapshot
restore decides the encryption anyway (`snapshot_identifier`: inherited, Unknown).

`allow_version_upgrade` defaults to true, `automated_snapshot_retention_period` to 1 and
`enhanced_vpc_routing` to false (the provider's schema defaults, which it sends on a
restore too).

Audit logging is on with an inline `logging { enable = true }` (provider v5; removed in
v6) or a separate `aws_redshift_logging` naming the cluster (folded: its existence turns
logging on, replacing what the inline block says); off when neither is written.
"""

from __future__ import annotations

from govern.adapters.building import clear, field, set_at
from govern.adapters.reading import MISSING, value_at
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

VERSION_DEPENDENT = "the default depends on the AWS provider version ({})"


def finish_cluster(resource: Resource, native: NativeResource) -> None:
    """Unknown for the version-dependent defaults (shared with CloudFormation's reading of
    a snapshot restore)."""
    if "encrypted" not in resource.attributes:
        reason = (VERSION_DEPENDENT.format("false before v6, true from v6")
                  if value_at(native, "snapshot_identifier") is MISSING
                  else "encryption is inherited from the snapshot")
        set_at(resource, "encrypted", Unknown(reason), None)
    if "publicly_accessible" not in resource.attributes:
        set_at(resource, "publicly_accessible",
               Unknown(VERSION_DEPENDENT.format("true before v6, false from v6")), None)


MAPPINGS = {
    "aws_redshift_cluster": KindMapping("aws.redshift.cluster", (
        field("name", "cluster_identifier"),
        field("encrypted"),
        field("kms_key", "kms_key_id"),
        field("publicly_accessible"),
        field("allow_version_upgrade", default=True),
        field("automated_snapshot_retention_period", default=1),
        field("enhanced_vpc_routing", default=False),
        field("audit_logging", "logging.0.enable", default=False),
    ), finish_cluster),
    "aws_redshiftserverless_workgroup": KindMapping("aws.redshiftserverless.workgroup", (
        field("name", "workgroup_name"),
        field("publicly_accessible", default=False),
    )),
}


def fold_logging(native: NativeResource, ctx: RootContext) -> None:
    """`aws_redshift_logging`: audit logging on for the cluster `cluster_identifier`
    designates (by reference or by name)."""
    cluster = ctx.fold_target(native, "cluster_identifier", ["aws.redshift.cluster"],
                              "Redshift cluster")
    if cluster is None:
        return
    ctx.absorb(native, cluster)
    clear(cluster, "audit_logging")
    set_at(cluster, "audit_logging", True, native.range)


FOLDERS = {
    "aws_redshift_logging": fold_logging,
}
