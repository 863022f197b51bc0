"""AWS IAM: managed policies, roles, users, groups and the account password policy."""

from __future__ import annotations

from govern.kinds.declare import Attribute, aws, boolean, integer, objects, policy, string, strings


def _policies(order: str) -> Attribute:
    """The `policies` of a role, user or group; `order` says where its entries come from,
    in order."""
    return objects(
        "policies",
        "Every policy that applies to the identity, normalized, in this order: " + order
        + ". A managed policy defined in the same configuration contributes a copy of its "
        "document and an `attached_policy` edge; an AWS managed policy "
        "(`arn:<partition>:iam::aws:policy/...`) its current document from the copy govern "
        "ships (`govern/adapters/data/aws_managed_policies.pack`, 1,594 policies; "
        "decision 0005), Unknown for a policy newer than that copy; any other ARN (a "
        "policy defined elsewhere, or an ARN not known statically) an Unknown document. "
        "Always present, empty when none; on an identity declared outside the scanned code "
        "it starts with one Unknown element for the policies attached elsewhere.",
        string("source", "`inline` for a policy embedded in the identity, `managed` for an "
               "attached managed policy.", values=("inline", "managed")),
        string("name", "The policy's name (`name`, CloudFormation `PolicyName` or "
               "`ManagedPolicyName`, the last part of a managed policy's ARN), when known."),
        string("arn", "The ARN a managed policy is attached by, as written (Unknown when "
               "it is not known statically); managed policies only."),
        policy("document", "The policy document, normalized; Unknown when it cannot be "
               "known (see above)."),
    )


_SEPARATE = ("then the policies and attachments defined as separate resources, in source "
             "order (Terraform `aws_iam_{0}_policy`, `aws_iam_{0}_policy_attachment`, "
             "`aws_iam_policy_attachment` by `{0}s`; CloudFormation `AWS::IAM::Policy` and "
             "`AWS::IAM::ManagedPolicy` naming it in `{1}s`, `AWS::IAM::{1}Policy` naming it in "
             "`{1}Name`)")

KINDS = (
    aws("aws.iam.policy", "IAM managed policy",
        string("name", "The policy's name (CloudFormation `ManagedPolicyName`); absent when "
               "AWS generates it."),
        policy("document", "The policy document, normalized: Terraform `policy`, "
               "CloudFormation `PolicyDocument`, live the default version's document "
               "(Unknown when not returned). CloudFormation's `AWS::IAM::ManagedPolicy` "
               "cannot be tagged: `tags` is absent there.")),
    aws("aws.iam.role", "IAM role with trust policy and inline/attached policies",
        string("name", "The role's name (CloudFormation `RoleName`); absent when AWS "
               "generates it."),
        policy("trust_policy", "Who may assume the role, normalized: Terraform "
               "`assume_role_policy`, CloudFormation and live `AssumeRolePolicyDocument`."),
        _policies("the role's own inline policies (Terraform `inline_policy` blocks, "
                  "CloudFormation `Policies`, live `RolePolicyList`), then the policies of "
                  "its own `managed_policy_arns` (live `AttachedManagedPolicies`), "
                  + _SEPARATE.format("role", "Role")),
        strings("managed_policy_arns", "The managed policy ARNs written on the role itself "
                "(Terraform `managed_policy_arns`, CloudFormation `ManagedPolicyArns`), as "
                "written; never set live (attached policies are in `policies`).")),
    aws("aws.iam.user", "IAM user with inline/attached policies",
        string("name", "The user's name (CloudFormation `UserName`); absent when AWS "
               "generates it."),
        _policies("the user's own inline policies (CloudFormation `Policies`, live "
                  "`UserPolicyList`), then the policies of its own `ManagedPolicyArns` "
                  "(live `AttachedManagedPolicies`), "
                  + _SEPARATE.format("user", "User")),
        boolean("console_password", "Whether the user has a password to sign in to the "
                "AWS Management Console (a login profile): Terraform an "
                "`aws_iam_user_login_profile` folded in (by `user`), CloudFormation "
                "`LoginProfile`, live GetLoginProfile; false when none is written.",
                default=False),
        integer("active_access_keys", "How many of the user's access keys are active: "
                "Terraform the `aws_iam_access_key` resources folded in (by `user`; "
                "`status` `Active` when not written, `Inactive` ones not counted), "
                "CloudFormation the `AWS::IAM::AccessKey` resources naming it in "
                "`UserName` (`Status` `Active` when not written), live ListAccessKeys "
                "(`Status` `Active`); 0 when none is written. A key whose status is not "
                "known statically, or that names one of several users, makes it Unknown "
                "(the possible counts as alternatives); on a user declared outside the "
                "scanned code it is Unknown too, the keys declared there counting from 0 "
                "to 2 (IAM's limit of access keys per user) on top of the ones folded in.",
                default=0)),
    aws("aws.iam.group", "IAM group with inline/attached policies",
        string("name", "The group's name (CloudFormation `GroupName`); absent when AWS "
               "generates it."),
        _policies("the group's own inline policies (CloudFormation `Policies`, live "
                  "`GroupPolicyList`), then the policies of its own `ManagedPolicyArns` "
                  "(live `AttachedManagedPolicies`), "
                  + _SEPARATE.format("group", "Group")),
        taggable=False),
    aws("aws.iam.password_policy", "IAM account password policy",
        integer("minimum_password_length", "The minimum password length (Terraform "
                "`aws_iam_account_password_policy`; CloudFormation has no resource for "
                "it); 6, IAM's, when not written. Live: an account without a custom "
                "policy has AWS's default policy (8 characters, nothing else enforced).",
                default=6),
        integer("password_reuse_prevention", "How many previous passwords cannot be "
                "reused; absent: reuse allowed."),
        integer("max_password_age", "The days a password is valid; absent: no expiry."),
        boolean("require_lowercase_characters", "Whether a lowercase letter is required; "
                "false when not written.", default=False),
        boolean("require_uppercase_characters", "Whether an uppercase letter is required; "
                "false when not written.", default=False),
        boolean("require_numbers", "Whether a number is required; false when not written.",
                default=False),
        boolean("require_symbols", "Whether a symbol is required; false when not written.",
                default=False),
        formats=("terraform", "tfplan", "aws-live"), taggable=False),
)
