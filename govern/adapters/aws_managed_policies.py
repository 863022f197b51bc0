"""AWS-managed IAM policies (`arn:aws:iam::aws:policy/...`): their documents.

The current document of every AWS managed policy ships with govern
(`data/aws_managed_policies.pack`, refreshed by scripts/update_aws_managed_policies.py;
docs/decisions/0005-aws-managed-policy-documents.md): a document pack
(`document_pack`), whose index is read on first use and each policy inflated when first
asked for. A policy that is
not in it (newer than the data) has an Unknown document; `AdministratorAccess` is known
even without the data.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from pathlib import Path
from typing import Any

from govern.adapters.document_pack import DamagedPack, DocumentPack
from govern.adapters.iam_document import normalize_policy_document
from govern.model.unknown import PartialString, Unknown

_AWS_MANAGED = re.compile(r"^arn:aws(?:-[a-z]+)*:iam::aws:policy/(?:[^/]+/)*(?P<name>[^/]+)$")
# the same with the partition not known (`arn:${data.aws_partition.p.partition}:iam::aws:...`)
_PARTITION_UNKNOWN = re.compile(
    r"^arn:(?:aws(?:-[a-z]+)*|\x00):iam::aws:policy/(?:[^/\x00]+/)*(?P<name>[^/\x00]+)$")

# beside this module (package data: pip installs it unpacked)
_PACK = Path(__file__).resolve().parent / "data" / "aws_managed_policies.pack"

ADMINISTRATOR_ACCESS_DOCUMENT: dict[str, Any] = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}],
}


def aws_managed_policy_name(arn: Any) -> str | None:
    """`arn:aws:iam::aws:policy/job-function/ViewOnlyAccess` -> `ViewOnlyAccess`; None
    when `arn` is not the ARN of an AWS-managed policy. A PartialString whose only unknown
    part is the partition names the policy too."""
    if isinstance(arn, PartialString):
        match = _PARTITION_UNKNOWN.match(arn.text())
    else:
        match = _AWS_MANAGED.match(arn) if isinstance(arn, str) else None
    return match.group("name") if match else None


def aws_managed_policy_document(name: str) -> dict[str, Any] | Unknown:
    """The normalized current document of the AWS managed policy `name` (a copy: the
    caller may keep it in a resource)."""
    document = _document(name)
    if document is None and name == "AdministratorAccess":
        document = ADMINISTRATOR_ACCESS_DOCUMENT
    if document is None:
        return Unknown(f"the document of the AWS managed policy {name} is not known "
                       f"(newer than govern's copy of {data_version()})")
    return copy.deepcopy(document)


@cache
def _data() -> DocumentPack | None:
    """The shipped documents; None (every document Unknown but AdministratorAccess) when
    the file is missing or damaged, as in a broken installation."""
    try:
        return DocumentPack(_PACK.read_bytes())
    except (OSError, DamagedPack):
        return None


@cache
def _document(name: str) -> dict[str, Any] | None:
    data = _data()
    try:
        entry = data.get(name) if data is not None else None
    except DamagedPack:
        return None
    if not isinstance(entry, dict):
        return None
    document = normalize_policy_document(entry.get("document"))
    return document if isinstance(document, dict) else None


def data_version() -> str:
    """When the shipped documents were last updated (the newest policy version's date)."""
    data = _data()
    return str(data.meta.get("updated") if data else "none (the data file is missing)")[:10]


def policy_name_from_arn(arn: str) -> str:
    """The last segment of a policy ARN (`arn:aws:iam::123:policy/team/x` -> `x`)."""
    return arn.rsplit("/", 1)[-1]
