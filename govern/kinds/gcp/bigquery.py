"""Google BigQuery: datasets and tables."""

from __future__ import annotations

from govern.kinds.declare import boolean, gcp, objects, string
from govern.kinds.gcp.resource_iam import iam_bindings

KINDS = (
    gcp("gcp.bigquery.dataset", "BigQuery dataset with its access entries",
        string("name", "The dataset's id (`dataset_id`)."),
        string("location", "Where the dataset's data is kept (`location`, e.g. `US`, `EU`, "
               "`europe-west1`); absent when not written (the provider then uses `US`)."),
        string("kms_key", "The Cloud KMS key that encrypts new tables by default "
               "(`default_encryption_configuration.kms_key_name`); absent: Google-managed "
               "keys."),
        objects("access", "Who may use the dataset: one entry per `access` block, with the "
                "keys that are set (an entry granting to a view, dataset or routine has none "
                "of them: those are not read), then the entries of the separate resources "
                "whose `dataset_id` names the dataset, in source order: one per "
                "`google_bigquery_dataset_access` (the same keys), and `{role, iam_member}` "
                "per member of a `google_bigquery_dataset_iam_member` (`member`), "
                "`google_bigquery_dataset_iam_binding` (`members`) or of each binding of a "
                "`google_bigquery_dataset_iam_policy`'s `policy_data`. Absent when there is "
                "none (BigQuery then gives the project's owners, writers and readers their "
                "default access); a `dynamic` block over a collection not known statically, "
                "or a member list or `policy_data` not known statically, is an Unknown "
                "element. A dataset declared outside the scanned code starts with one "
                "Unknown element for the entries declared elsewhere.",
                string("role", "The role granted: a basic role (`OWNER`, `WRITER`, "
                       "`READER`) or an IAM role (`roles/bigquery.dataViewer`)."),
                string("special_group", "A group defined by BigQuery that is granted.",
                       values=("projectOwners", "projectWriters", "projectReaders",
                               "allAuthenticatedUsers")),
                string("iam_member", "A member in IAM form that is granted "
                       "(`user:a@example.com`, `allUsers`, ...)."),
                string("user_by_email", "The email of a user or service account granted."),
                string("group_by_email", "The email of a Google group granted."),
                string("domain", "A domain whose every user is granted (`example.com`).")),
        tags_doc="Google Cloud labels (`labels`)"),
    gcp("gcp.bigquery.table", "BigQuery table (`google_bigquery_table`: a table, view or "
        "materialized view), with its table IAM bindings and members folded in",
        string("name", "The table's id (`table_id`)."),
        string("dataset", "The dataset the table is in (`dataset_id`, as written)."),
        boolean("view", "Whether it is a logical view (a `view` block): a saved query "
                "that stores no data, so no key encrypts it; false otherwise (a "
                "materialized view stores its results and is read as a table).",
                default=False),
        string("kms_key", "The Cloud KMS key that encrypts the table: its own "
               "`encryption_configuration.kms_key_name`; when it writes none, the default "
               "key of its dataset (`default_encryption_configuration.kms_key_name`, marked "
               "as defaulted) when `dataset_id` designates a `google_bigquery_dataset` of "
               "the configuration, since BigQuery gives a table created without "
               "`encryption_configuration` its dataset's default key. Absent when neither "
               "writes one (Google-managed keys); Unknown, not even known to be set, when "
               "the table writes none and its dataset is declared outside the scanned "
               "code."),
        boolean("deletion_protection", "Whether Terraform refuses to destroy the table, in "
                "a `terraform destroy` or an apply that would delete or re-create it "
                "(`deletion_protection`, a setting of the google provider kept in the state, "
                "not of BigQuery); true when not written.", default=True),
        iam_bindings("table", "`google_bigquery_table_iam_*`", "`table_id`"),
        tags_doc="Google Cloud labels (`labels`)"),
)
