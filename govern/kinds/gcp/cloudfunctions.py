"""Cloud Functions: functions (1st and 2nd gen)."""

from __future__ import annotations

from govern.kinds.declare import boolean, gcp, string
from govern.kinds.gcp.resource_iam import iam_bindings

KINDS = (
    gcp("gcp.cloudfunctions.function", "Cloud Function, 1st gen "
        "(`google_cloudfunctions_function`) or 2nd gen (`google_cloudfunctions2_function`), "
        "with its function IAM bindings and members folded in",
        string("name", "The function's name (`name`)."),
        string("location", "The region the function runs in (`region` of a 1st gen "
               "function, `location` of a 2nd gen one); absent when not written (the "
               "provider's region)."),
        string("ingress_settings", "Which network traffic may reach the function's HTTPS "
               "endpoint (`ingress_settings` of a 1st gen function, "
               "`service_config.ingress_settings` of a 2nd gen one): `ALLOW_ALL` (also "
               "the internet), `ALLOW_INTERNAL_AND_GCLB` (the project's or VPC Service "
               "Controls perimeter's VPC networks, and an external Application Load "
               "Balancer) or `ALLOW_INTERNAL_ONLY`; `ALLOW_ALL` when not written.",
               default="ALLOW_ALL",
               values=("ALLOW_ALL", "ALLOW_INTERNAL_AND_GCLB", "ALLOW_INTERNAL_ONLY")),
        boolean("https_endpoint", "Whether the function has an HTTPS URL that requests can "
                "reach: a 1st gen function with `trigger_http = true` (false when not "
                "written: it is triggered by events, through `event_trigger`, and has no "
                "URL); a 2nd gen function always (its Cloud Run service has one, whatever "
                "its trigger).", default=False),
        iam_bindings("function", "`google_cloudfunctions_function_iam_*`, "
                     "`google_cloudfunctions2_function_iam_*`", "`cloud_function`"),
        tags_doc="Google Cloud labels (`labels`)"),
)
