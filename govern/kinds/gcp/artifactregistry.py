"""Artifact Registry: repositories."""

from __future__ import annotations

from govern.kinds.declare import gcp, string
from govern.kinds.gcp.resource_iam import iam_bindings

KINDS = (
    gcp("gcp.artifactregistry.repository", "Artifact Registry repository "
        "(`google_artifact_registry_repository`), with its repository IAM bindings and "
        "members folded in",
        string("name", "The repository's id (`repository_id`)."),
        string("location", "The region or multi-region it is in (`location`); absent when "
               "not written (the provider's region)."),
        string("format", "What it stores (`format`, e.g. `DOCKER`, `MAVEN`, `NPM`, "
               "`PYTHON`), as written."),
        string("kms_key", "The Cloud KMS key that encrypts the repository's contents "
               "(`kms_key_name`, set only at creation); absent: Google-managed keys."),
        iam_bindings("repository", "`google_artifact_registry_repository_iam_*`",
                     "`repository`"),
        tags_doc="Google Cloud labels (`labels`)"),
)
