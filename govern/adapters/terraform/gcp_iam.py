"""Resource-manager IAM: `google_{project,folder,organization}_iam_{binding,member}`, each
one `gcp.iam.grant`: `scope_level` (`project`, `folder`, `organization`), `scope` (the
`project`, `folder` or `org_id` as written; absent for a project grant that uses the
provider's project), `role`, `members` (a `_member` resource's `member` as a one-element
list) and `condition` (its title, when conditional).

Authoritative `google_*_iam_policy` resources (a whole policy as JSON) are not read yet.
"""

from __future__ import annotations

from govern.adapters.building import field
from govern.adapters.terraform.mapping import Finish, KindMapping
from govern.model.resource import Resource
from govern.parsers.native import NativeResource

_SCOPES = {"project": "project", "folder": "folder", "organization": "org_id"}


def _finish(level: str) -> Finish:
    def finish(resource: Resource, native: NativeResource) -> None:
        resource.set(("scope_level",), level)
        members = resource.attributes.get("members")
        if members is not None and not isinstance(members, list):
            resource.attributes["members"] = [members]

    return finish


def _mapping(level: str, kind_of: str) -> KindMapping:
    members = ("members",) if kind_of == "binding" else ("member",)
    return KindMapping("gcp.iam.grant", (
        field("scope", _SCOPES[level]),
        field("role"),
        field("members", *members),
        field("condition", "condition.0.title"),
    ), _finish(level))


MAPPINGS = {
    f"google_{level}_iam_{kind_of}": _mapping(level, kind_of)
    for level in _SCOPES for kind_of in ("binding", "member")
}
