"""Cloud Logging: log sinks of projects, folders, organizations and billing accounts."""

from __future__ import annotations

from govern.kinds.declare import boolean, gcp, string

KINDS = (
    gcp("gcp.logging.sink", "Cloud Logging sink (`google_logging_project_sink`, "
        "`google_logging_folder_sink`, `google_logging_organization_sink`, "
        "`google_logging_billing_account_sink`): routes the log entries its filter "
        "matches to a destination",
        string("scope_level", "Whose logs it routes: `project`, `folder`, `organization` "
               "or `billing_account`.",
               values=("project", "folder", "organization", "billing_account")),
        string("scope", "The project, folder, organization or billing account, as "
               "written (`project`, `folder`, `org_id`, `billing_account`); absent when a "
               "project sink uses the provider's project."),
        string("name", "The sink's name (`name`)."),
        string("destination", "Where it routes them (`destination`), as written: "
               "`storage.googleapis.com/<bucket>`, `bigquery.googleapis.com/projects/...`, "
               "`pubsub.googleapis.com/projects/...` or `logging.googleapis.com/projects/"
               "...`."),
        string("destination_type", "The kind of destination, from the prefix of "
               "`destination`: `storage` (a Cloud Storage bucket), `bigquery`, `pubsub`, "
               "`logging` (a log bucket or another project); Unknown when the prefix is "
               "not known statically.",
               values=("storage", "bigquery", "pubsub", "logging")),
        boolean("disabled", "Whether the sink is disabled and routes nothing "
                "(`disabled`); false when not written.", default=False),
        boolean("destination_retention_locked", "For a Cloud Storage destination, whether "
                "the bucket has a locked retention policy: the `retention_locked` of the "
                "`google_storage_bucket` the destination names (by a reference or by its "
                "name); Unknown when the bucket is not in the scanned code or not known "
                "statically; absent for other destinations."),
        taggable=False),
)
