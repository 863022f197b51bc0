"""Google Cloud IAM: role grants on projects, folders and organizations; workload
identity pool providers; Cloud Audit Logs configurations."""

from __future__ import annotations

from govern.kinds.declare import boolean, gcp, objects, string, strings

KINDS = (
    gcp("gcp.iam.grant", "IAM role grant on a project, folder or organization: a binding "
        "or member resource, or one binding of an authoritative policy resource (address "
        "`<policy address>#<role>`)",
        string("scope_level", "What the role is granted on: `project` "
               "(`google_project_iam_binding`, `_member`, `_policy`), `folder` "
               "(`google_folder_iam_*`) or `organization` (`google_organization_iam_*`).",
               values=("project", "folder", "organization")),
        string("scope", "The project, folder or organization, as written (`project`, "
               "`folder` or `org_id`); absent when the provider's project is used."),
        string("role", "The role granted (`role`), e.g. `roles/owner` or a custom role; "
               "for a `google_*_iam_policy`, the `role` of one binding of its "
               "`policy_data` (the JSON of a `data.google_iam_policy`, a literal, or a "
               "plan's value): one grant per binding, at `<policy address>#<role>` "
               "(`#<role>#2` for the role's second binding). Unknown, with `members`, "
               "when the policy is not known statically (one grant at the policy's "
               "address)."),
        strings("members", "The members granted (`user:a@example.com`, "
                "`serviceAccount:...`, `allUsers`, ...): a binding's `members` (also a "
                "policy binding's), a `_member` resource's `member` as a one-element list."),
        string("condition", "The title of the grant's IAM condition (`condition.title`, "
               "a policy binding's `condition.title`); absent for an unconditional grant."),
        strings("member_types", "The principal type of each member, in order: the text "
                "before its first `:` (`user`, `group`, `serviceAccount`, `domain`, "
                "`principal`, `principalSet`, `deleted`, ...), or the member itself for "
                "`allUsers` and `allAuthenticatedUsers`. A member known only in part has "
                "the type of its known prefix (`serviceAccount:${...}`); one that is the "
                "`member` of a `google_service_account` or of a default service account "
                "data source is `serviceAccount`; another member not known statically is "
                "Unknown. Absent when `members` is."),
        boolean("default_service_account", "Whether a member is a default service "
                "account: the Compute Engine one "
                "(`serviceAccount:<project number>-compute@developer.gserviceaccount.com`) "
                "or the App Engine one (`serviceAccount:<project id>@appspot."
                "gserviceaccount.com`), also when written from "
                "`data.google_compute_default_service_account` or "
                "`data.google_app_engine_default_service_account`. False when no member "
                "is (a `google_service_account` of the configuration is not); Unknown "
                "when none is known to be and a service account member is not known "
                "statically. Absent when `members` is."),
        boolean("consumer_account", "Whether a member is a personal (consumer) Google "
                "account: a `user:` member whose address is at `gmail.com` or "
                "`googlemail.com` (any case), not one managed by the organization's Cloud "
                "Identity or Google Workspace. False when no member is (other types, "
                "including `deleted:user:...`, never are); Unknown when none is known to "
                "be and a member's type, or a user's domain, is not known statically "
                "(`user:${var.email}`; `user:${var.name}@example.com` is known). Absent when "
                "`members` is."),
        objects("member_roles", "For each member of the grant, in order, the roles it "
                "holds on the same project, folder or organization through the other "
                "grants of the scanned code (conditional ones included). Two grants are on "
                "the same scope when their `scope`s are equal literals (a `projects/`, "
                "`folders/` or `organizations/` prefix aside), references to the same "
                "attribute, or both absent. `roles` has an Unknown element when another "
                "grant might hold the member on the same scope but its scope, members or "
                "role are not known statically, and when no `google_<level>_iam_policy` "
                "known statically covers the scope (roles may then be granted outside the "
                "scanned code). A member not known statically is an Unknown entry. Absent "
                "when `members` is not known statically.",
                string("member", "The member (`user:...`, `group:...`, ...)."),
                strings("roles", "The roles the member holds on the scope through the "
                        "other grants.")),
        taggable=False),
    gcp("gcp.iam.workload_identity_pool_provider", "Workload Identity Federation pool "
        "provider (`google_iam_workload_identity_pool_provider`): an external identity "
        "provider whose tokens can be exchanged for Google Cloud credentials",
        string("name", "The provider's id (`workload_identity_pool_provider_id`)."),
        string("pool", "The pool it belongs to (`workload_identity_pool_id`)."),
        string("issuer_type", "The kind of identity provider: the block written, `oidc`, "
               "`aws`, `saml` or `x509`.", values=("oidc", "aws", "saml", "x509")),
        string("issuer_uri", "The OIDC issuer (`oidc.issuer_uri`, e.g. "
               "`https://token.actions.githubusercontent.com`); absent for other kinds."),
        string("attribute_condition", "The CEL expression an external credential must "
               "satisfy to be accepted (`attribute_condition`); absent (or empty) when "
               "not written: every credential the issuer signs is accepted."),
        taggable=False),
    gcp("gcp.iam.audit_config", "Cloud Audit Logs configuration of a service on a "
        "project, folder or organization (`google_project_iam_audit_config`, "
        "`google_folder_iam_audit_config`, `google_organization_iam_audit_config`)",
        string("scope_level", "What it configures: `project`, `folder` or "
               "`organization`.", values=("project", "folder", "organization")),
        string("scope", "The project, folder or organization, as written (`project`, "
               "`folder` or `org_id`); absent when the provider's project is used."),
        string("service", "The service whose Data Access and Admin Read audit logs it "
               "turns on (`service`, e.g. `storage.googleapis.com`), or `allServices`."),
        objects("log_configs", "One entry per `audit_log_config` block, with the keys "
                "that are written; absent when none is.",
                string("log_type", "The log type turned on: `ADMIN_READ`, `DATA_READ` "
                       "or `DATA_WRITE`."),
                strings("exempted_members", "The principals whose operations of this "
                        "type are not logged (`user:...`, `serviceAccount:...`); absent "
                        "when none is written.")),
        taggable=False),
    gcp("gcp.iam.service_account_key", "User-managed key of a service account "
        "(`google_service_account_key`): a key pair Google generates, whose private key "
        "is returned to the caller (and kept in the Terraform state), or a public key "
        "uploaded for a private key the user holds. Google-managed keys, which Google "
        "rotates and never hands out, have no resource",
        string("service_account", "The service account the key belongs to "
               "(`service_account_id`: its email, unique id or "
               "`projects/{project}/serviceAccounts/{email}`), as written."),
        string("origin", "Who made the key pair: `uploaded` when `public_key_data` is "
               "written (the user holds the private key), `google` otherwise (Google "
               "generated it and returned the private key in `private_key`).",
               values=("google", "uploaded")),
        boolean("user_managed", "Whether the key is user-managed: true for every key of "
                "this kind, since a Terraform resource can only create or upload one."),
        taggable=False),
)
