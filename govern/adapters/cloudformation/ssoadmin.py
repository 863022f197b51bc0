"""IAM Identity Center permission sets: `AWS::SSO::PermissionSet` as
`aws.ssoadmin.permission_set`. Its `policies` (the shape of an IAM identity's): the
`InlinePolicy` (a JSON object or text), then each of `ManagedPolicies` (AWS managed policy
ARNs: their documents from the copy govern ships), then each of
`CustomerManagedPolicyReferences` (by name and path, defined in each account the permission
set is assigned to: its document is Unknown)."""

from __future__ import annotations

from govern.adapters.building import field, where
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.iam_document import normalize_policy_document
from govern.adapters.iam_policies import add_policy, managed_unknown
from govern.adapters.permission_sets import KIND, aws_managed_entry, customer_managed_entry
from govern.adapters.reading import MISSING, value_at, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def _finish(resource: Resource, native: NativeResource) -> None:
    resource.set(("policies",), [])
    if value_at(native, "InlinePolicy") is not MISSING:
        add_policy(resource, {"source": "inline", "document": normalize_policy_document(
            value_at(native, "InlinePolicy"))}, where(native, "InlinePolicy", False),
            where(native, "InlinePolicy", False))
    arns = value_at(native, "ManagedPolicies")
    if isinstance(arns, Unknown):
        add_policy(resource, managed_unknown(arns), where(native, "ManagedPolicies", False),
                   None)
    elif isinstance(arns, list):
        for index, arn in enumerate(arns):
            add_policy(resource, aws_managed_entry(arn),
                       where(native, ("ManagedPolicies", index), False), None)
    references = value_at(native, "CustomerManagedPolicyReferences")
    if isinstance(references, Unknown):
        add_policy(resource, customer_managed_entry(MISSING),
                   where(native, "CustomerManagedPolicyReferences", False), None)
    elif isinstance(references, list):
        for index, reference in enumerate(references):
            add_policy(resource, customer_managed_entry(value_in(reference, "Name")),
                       where(native, ("CustomerManagedPolicyReferences", index), False),
                       None)


MAPPINGS = {
    "AWS::SSO::PermissionSet": KindMapping(KIND, (field("name", "Name"),), _finish),
}
