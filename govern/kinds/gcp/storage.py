"""Google Cloud Storage: buckets."""

from __future__ import annotations

from govern.kinds.declare import boolean, gcp, obj, objects, string, strings

KINDS = (
    gcp("gcp.storage.bucket", "Cloud Storage bucket, with its bucket IAM bindings and "
        "members folded in",
        string("name", "The bucket's name."),
        string("location", "The bucket's location (`location`, e.g. `US`, `EU`, "
               "`europe-west1`)."),
        boolean("uniform_bucket_level_access", "Whether access is granted by IAM only, "
                "object ACLs disabled (`uniform_bucket_level_access`); false when not "
                "written: fine-grained ACLs apply.", default=False),
        string("public_access_prevention", "Whether public access is prevented: `enforced`, "
               "or `inherited` from the organization policy (`public_access_prevention`); "
               "absent when not written.",
               values=("enforced", "inherited")),
        obj("versioning", "Object versioning (the `versioning` block); always present.",
            boolean("enabled", "Whether noncurrent object versions are kept "
                    "(`versioning.enabled`); false when not written.", default=False)),
        string("access_log_bucket", "The bucket that receives the bucket's usage and "
               "storage logs (`logging.log_bucket`); absent when no `logging` block is "
               "written: no access logs."),
        string("kms_key", "The Cloud KMS key that encrypts new objects by default "
               "(`encryption.default_kms_key_name`); absent: Google-managed keys."),
        boolean("retention_locked", "Whether the bucket's retention policy is locked "
                "(`retention_policy.is_locked`): no object can be deleted or replaced "
                "before the retention period ends, and the policy can no longer be "
                "removed or shortened, nor the bucket deleted while it holds objects; "
                "false when not written or without a `retention_policy` block.",
                default=False),
        objects("iam_bindings", "Who is granted which role on the bucket: one entry per "
                "`google_storage_bucket_iam_binding` or `google_storage_bucket_iam_member` "
                "whose `bucket` names the bucket (a reference to it, or its literal name), "
                "in source order, and one per binding of the `policy_data` of a "
                "`google_storage_bucket_iam_policy` (the JSON of a `data.google_iam_policy` "
                "or a literal; one Unknown entry when it is not known statically); absent "
                "when there is none. A bucket declared outside the "
                "scanned code starts with one Unknown element for the bindings declared "
                "elsewhere.",
                string("role", "The role granted (`role`)."),
                strings("members", "The members granted: a binding's `members`, a member "
                        "resource's `member` as a one-element list (`allUsers` and "
                        "`allAuthenticatedUsers` make the bucket public).")),
        tags_doc="Google Cloud labels (`labels`)"),
)
