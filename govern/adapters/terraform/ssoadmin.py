"""IAM Identity Center permission sets: `aws_ssoadmin_permission_set` as
`aws.ssoadmin.permission_set`, with the separate resources that give it policies folded
into its `policies` (the shape of an IAM identity's), in source order:
`aws_ssoadmin_permission_set_inline_policy` (an `inline` entry),
`aws_ssoadmin_managed_policy_attachment` (an AWS managed policy: its document from the copy
govern ships) and `aws_ssoadmin_customer_managed_policy_attachment` (a policy each assigned
account defines by name and path: its document is Unknown, even when a policy of that name
is defined here, which is one account's at most). A permission set declared elsewhere (a
literal ARN, a data source) gets an external stand-in whose `policies` start with an
Unknown element.
"""

from __future__ import annotations

from govern.adapters.building import copy, new_resource, where
from govern.adapters.external import External, opened
from govern.adapters.iam_document import normalize_policy_document
from govern.adapters.iam_policies import add_policy
from govern.adapters.permission_sets import KIND, aws_managed_entry, customer_managed_entry
from govern.adapters.reading import value_at
from govern.adapters.terraform.context import RootContext
from govern.model.resource import Resource
from govern.parsers.native import NativeResource

_EXTERNAL: External = (KIND, "aws_ssoadmin_permission_set",
                       opened(("policies", "policies")))


def build_permission_set(native: NativeResource) -> Resource:
    permission_set = new_resource(native, KIND)
    copy(permission_set, native, "name", "name")
    permission_set.set(("policies",), [])
    return permission_set


def _holder(native: NativeResource, ctx: RootContext) -> Resource | None:
    holder = ctx.fold_target(native, "permission_set_arn", [KIND], "permission set",
                             by_name=False, external=_EXTERNAL)
    if holder is not None:
        ctx.absorb(native, holder)
    return holder


def fold_inline_policy(native: NativeResource, ctx: RootContext) -> None:
    holder = _holder(native, ctx)
    if holder is not None:
        document = normalize_policy_document(value_at(native, "inline_policy"))
        add_policy(holder, {"source": "inline", "document": document}, native.range,
                   where(native, "inline_policy", True))


def fold_managed_policy(native: NativeResource, ctx: RootContext) -> None:
    holder = _holder(native, ctx)
    if holder is not None:
        add_policy(holder, aws_managed_entry(value_at(native, "managed_policy_arn")),
                   native.range, None)


def fold_customer_managed_policy(native: NativeResource, ctx: RootContext) -> None:
    holder = _holder(native, ctx)
    if holder is not None:
        name = value_at(native, ("customer_managed_policy_reference", 0, "name"))
        add_policy(holder, customer_managed_entry(name), native.range, None)


FOLDERS = {
    "aws_ssoadmin_permission_set_inline_policy": fold_inline_policy,
    "aws_ssoadmin_managed_policy_attachment": fold_managed_policy,
    "aws_ssoadmin_customer_managed_policy_attachment": fold_customer_managed_policy,
}
