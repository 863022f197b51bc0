"""The account's IAM password policy read live (GetAccountPasswordPolicy) as
`aws.iam.password_policy`, with the attributes the Terraform adapter writes for
`aws_iam_account_password_policy`.

An account without a custom policy (NoSuchEntity) is not "not judged": its IAM users'
passwords follow AWS's default password policy, so that policy is what the resource holds
(`AWS_DEFAULT_POLICY`, from the IAM User Guide, "Set an account password policy for IAM
users": at least 8 characters, at least three of the four character types but none of
them required alone, passwords never expire, reuse is not prevented)."""

from __future__ import annotations

from typing import Any

from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_maybe_absent, set_unknown
from govern.model.resource import Resource

KIND = "aws.iam.password_policy"
NATIVE_TYPE = "AWS::IAM::AccountPasswordPolicy"  # no such CloudFormation type: a label
IAM_MINIMUM_LENGTH = 6  # what IAM applies when a custom policy leaves the length out
# canonical attribute -> the PasswordPolicy member it comes from (booleans default false)
FLAGS = {"require_lowercase_characters": "RequireLowercaseCharacters",
         "require_uppercase_characters": "RequireUppercaseCharacters",
         "require_numbers": "RequireNumbers",
         "require_symbols": "RequireSymbols"}
VALUES = ("minimum_password_length", *FLAGS)
OPTIONAL = ("password_reuse_prevention", "max_password_age")  # absent when not enforced
# AWS's default password policy, as a PasswordPolicy answer: no reuse prevention and no
# maximum age (absent), no single character type required
AWS_DEFAULT_POLICY: dict[str, Any] = {"MinimumPasswordLength": 8, "ExpirePasswords": False,
                                      **{native: False for native in FLAGS.values()}}


def password_policy_arn(account: str) -> str:
    """The id of the policy (IAM gives it no ARN): `arn:aws:iam::<account>:account-
    password-policy`."""
    return f"arn:aws:iam::{account}:account-password-policy"


def password_policy(iam: Any, reader: Reader, account: str) -> Resource:
    """The custom policy, AWS's default policy when there is none, or every attribute
    Unknown when the call fails."""
    arn = password_policy_arn(account)
    policy = live_resource(arn, KIND, NATIVE_TYPE, account, "global")
    answer = reader.call(iam, "GetAccountPasswordPolicy", arn, frozenset({"NoSuchEntity"}))
    if isinstance(answer, Failed):
        set_unknown(policy, answer.unknown, *VALUES)
        set_maybe_absent(policy, answer.unknown, *OPTIONAL)
        return policy
    native = AWS_DEFAULT_POLICY if answer is None else answer.get("PasswordPolicy", {})
    policy.set("minimum_password_length",
               int(native.get("MinimumPasswordLength") or IAM_MINIMUM_LENGTH))
    if native.get("PasswordReusePrevention"):
        policy.set("password_reuse_prevention", int(native["PasswordReusePrevention"]))
    if native.get("ExpirePasswords") and native.get("MaxPasswordAge"):
        policy.set("max_password_age", int(native["MaxPasswordAge"]))
    for canonical, member in FLAGS.items():
        policy.set(canonical, bool(native.get(member, False)))
    return policy
