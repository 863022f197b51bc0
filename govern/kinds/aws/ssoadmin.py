"""AWS IAM Identity Center (SSO admin): permission sets."""

from __future__ import annotations

from govern.kinds.declare import aws, objects, policy, string

KINDS = (
    aws("aws.ssoadmin.permission_set", "IAM Identity Center permission set with its inline, "
        "AWS managed and customer managed policies (the role it becomes in each account it "
        "is assigned to)",
        string("name", "The permission set's name (CloudFormation `Name`)."),
        objects(
            "policies",
            "Every policy the permission set grants, normalized, in the shape of an IAM "
            "identity's `policies`, in this order: its inline policy (Terraform "
            "`aws_ssoadmin_permission_set_inline_policy`, CloudFormation `InlinePolicy`, "
            "live GetInlinePolicyForPermissionSet), then its AWS managed policies "
            "(Terraform `aws_ssoadmin_managed_policy_attachment`, CloudFormation "
            "`ManagedPolicies`, live ListManagedPoliciesInPermissionSet), then its "
            "customer managed policy references (Terraform "
            "`aws_ssoadmin_customer_managed_policy_attachment`, CloudFormation "
            "`CustomerManagedPolicyReferences`, live "
            "ListCustomerManagedPolicyReferencesInPermissionSet); Terraform's separate "
            "resources in source order. An AWS managed policy "
            "(`arn:<partition>:iam::aws:policy/...`) has its current document from the "
            "copy govern ships, as for IAM identities (Unknown for a policy newer than "
            "that copy). A customer managed policy reference names a policy (by name and "
            "path) that must exist in every account the permission set is assigned to, "
            "each account with its own document: its document is always Unknown, even when "
            "a policy of that name is defined in the same configuration (that is one "
            "account's at most). The permissions boundary is not a policy that grants: it "
            "is left out. Always present, empty when none; on a permission set declared "
            "outside the scanned code it starts with one Unknown element for the "
            "policies attached elsewhere.",
            string("source", "`inline` for the inline policy, `managed` for an AWS managed "
                   "policy or a customer managed policy reference.",
                   values=("inline", "managed")),
            string("name", "The policy's name: the last part of an AWS managed policy's "
                   "ARN, the name of a customer managed policy reference (its path, "
                   "`/` unless written, is not kept); absent for the inline policy."),
            string("arn", "The ARN an AWS managed policy is attached by, as written "
                   "(Unknown when it is not known statically); absent for the inline "
                   "policy and customer managed policy references."),
            policy("document", "The policy document, normalized; Unknown when it cannot be "
                   "known (see above).")),
        tags_doc="Terraform `tags`, CloudFormation `Tags`, live ListTagsForResource."),
)
