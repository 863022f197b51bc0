"""IAM Identity Center permission sets as `aws.ssoadmin.permission_set`: ListInstances,
then per instance ListPermissionSets, and per permission set DescribePermissionSet,
GetInlinePolicyForPermissionSet, ListManagedPoliciesInPermissionSet,
ListCustomerManagedPolicyReferencesInPermissionSet and ListTagsForResource. `policies`
has the shape of an IAM identity's: the inline policy, the AWS managed policies (their
documents from the copy govern ships, as for roles), then the customer managed policy
references, whose documents are Unknown (each account the permission set is assigned to
has its own policy of that name)."""

from __future__ import annotations

from typing import Any

from govern.adapters.iam_document import normalize_policy_document
from govern.adapters.permission_sets import KIND, aws_managed_entry, customer_managed_entry
from govern.collect.aws.paging import listed
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_optional, tag_map
from govern.model.resource import Resource

NATIVE_TYPE = "AWS::SSO::PermissionSet"


def collect_region(clients: Any, reader: Reader, account: str,
                   region: str) -> list[Resource]:
    """The permission sets of the Identity Center instances of this region (an
    organization has one instance, in one region)."""
    sso = clients("sso-admin")
    found = []
    for instance in listed(reader.pages(sso, "ListInstances", region, "Instances")):
        instance_arn = str(instance["InstanceArn"])
        for arn in listed(reader.pages(sso, "ListPermissionSets", instance_arn,
                                       "PermissionSets", InstanceArn=instance_arn)):
            found.append(permission_set(sso, reader, account, region, instance_arn,
                                        str(arn)))
    return found


def permission_set(sso: Any, reader: Reader, account: str, region: str, instance_arn: str,
                   arn: str) -> Resource:
    found = live_resource(arn, KIND, NATIVE_TYPE, account, region)
    ids: dict[str, Any] = {"InstanceArn": instance_arn, "PermissionSetArn": arn}
    described = reader.call(sso, "DescribePermissionSet", arn, **ids)
    if isinstance(described, Failed):
        found.set("name", described.unknown)
    else:
        set_optional(found, "name", ((described or {}).get("PermissionSet") or {}).get("Name"))
    policies: list[Any] = []
    inline = reader.call(sso, "GetInlinePolicyForPermissionSet", arn, **ids)
    if isinstance(inline, Failed):
        policies.append({"source": "inline", "document": inline.unknown})
    elif (text := (inline or {}).get("InlinePolicy")):
        policies.append({"source": "inline", "document": normalize_policy_document(text)})
    managed = reader.pages(sso, "ListManagedPoliciesInPermissionSet", arn,
                           "AttachedManagedPolicies", **ids)
    if isinstance(managed, Failed):
        policies.append({"source": "managed", "document": managed.unknown})
    else:
        policies.extend(aws_managed_entry(str(item["Arn"])) for item in managed)
    customer = reader.pages(sso, "ListCustomerManagedPolicyReferencesInPermissionSet", arn,
                            "CustomerManagedPolicyReferences", **ids)
    if isinstance(customer, Failed):
        policies.append({"source": "managed", "document": customer.unknown})
    else:
        policies.extend(customer_managed_entry(str(item["Name"])) for item in customer)
    found.set("policies", policies)
    tags = reader.pages(sso, "ListTagsForResource", arn, "Tags", InstanceArn=instance_arn,
                        ResourceArn=arn)
    found.set("tags", tags.unknown if isinstance(tags, Failed) else tag_map(list(tags)))
    return found

