"""Redshift: `aws_redshift_cluster`, and Redshift Serverless `aws_redshiftserverless_workgroup`
(`publicly_accessible` defaults to false in the provider, as in the API).

The provider's defaults changed with AWS's secure-by-default change of January 2025: AWS
provider v6 defaults `encrypted` to true and `publicly_accessible` to false, v5 sent
`encrypted = false` and `publicly_accessible = true`. Which provider version applies is
not decided by the resource, so both are Unknown when not written, unless a snapshot
restore decides the encryption anyway (`snapshot_identifier`: inherited, Unknown).
"""

from __future__ import annotations

from govern.adapters.building import field, set_at
from govern.adapters.reading import MISSING, value_at
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
    ), finish_cluster),
    "aws_redshiftserverless_workgroup": KindMapping("aws.redshiftserverless.workgroup", (
        field("name", "workgroup_name"),
        field("publicly_accessible", default=False),
    )),
}
