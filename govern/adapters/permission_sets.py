"""The `policies` entries of IAM Identity Center permission sets, shared by every format:
an AWS managed policy attached by ARN (its document from the copy govern ships, as for IAM
identities) and a customer managed policy reference (by name and path, defined in each
account the permission set is assigned to: its document is Unknown)."""

from __future__ import annotations

from typing import Any

from govern.adapters.aws_managed_policies import (
    aws_managed_policy_document,
    aws_managed_policy_name,
    policy_name_from_arn,
)
from govern.adapters.iam_policies import managed_unknown
from govern.adapters.reading import MISSING
from govern.model.unknown import Unknown

KIND = "aws.ssoadmin.permission_set"
CUSTOMER_MANAGED = ("a customer managed policy: each account the permission set is "
                    "assigned to has its own document")


def aws_managed_entry(arn: Any) -> dict[str, Any]:
    """The `policies` entry of a managed policy attached to a permission set by ARN (only
    AWS managed policies can be)."""
    name = aws_managed_policy_name(arn)
    if name is not None:
        return {"source": "managed", "name": name, "arn": arn,
                "document": aws_managed_policy_document(name)}
    if isinstance(arn, str):
        return {"source": "managed", "name": policy_name_from_arn(arn), "arn": arn,
                "document": Unknown("not the ARN of an AWS managed policy govern knows")}
    return managed_unknown(arn if isinstance(arn, Unknown)
                           else Unknown("no managed policy ARN"))


def customer_managed_entry(name: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"source": "managed"}
    if name is not MISSING:
        entry["name"] = name
    entry["document"] = Unknown(CUSTOMER_MANAGED)
    return entry
