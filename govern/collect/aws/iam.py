"""IAM users, roles, groups and customer managed policies, from one paginated
GetAccountAuthorizationDetails: the canonical `policies` lists built as the adapters build
them (inline policies first, then attached managed policies; an attached customer managed
policy contributes its default version's document and an `attached_policy` edge; an AWS
managed one is known for AdministratorAccess only, as for templates). Each user's
`console_password` from GetLoginProfile, its `active_access_keys` from ListAccessKeys."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from govern.adapters.aws_managed_policies import (
    aws_managed_policy_document,
    aws_managed_policy_name,
    policy_name_from_arn,
)
from govern.adapters.iam_document import normalize_policy_document
from govern.adapters.iam_policies import clone
from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import tag_map
from govern.model.graph import Edge
from govern.model.resource import Resource
from govern.model.unknown import Unknown

REGION = "global"
LISTING = "GetAccountAuthorizationDetails"
_KEYS = ("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies")


def collect_iam(iam: Any, reader: Reader, account: str
                ) -> tuple[list[Resource], list[Edge]]:
    details: dict[str, list[Any]] = {key: [] for key in _KEYS}
    try:
        pages = iam.get_paginator("get_account_authorization_details").paginate(
            Filter=["User", "Role", "Group", "LocalManagedPolicy"])
        for page in pages:
            if reader.deadline.passed():
                reader.late(LISTING, "account", "iam")
                return [], []
            for key in _KEYS:
                found = page.get(key, [])
                if not isinstance(found, list):
                    raise TypeError(f"{key!r} of the answer is a {type(found).__name__}")
                details[key].extend(found)
    except Exception as exc:  # botocore's, or an answer of another shape
        reader.fail_listing(LISTING, "account", exc, "iam")
        return [], []
    policies = {p["Arn"]: _policy(iam, reader, p, account) for p in details["Policies"]}
    resources: list[Resource] = list(policies.values())
    edges: list[Edge] = []
    for key, kind, native_type, name_key, inline_key in (
            ("UserDetailList", "aws.iam.user", "AWS::IAM::User", "UserName", "UserPolicyList"),
            ("GroupDetailList", "aws.iam.group", "AWS::IAM::Group", "GroupName",
             "GroupPolicyList"),
            ("RoleDetailList", "aws.iam.role", "AWS::IAM::Role", "RoleName",
             "RolePolicyList")):
        for item in details[key]:
            identity = live_resource(item["Arn"], kind, native_type, account, REGION)
            identity.set("name", item[name_key])
            if kind == "aws.iam.role":
                identity.set("trust_policy",
                             _document(item.get("AssumeRolePolicyDocument")))
            entries: list[Any] = [
                {"source": "inline", "name": p.get("PolicyName"),
                 "document": _document(p.get("PolicyDocument"))}
                for p in item.get(inline_key, [])]
            for attached in item.get("AttachedManagedPolicies", []):
                arn = attached["PolicyArn"]
                entries.append(_managed(arn, policies.get(arn)))
                if arn in policies:
                    edges.append(Edge(identity.id, arn, "attached_policy"))
            identity.set("policies", entries)
            if kind == "aws.iam.user":
                _console_password(iam, reader, identity, item[name_key])
                _active_access_keys(iam, reader, identity, item[name_key])
            if kind != "aws.iam.group":
                identity.set("tags", tag_map(item.get("Tags")))
            resources.append(identity)
    return resources, edges


def _console_password(iam: Any, reader: Reader, user: Resource, name: str) -> None:
    """`console_password`: whether GetLoginProfile finds a login profile (NoSuchEntity:
    none); Unknown when it cannot be read."""
    answer = reader.call(iam, "GetLoginProfile", user.id, frozenset({"NoSuchEntity"}),
                         UserName=name)
    user.set("console_password", answer.unknown if isinstance(answer, Failed)
             else answer is not None)


def _active_access_keys(iam: Any, reader: Reader, user: Resource, name: str) -> None:
    """`active_access_keys`: how many of the keys ListAccessKeys returns have `Status`
    `Active` (a user has at most two keys: one page); Unknown when they cannot be listed
    or the answer has no list of keys."""
    answer = reader.call(iam, "ListAccessKeys", user.id, UserName=name)
    if isinstance(answer, Failed):
        user.set("active_access_keys", answer.unknown)
        return
    keys = answer.get("AccessKeyMetadata") if answer is not None else None
    if not isinstance(keys, list):
        failed = reader.fail(iam, "ListAccessKeys", user.id,
                             "malformed answer: no 'AccessKeyMetadata' list")
        user.set("active_access_keys", failed.unknown)
        return
    user.set("active_access_keys", sum(
        1 for key in keys if isinstance(key, dict) and key.get("Status") == "Active"))


def _policy(iam: Any, reader: Reader, item: dict[str, Any], account: str) -> Resource:
    arn = item["Arn"]
    policy = live_resource(arn, "aws.iam.policy", "AWS::IAM::ManagedPolicy", account, REGION)
    policy.set("name", item.get("PolicyName") or policy_name_from_arn(arn))  # moto omits it
    default = [v for v in item.get("PolicyVersionList", []) if v.get("IsDefaultVersion")]
    policy.set("document", _document(default[0].get("Document")) if default else
               Unknown("the policy's default version was not returned"))
    tags = reader.call(iam, "ListPolicyTags", arn, PolicyArn=arn)  # not in the details
    policy.set("tags", tags.unknown if isinstance(tags, Failed)
               else tag_map((tags or {}).get("Tags")))
    return policy


def _managed(arn: str, policy: Resource | None) -> dict[str, Any]:
    if policy is not None:
        return {"source": "managed", "name": policy.get("name"), "arn": arn,
                "document": clone(policy.get("document"))}
    aws_name = aws_managed_policy_name(arn)
    if aws_name is not None:
        return {"source": "managed", "name": aws_name, "arn": arn,
                "document": aws_managed_policy_document(aws_name)}
    return {"source": "managed", "name": policy_name_from_arn(arn), "arn": arn,
            "document": Unknown("the attached policy was not returned")}


def _document(value: Any) -> Any:
    """boto3 decodes IAM documents to mappings; a URL-encoded JSON string is decoded."""
    if isinstance(value, str) and value.startswith("%"):
        value = unquote(value)
    if value is None:
        return Unknown("no document returned")
    return normalize_policy_document(value)



