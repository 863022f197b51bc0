"""Google Cloud IAM: role grants on projects, folders and organizations."""

from __future__ import annotations

from govern.kinds.declare import gcp, string, strings

KINDS = (
    gcp("gcp.iam.grant", "IAM role grant (binding or member) on a project, folder or "
        "organization",
        string("scope_level", "What the role is granted on: `project` "
               "(`google_project_iam_binding`, `_member`), `folder` (`google_folder_iam_*`) "
               "or `organization` (`google_organization_iam_*`).",
               values=("project", "folder", "organization")),
        string("scope", "The project, folder or organization, as written (`project`, "
               "`folder` or `org_id`); absent when the provider's project is used."),
        string("role", "The role granted (`role`), e.g. `roles/owner` or a custom role."),
        strings("members", "The members granted (`user:a@example.com`, "
                "`serviceAccount:...`, `allUsers`, ...): a binding's `members`, a `_member` "
                "resource's `member` as a one-element list."),
        string("condition", "The title of the grant's IAM condition (`condition.title`); "
               "absent for an unconditional grant."),
        taggable=False),
)
