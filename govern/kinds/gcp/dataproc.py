"""Dataproc: clusters."""

from __future__ import annotations

from govern.kinds.declare import gcp, string
from govern.kinds.gcp.resource_iam import iam_bindings

KINDS = (
    gcp("gcp.dataproc.cluster", "Dataproc cluster (`google_dataproc_cluster`), with its "
        "cluster IAM bindings and members folded in",
        string("name", "The cluster's name (`name`)."),
        string("region", "The region it is in (`region`); absent when not written (the "
               "provider then uses `global`)."),
        string("kms_key", "The Cloud KMS key that encrypts the persistent disks of the "
               "cluster's instances (`cluster_config.encryption_config.kms_key_name`); "
               "absent: Google-managed keys."),
        iam_bindings("cluster", "`google_dataproc_cluster_iam_*`", "`cluster`"),
        tags_doc="Google Cloud labels (`labels`)"),
)
