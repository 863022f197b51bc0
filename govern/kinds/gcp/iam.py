"""Google Cloud IAM: role grants on projects, folders and organizations."""

from __future__ import annotations

from govern.kinds.declare import gcp, string, strings

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
        taggable=False),
)
