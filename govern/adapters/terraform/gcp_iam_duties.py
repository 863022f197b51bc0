"""The roles each member of a resource-manager IAM grant (`gcp.iam.grant`) holds through
the other grants of the scanned code on the same project, folder or organization:
`member_roles`, read by the separation-of-duties rules.

Two grants are on the same scope when they have the same `scope_level` and the same
`scope`: two literals equal once a `projects/`, `folders/` or `organizations/` prefix is
dropped, two references to the same attribute, or both absent (the provider's project).
Any other pair (a literal and an absent scope, a variable) may or may not be: a grant of
such a pair that holds the member, or whose members or role are not known statically,
adds an Unknown role. So does a scope whose whole IAM policy is not in the scanned code (no
`google_<level>_iam_policy` known statically on it): roles may be granted elsewhere.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.terraform.context import RootContext
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "gcp.iam.grant"
_PREFIXES = ("projects/", "folders/", "organizations/")
_ELSEWHERE = "roles may be granted on the scope outside the scanned code"


def _scope_key(grant: Resource) -> Any:
    """A comparable scope: `("literal", id)`, `("ref", ref)`, `("absent",)`, or None when
    it cannot be compared (an Unknown without a reference)."""
    scope = grant.attributes.get("scope")
    if scope is None:
        return ("absent",)
    if isinstance(scope, str):
        for prefix in _PREFIXES:
            if scope.startswith(prefix):
                scope = scope[len(prefix):]
        return ("literal", scope)
    if isinstance(scope, Unknown) and scope.ref is not None:
        return ("ref", scope.ref)
    return None


def same_scope(one: Resource, other: Resource) -> bool | None:
    """True, False, or None when it cannot be told."""
    if one.attributes.get("scope_level") != other.attributes.get("scope_level"):
        return False
    mine, theirs = _scope_key(one), _scope_key(other)
    if mine is None or theirs is None:
        return None
    if mine == theirs:
        return True
    if mine[0] == theirs[0] == "literal":
        return False
    return None


def _holds(members: Any, member: str) -> bool | None:
    """Whether `members` holds `member`: True, False, or None when not known."""
    if not isinstance(members, list):
        return None
    if member in members:
        return True
    return None if any(isinstance(m, Unknown) for m in members) else False


def _whole_policy(grant: Resource, natives: dict[str, NativeResource],
                  grants: list[Resource]) -> bool:
    """Whether an authoritative policy known statically covers the grant's scope."""
    for other in grants:
        native = natives.get(other.id)
        if (native is not None and native.native_type.endswith("_iam_policy")
                and not isinstance(other.attributes.get("role"), Unknown)
                and same_scope(grant, other) is True):
            return True
    return False


def _roles_of(member: str, grant: Resource, grants: list[Resource],
              complete: bool) -> list[Any]:
    roles: list[Any] = []
    uncertain = not complete
    for other in grants:
        if other is grant:
            continue
        scope = same_scope(grant, other)
        if scope is False:
            continue
        holds = _holds(other.attributes.get("members"), member)
        if holds is False:
            continue
        role = other.attributes.get("role")
        if scope is True and holds is True and isinstance(role, str):
            if role not in roles:
                roles.append(role)
        else:
            uncertain = True
    if uncertain:
        roles.append(Unknown(_ELSEWHERE))
    return roles


def link_grant(resource: Resource, native: NativeResource, ctx: RootContext) -> None:
    """`member_roles` of a grant (Unknown when its members are)."""
    members = resource.attributes.get("members")
    if isinstance(members, Unknown):
        resource.set(("member_roles",), Unknown("the members are not known statically"))
        return
    if not isinstance(members, list):
        return
    grants = [r for r in ctx.resources if r.kind == KIND]
    natives = {r.id: n for r, n in ctx.primary if r.kind == KIND}
    complete = _whole_policy(resource, natives, grants)
    entries: list[Any] = []
    for member in members:
        if not isinstance(member, str):
            entries.append(Unknown("the member is not known statically"))
            continue
        entries.append({"member": member,
                        "roles": _roles_of(member, resource, grants, complete)})
    at = resource.locations.get(("members",))
    resource.set(("member_roles",), entries)
    if at is not None:
        resource.locations[("member_roles",)] = at


LINKERS = {f"google_{level}_iam_{kind_of}": link_grant
           for level in ("project", "folder", "organization")
           for kind_of in ("binding", "member", "policy")}
