"""IAM: roles, users and groups with every policy that applies to them, and managed
policies.

An identity's `policies` gathers, in this order: its own `Policies` (inline), the
policies of its own `ManagedPolicyArns`, then the `AWS::IAM::Policy` (inline) and
`AWS::IAM::ManagedPolicy` resources that attach themselves to it through `Roles`/`Users`/
`Groups`, and the `AWS::IAM::RolePolicy`/`UserPolicy`/`GroupPolicy` (inline) resources
that name it in `RoleName`/`UserName`/`GroupName`, in source order. Entries are the
Terraform adapter's: a managed policy defined in the template contributes a copy of its
document and an `attached_policy` edge; an AWS-managed ARN its known document
(`AdministratorAccess` only) or Unknown; any other ARN an Unknown document. Identities
are designated by `!Ref` (a role's `Ref` is its name) or by their literal name; one not
in the template (a parameter, a literal name of an identity created elsewhere) is an
external parent (`govern.adapters.external`). A user's `console_password` says whether it
has a `LoginProfile` (false when none is written); its `active_access_keys` counts the
`AWS::IAM::AccessKey` resources naming it in `UserName` (`govern.adapters.access_keys`).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.access_keys import add_access_key, add_to_candidates
from govern.adapters.aws_managed_policies import (
    aws_managed_policy_document,
    aws_managed_policy_name,
    policy_name_from_arn,
)
from govern.adapters.building import convert, copy, set_default, where
from govern.adapters.cloudformation.building import new_resource
from govern.adapters.cloudformation.context import TemplateContext
from govern.adapters.external import named
from govern.adapters.iam_document import normalize_policy_document
from govern.adapters.iam_policies import add_policy, clone, managed_unknown
from govern.adapters.reading import MISSING, value_at, value_in
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

ROLE = "aws.iam.role"
USER = "aws.iam.user"
GROUP = "aws.iam.group"
POLICY = "aws.iam.policy"
_NAMES = {ROLE: "RoleName", USER: "UserName", GROUP: "GroupName"}
_NATIVE_TYPES = {ROLE: "AWS::IAM::Role", USER: "AWS::IAM::User", GROUP: "AWS::IAM::Group"}
_ATTACHED_BY = ((ROLE, "Roles", "role"), (USER, "Users", "user"), (GROUP, "Groups", "group"))


def build_identity(kind: str) -> Any:
    def build(native: NativeResource) -> Resource:
        identity = new_resource(native, kind)
        copy(identity, native, _NAMES[kind], "name")
        if kind == ROLE:
            copy(identity, native, "AssumeRolePolicyDocument", "trust_policy",
                 normalize_policy_document)
        identity.set(("policies",), [])
        _inline_policies(identity, native)
        if kind == ROLE:
            copy(identity, native, "ManagedPolicyArns", "managed_policy_arns")
        if kind == USER and not copy(identity, native, "LoginProfile", "console_password",
                                     _has_profile):
            set_default(identity, "console_password", False)
        if kind == USER:
            set_default(identity, "active_access_keys", 0)  # unless keys are folded in
        return identity

    return build


def _has_profile(profile: Any) -> bool:
    """A `LoginProfile` written (with its `Password`) gives the user a console password."""
    return profile is not None


def build_policy(native: NativeResource) -> Resource:
    policy = new_resource(native, POLICY)
    copy(policy, native, "ManagedPolicyName", "name")
    copy(policy, native, "PolicyDocument", "document", normalize_policy_document)
    return policy


def link_own_managed(identity: Resource, native: NativeResource,
                     ctx: TemplateContext) -> None:
    """The policies named by the identity's own `ManagedPolicyArns`."""
    arns = value_at(native, "ManagedPolicyArns")
    if isinstance(arns, Unknown):
        add_policy(identity, managed_unknown(arns), where(native, "ManagedPolicyArns", False),
             None)
    elif isinstance(arns, list):
        for index, arn in enumerate(arns):
            add_policy(identity, managed_entry(arn, ctx, identity),
                 where(native, ("ManagedPolicyArns", index), False), None)


# ----- separate resources that attach themselves --------------------------------------


def fold_inline_policy(native: NativeResource, ctx: TemplateContext) -> None:
    """`AWS::IAM::Policy`: an inline policy of each role, user and group it lists."""
    entry = _entry("inline", value_at(native, "PolicyName"),
                   convert(value_at(native, "PolicyDocument"), normalize_policy_document))
    for holder in _holders(native, ctx):
        ctx.absorb(native, holder)
        add_policy(holder, clone(entry), native.range, where(native, "PolicyDocument", True))


def fold_managed_policy(native: NativeResource, ctx: TemplateContext) -> None:
    """`AWS::IAM::ManagedPolicy` with `Roles`/`Users`/`Groups`: attached to each."""
    policy = ctx.owner(native.address)
    if policy is None:
        return
    for holder in _holders(native, ctx):
        ctx.connect(holder, policy, "attached_policy")
        add_policy(holder, _policy_entry(policy, Unknown("known after apply", ref=native.address)),
             native.range, None)


def fold_own_inline_policy(kind: str) -> Any:
    """`AWS::IAM::RolePolicy`/`UserPolicy`/`GroupPolicy`: an inline policy of the one
    role, user or group its `RoleName`/`UserName`/`GroupName` names."""
    prop = _NAMES[kind]
    what = {ROLE: "role", USER: "user", GROUP: "group"}[kind]

    def fold(native: NativeResource, ctx: TemplateContext) -> None:
        holder = ctx.single(native, value_at(native, prop), [kind], what, external=(
            kind, _NATIVE_TYPES[kind], named(("policies", "policies"))), prop=prop)
        if holder is None:
            return
        entry = _entry("inline", value_at(native, "PolicyName"),
                       convert(value_at(native, "PolicyDocument"), normalize_policy_document))
        ctx.absorb(native, holder)
        add_policy(holder, entry, native.range, where(native, "PolicyDocument", True))

    return fold


def fold_access_key(native: NativeResource, ctx: TemplateContext) -> None:
    """`AWS::IAM::AccessKey`: one more key (active unless its `Status` is `Inactive`) of
    the user its `UserName` names; a name that several users have may be any of them."""
    status = value_at(native, "Status")
    candidates = ctx.designated(value_at(native, "UserName"), [USER])
    if add_to_candidates(native, ctx, candidates, status):
        return
    holder = ctx.fold_target(native, "UserName", [USER], "user", external=(
        USER, _NATIVE_TYPES[USER], named(("policies", "policies"))))
    if holder is None:
        return
    ctx.absorb(native, holder)
    add_access_key(holder, status, native.range)


FOLDERS = {
    "AWS::IAM::AccessKey": fold_access_key,
    "AWS::IAM::Policy": fold_inline_policy,
    "AWS::IAM::RolePolicy": fold_own_inline_policy(ROLE),
    "AWS::IAM::UserPolicy": fold_own_inline_policy(USER),
    "AWS::IAM::GroupPolicy": fold_own_inline_policy(GROUP),
    "AWS::IAM::ManagedPolicy": fold_managed_policy,
}


def managed_entry(arn: Any, ctx: TemplateContext, holder: Resource) -> Any:
    """The `policies` entry of a managed policy attached by ARN (and the
    `attached_policy` edge when the policy is defined in this template)."""
    if isinstance(arn, str):
        aws_name = aws_managed_policy_name(arn)
        if aws_name is not None:
            return {"source": "managed", "name": aws_name, "arn": arn,
                    "document": aws_managed_policy_document(aws_name)}
        return {"source": "managed", "name": policy_name_from_arn(arn), "arn": arn,
                "document": Unknown("the policy is not defined in this template")}
    found = ctx.designated(arn, [POLICY], by_name=False)
    if len(found) != 1:
        return managed_unknown(arn)
    ctx.connect(holder, found[0], "attached_policy")
    return _policy_entry(found[0], arn)


# ----- helpers --------------------------------------------------------------------------


def _inline_policies(identity: Resource, native: NativeResource) -> None:
    policies = value_at(native, "Policies")
    if policies is MISSING:
        return
    if isinstance(policies, Unknown) or not isinstance(policies, list):
        reason = policies if isinstance(policies, Unknown) else Unknown(
            "Policies is not a list")
        add_policy(identity, {"source": "inline", "document": reason.derived()},
             where(native, "Policies", False), None)
        return
    for index, policy in enumerate(policies):
        path: Path = ("Policies", index)
        if isinstance(policy, Unknown) or not isinstance(policy, dict):
            reason = policy if isinstance(policy, Unknown) else Unknown(
                "the policy is not a mapping")
            add_policy(identity, {"source": "inline", "document": reason},
                 where(native, path, False), None)
            continue
        entry = _entry("inline", value_in(policy, "PolicyName"), convert(
            value_in(policy, "PolicyDocument"), normalize_policy_document))
        add_policy(identity, entry, where(native, path, False),
             where(native, (*path, "PolicyDocument"), False))


def _holders(native: NativeResource, ctx: TemplateContext) -> list[Resource]:
    holders: list[Resource] = []
    for kind, prop, what in _ATTACHED_BY:
        names = value_at(native, prop)
        if names is MISSING:
            continue
        if not isinstance(names, list):
            ctx.note(native, f"{prop} not known statically", "fold-target-unknown")
            continue
        for index, name in enumerate(names):
            holder = ctx.single(native, name, [kind], what, external=(
                kind, _NATIVE_TYPES[kind], named(("policies", "policies"))),
                prop=f"{prop}[{index}]")
            if holder is not None and holder not in holders:
                holders.append(holder)
    return holders


def _policy_entry(policy: Resource, arn: Any) -> dict[str, Any]:
    document = policy.attributes.get("document", Unknown("the policy has no document"))
    return _entry("managed", policy.attributes.get("name", MISSING), clone(document),
                  arn=arn)


def _entry(source: str, name: Any, document: Any, arn: Any = MISSING) -> dict[str, Any]:
    entry: dict[str, Any] = {"source": source}
    if name is not MISSING:
        entry["name"] = name
    if arn is not MISSING:
        entry["arn"] = arn
    entry["document"] = (Unknown("the policy has no PolicyDocument") if document is MISSING
                         else document)
    return entry


