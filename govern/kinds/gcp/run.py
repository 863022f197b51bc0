"""Cloud Run: services."""

from __future__ import annotations

from govern.kinds.declare import gcp, string
from govern.kinds.gcp.resource_iam import iam_bindings

KINDS = (
    gcp("gcp.run.service", "Cloud Run service (`google_cloud_run_service`, "
        "`google_cloud_run_v2_service`), with its service IAM bindings and members folded "
        "in",
        string("name", "The service's name (`name`)."),
        string("location", "The region the service runs in (`location`)."),
        iam_bindings("service", "`google_cloud_run_service_iam_*`, "
                     "`google_cloud_run_v2_service_iam_*`", "`service` (v2: `name`)"),
        tags_doc="Google Cloud labels (`metadata.labels` of a `google_cloud_run_service`, "
        "`labels` of a `google_cloud_run_v2_service`)"),
)
