"""IAM: roles, users and groups with every policy that applies to them, and managed
policies.

An identity's `policies` list gathers, in this order: its inline `inline_policy` blocks
(roles), the policies of its `managed_policy_arns` (roles), then the separate
`aws_iam_{role,user,group}_policy` and `*_policy_attachment` / `aws_iam_policy_attachment`
resources in source order. A managed policy defined in the same configuration contributes a
copy of its document (and an `attached_policy` edge); an AWS-managed one its known document
(`AdministratorAccess` only) or Unknown; any other ARN an Unknown document.

A user's `console_password` is false unless an `aws_iam_user_login_profile` names it; its
`active_access_keys` counts the `aws_iam_access_key` resources naming it in `user`
(`govern.adapters.access_keys`).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.access_keys import add_access_key, add_to_candidates
from govern.adapters.aws_managed_policies import (
    aws_managed_policy_document,
    aws_managed_policy_name,
    policy_name_from_arn,
)
from govern.adapters.building import copy, new_resource, set_at, set_default, where
from govern.adapters.external import External, named
from govern.adapters.iam_document import normalize_policy_document
from govern.adapters.iam_policies import add_policy, clone, managed_unknown
from govern.adapters.reading import MISSING, blocks_in, value_at, value_in
from govern.adapters.terraform.context import Folder, RootContext
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

ROLE = "aws.iam.role"
USER = "aws.iam.user"
GROUP = "aws.iam.group"
POLICY = "aws.iam.policy"


def build_role(native: NativeResource) -> Resource:
    role = _identity(native, ROLE)
    copy(role, native, "assume_role_policy", "trust_policy", normalize_policy_document)
    blocks = blocks_in(native.attributes, "inline_policy")
    if isinstance(blocks, Unknown):
        add_policy(role, blocks, where(native, "inline_policy", False), None)
    else:
        for index, block in enumerate(blocks):
            path: Path = ("inline_policy", index)
            if isinstance(block, Unknown):
                add_policy(role, block, where(native, path, False), None)
                continue
            document = value_in(block, "policy")
            if document is MISSING:
                continue  # an empty block only says "no inline policies"
            entry = _entry("inline", value_in(block, "name"), normalize_policy_document(document))
            add_policy(role, entry, where(native, path, False),
                       where(native, (*path, "policy"), False))
    copy(role, native, "managed_policy_arns", "managed_policy_arns")
    return role


def build_user(native: NativeResource) -> Resource:
    user = _identity(native, USER)
    set_default(user, "console_password", False)  # unless a login profile is folded in
    set_default(user, "active_access_keys", 0)  # unless access keys are folded in
    return user


def build_group(native: NativeResource) -> Resource:
    return _identity(native, GROUP)


def build_policy(native: NativeResource) -> Resource:
    policy = new_resource(native, POLICY)
    copy(policy, native, "name", "name")
    copy(policy, native, "policy", "document", normalize_policy_document)
    return policy


def link_role(role: Resource, native: NativeResource, ctx: RootContext) -> None:
    """The policies named by the role's own `managed_policy_arns`."""
    arns = value_at(native, "managed_policy_arns")
    if isinstance(arns, Unknown):
        add_policy(role, managed_unknown(arns), role.location("managed_policy_arns"), None)
    elif isinstance(arns, list):
        for index, arn in enumerate(arns):
            entry = managed_entry(arn, native, ctx, role)
            add_policy(role, entry, role.location(("managed_policy_arns", index)), None)


# ----- folding the separate resources -------------------------------------------------

_IDENTITY_ATTRIBUTE = {ROLE: "role", USER: "user", GROUP: "group"}


def _external(kind: str) -> External:
    """How to make an identity declared outside the configuration: its `policies` start
    with an Unknown for the policies attached elsewhere; a literal name is its `name`."""
    return kind, f"aws_iam_{_IDENTITY_ATTRIBUTE[kind]}", named(("policies", "policies"))


def fold_inline_policy(kind: str) -> Folder:
    """`aws_iam_role_policy` and its user and group siblings."""

    def fold(native: NativeResource, ctx: RootContext) -> None:
        attribute = _IDENTITY_ATTRIBUTE[kind]
        holder = ctx.fold_target(native, attribute, [kind], attribute,
                                 external=_external(kind))
        if holder is None:
            return
        ctx.absorb(native, holder)
        entry = _entry("inline", value_at(native, "name"),
                       normalize_policy_document(value_at(native, "policy")))
        add_policy(holder, entry, native.range, where(native, "policy", True))

    return fold


def fold_policy_attachment(kind: str) -> Folder:
    """`aws_iam_role_policy_attachment` and its user and group siblings."""

    def fold(native: NativeResource, ctx: RootContext) -> None:
        attribute = _IDENTITY_ATTRIBUTE[kind]
        holder = ctx.fold_target(native, attribute, [kind], attribute,
                                 external=_external(kind))
        if holder is not None:
            _attach(holder, native, ctx)

    return fold


def fold_shared_attachment(native: NativeResource, ctx: RootContext) -> None:
    """`aws_iam_policy_attachment`: one policy attached to lists of roles, users, groups."""
    for kind, attribute in ((ROLE, "roles"), (USER, "users"), (GROUP, "groups")):
        names = value_at(native, attribute)
        if names is MISSING:
            continue
        if not isinstance(names, list):
            ctx.note(native, f"{attribute} not known statically", "fold-target-unknown")
            continue
        for index, name in enumerate(names):
            holder = ctx.single(native, name, [kind], _IDENTITY_ATTRIBUTE[kind],
                                external=_external(kind), attribute=f"{attribute}[{index}]")
            if holder is not None:
                _attach(holder, native, ctx)


def fold_login_profile(native: NativeResource, ctx: RootContext) -> None:
    """`aws_iam_user_login_profile`: the user it names has a console password."""
    holder = ctx.fold_target(native, "user", [USER], "user", external=_external(USER))
    if holder is None:
        return
    ctx.absorb(native, holder)
    set_at(holder, "console_password", True, native.range)


def fold_access_key(native: NativeResource, ctx: RootContext) -> None:
    """`aws_iam_access_key`: one more key (active unless its `status` is `Inactive`) of the
    user it names; a name that several users have may be any of them."""
    status = value_at(native, "status")
    candidates = ctx.designated(value_at(native, "user"), [USER], native)
    if add_to_candidates(native, ctx, candidates, status):
        return
    holder = ctx.fold_target(native, "user", [USER], "user", external=_external(USER))
    if holder is None:
        return
    ctx.absorb(native, holder)
    add_access_key(holder, status, native.range)


FOLDERS = {
    "aws_iam_user_login_profile": fold_login_profile,
    "aws_iam_access_key": fold_access_key,
    "aws_iam_role_policy": fold_inline_policy(ROLE),
    "aws_iam_user_policy": fold_inline_policy(USER),
    "aws_iam_group_policy": fold_inline_policy(GROUP),
    "aws_iam_role_policy_attachment": fold_policy_attachment(ROLE),
    "aws_iam_user_policy_attachment": fold_policy_attachment(USER),
    "aws_iam_group_policy_attachment": fold_policy_attachment(GROUP),
    "aws_iam_policy_attachment": fold_shared_attachment,
}


def managed_entry(arn: Any, native: NativeResource, ctx: RootContext,
                  holder: Resource) -> Any:
    """The `policies` entry of a managed policy attached by ARN (and the
    `attached_policy` edge when the policy is defined in this configuration: by reference,
    or by its known ARN in a plan)."""
    found = ctx.designated(arn, [POLICY], native, by_name=False)
    aws_name = aws_managed_policy_name(arn) if len(found) != 1 else None
    if aws_name is not None:  # the partition may be unknown: the name tells the policy
        return {"source": "managed", "name": aws_name, "arn": arn,
                "document": aws_managed_policy_document(aws_name)}
    if isinstance(arn, str) and len(found) != 1:
        return {"source": "managed", "name": policy_name_from_arn(arn), "arn": arn,
                "document": Unknown("the policy is not defined in this configuration")}
    if len(found) != 1:
        return managed_unknown(arn)
    policy = found[0]
    ctx.connect(holder, policy, "attached_policy")
    document = policy.attributes.get("document", Unknown("the policy has no document"))
    return _entry("managed", policy.attributes.get("name", MISSING), clone(document),
                  arn=arn)


# ----- helpers --------------------------------------------------------------------------


def _identity(native: NativeResource, kind: str) -> Resource:
    identity = new_resource(native, kind)
    copy(identity, native, "name", "name")
    identity.set(("policies",), [])
    return identity


def _attach(holder: Resource, native: NativeResource, ctx: RootContext) -> None:
    ctx.absorb(native, holder)
    arn = value_at(native, "policy_arn")
    entry = (managed_entry(arn, native, ctx, holder) if arn is not MISSING
             else managed_unknown(Unknown("no policy_arn")))
    add_policy(holder, entry, native.range, None)


def _entry(source: str, name: Any, document: Any, arn: Any = MISSING) -> dict[str, Any]:
    entry: dict[str, Any] = {"source": source}
    if name is not MISSING:
        entry["name"] = name
    if arn is not MISSING:
        entry["arn"] = arn
    entry["document"] = document
    return entry


