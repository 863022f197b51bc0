"""Cloud Functions: functions (1st and 2nd gen)."""

from __future__ import annotations

from govern.kinds.declare import gcp, string
from govern.kinds.gcp.resource_iam import iam_bindings

KINDS = (
    gcp("gcp.cloudfunctions.function", "Cloud Function, 1st gen "
        "(`google_cloudfunctions_function`) or 2nd gen (`google_cloudfunctions2_function`), "
        "with its function IAM bindings and members folded in",
        string("name", "The function's name (`name`)."),
        string("location", "The region the function runs in (`region` of a 1st gen "
               "function, `location` of a 2nd gen one); absent when not written (the "
               "provider's region)."),
        iam_bindings("function", "`google_cloudfunctions_function_iam_*`, "
                     "`google_cloudfunctions2_function_iam_*`", "`cloud_function`"),
        tags_doc="Google Cloud labels (`labels`)"),
)
