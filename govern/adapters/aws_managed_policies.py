"""AWS-managed IAM policies (`arn:aws:iam::aws:policy/...`): what govern knows about them.

Only `AdministratorAccess` has a document here (the one that matters for admin checks);
the documents of the other AWS-managed policies are not known statically.
"""

from __future__ import annotations

import re
from typing import Any

from govern.model.unknown import Unknown

_AWS_MANAGED = re.compile(r"^arn:aws(?:-[a-z]+)*:iam::aws:policy/(?:[^/]+/)*(?P<name>[^/]+)$")

ADMINISTRATOR_ACCESS_DOCUMENT: dict[str, Any] = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}],
}


def aws_managed_policy_name(arn: str) -> str | None:
    """`arn:aws:iam::aws:policy/job-function/ViewOnlyAccess` -> `ViewOnlyAccess`; None
    when `arn` is not the ARN of an AWS-managed policy."""
    match = _AWS_MANAGED.match(arn)
    return match.group("name") if match else None


def aws_managed_policy_document(name: str) -> dict[str, Any] | Unknown:
    if name == "AdministratorAccess":
        return {"Version": ADMINISTRATOR_ACCESS_DOCUMENT["Version"],
                "Statement": [dict(s) for s in ADMINISTRATOR_ACCESS_DOCUMENT["Statement"]]}
    return Unknown(f"the document of the AWS managed policy {name} is not known statically")


def policy_name_from_arn(arn: str) -> str:
    """The last segment of a policy ARN (`arn:aws:iam::123:policy/team/x` -> `x`)."""
    return arn.rsplit("/", 1)[-1]
