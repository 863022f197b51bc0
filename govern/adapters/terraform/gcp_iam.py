"""Resource-manager IAM: `google_{project,folder,organization}_iam_{binding,member,policy}`,
as `gcp.iam.grant`: `scope_level` (`project`, `folder`, `organization`), `scope` (the
`project`, `folder` or `org_id` as written; absent for a project grant that uses the
provider's project), `role`, `members` (a `_member` resource's `member` as a one-element
list) and `condition` (its title, when conditional); `member_types`,
`default_service_account` and `consumer_account` are read from the members
(`gcp_iam_members.py`).

A `_binding` or `_member` resource is one grant. An authoritative `_policy` resource (the
whole policy of the scope, in `policy_data`: the JSON of a `data.google_iam_policy`, text
written with `jsonencode`, or a plan's string) is one grant per binding, each a part of
the resource (`govern/adapters/pipeline.py`) whose address is the policy's followed by
`#` and the role: `google_project_iam_policy.main#roles/owner`. Two bindings of the same
role (IAM merges them; with different conditions they are distinct grants) are both kept,
the second as `...#roles/owner#2`; a binding that cannot be read (or has no role) is
`#<its index>`, with an Unknown role and members. A `policy_data` not known statically is
one grant at the policy's own address whose role and members are Unknown, so the rules
report unknown. A policy without bindings grants nothing. Each grant of a policy is
located at `policy_data` (or the resource).

`google_iam_workload_identity_pool_provider` is `gcp.iam.workload_identity_pool_provider`:
its ids, `attribute_condition`, `issuer_type` (the `oidc`, `aws`, `saml` or `x509` block
written) and the OIDC `issuer_uri`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from govern.adapters.building import field, resource_id
from govern.adapters.reading import MISSING, located, located_or_resource, value_at
from govern.adapters.terraform.gcp_iam_members import (
    consumer_account,
    default_service_account,
    member_types,
)
from govern.adapters.terraform.gcp_iam_policy import policy_bindings
from govern.adapters.terraform.mapping import Finish, KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "gcp.iam.grant"
_SCOPES = {"project": "project", "folder": "folder", "organization": "org_id"}


def _finish(level: str) -> Finish:
    def finish(resource: Resource, native: NativeResource) -> None:
        resource.set(("scope_level",), level)
        members = resource.attributes.get("members")
        if members is not None and not isinstance(members, list):
            resource.attributes["members"] = [members]
        classify_members(resource)

    return finish


def classify_members(grant: Resource) -> None:
    """`member_types`, `default_service_account` and `consumer_account` of a grant, from
    its `members` (none without members), located where they are."""
    if "members" not in grant.attributes:
        return
    members = grant.attributes["members"]
    at = grant.locations.get(("members",))
    grant.set(("member_types",), member_types(members), at)
    grant.set(("default_service_account",), default_service_account(members), at)
    grant.set(("consumer_account",), consumer_account(members), at)


def _mapping(level: str, kind_of: str) -> KindMapping:
    members = ("members",) if kind_of == "binding" else ("member",)
    return KindMapping(KIND, (
        field("scope", _SCOPES[level]),
        field("role"),
        field("members", *members),
        field("condition", "condition.0.title"),
    ), _finish(level))


class _PolicyGrants:
    """The grants of a `google_<level>_iam_policy`: one per binding of its policy."""

    def __init__(self, level: str) -> None:
        self.scope = KindMapping(KIND, (field("scope", _SCOPES[level]),), _finish(level))

    def __call__(self, native: NativeResource) -> list[Resource]:
        policy = value_at(native, "policy_data")
        if policy is MISSING:
            policy = Unknown("policy_data is not written", ref=native.address)
        if isinstance(policy, Unknown):  # the whole policy: one grant, at the resource
            return [self._grant(native, None, policy, policy, MISSING)]
        grants = []
        seen: Counter[str] = Counter()
        for index, binding in enumerate(policy_bindings(policy)):
            role = binding.get("role") if isinstance(binding, dict) else None
            if not isinstance(role, str):
                reason = binding.reason if isinstance(binding, Unknown) else (
                    "a policy_data binding has no role")
                unknown = Unknown(reason, ref=native.address)
                grants.append(self._grant(native, str(index), unknown, unknown, MISSING))
                continue
            seen[role] += 1
            part = role if seen[role] == 1 else f"{role}#{seen[role]}"
            grants.append(self._grant(native, part, role, binding["members"],
                                      binding.get("condition", MISSING)))
        return grants

    def _grant(self, native: NativeResource, part: str | None, role: Any, members: Any,
               condition: Any) -> Resource:
        grant = self.scope.build(native)
        if part is not None:
            grant.address = f"{native.address}#{part}"
            grant.id = f"{resource_id(native)}#{part}"
        where = located_or_resource(native, "policy_data")
        grant.set(("role",), role, where)
        grant.set(("members",), members, where)
        if condition is not MISSING:
            grant.set(("condition",), condition, where)
        classify_members(grant)
        return grant


_ISSUERS = ("oidc", "aws", "saml", "x509")


def _finish_provider(resource: Resource, native: NativeResource) -> None:
    """`issuer_type`: the identity provider block that is written."""
    for issuer in _ISSUERS:
        if value_at(native, issuer) not in (MISSING, []):
            resource.set(("issuer_type",), issuer, located(native, issuer))
            return


MAPPINGS = {
    **{f"google_{level}_iam_{kind_of}": _mapping(level, kind_of)
       for level in _SCOPES for kind_of in ("binding", "member")},
    "google_iam_workload_identity_pool_provider": KindMapping(
        "gcp.iam.workload_identity_pool_provider", (
            field("name", "workload_identity_pool_provider_id"),
            field("pool", "workload_identity_pool_id"),
            field("issuer_uri", "oidc.0.issuer_uri"),
            field("attribute_condition"),
        ), _finish_provider),
}

BUILDERS = {f"google_{level}_iam_policy": _PolicyGrants(level) for level in _SCOPES}
