"""API calls with the failure policy: a call that fails makes what it reads Unknown and is
reported once per operation as a warning; "not configured" answers mean absent."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

from botocore import xform_name
from botocore.exceptions import BotoCoreError, ClientError, EndpointConnectionError

from govern.collect.aws.clients import ServiceNotInRegion
from govern.model.finding import Notice
from govern.model.unknown import Unknown

DENIED_CODES = frozenset({"AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
                          "UnauthorizedAccess", "AuthorizationError", "AllAccessDisabled",
                          "InvalidClientTokenId", "ExpiredToken"})


class Failed:
    """What a failed call returns: the Unknown to put where its answer would go."""

    __slots__ = ("unknown",)

    def __init__(self, unknown: Unknown) -> None:
        self.unknown = unknown


class Reader:
    """Calls operations and records, per operation, what failed and why."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # (operation, reason, IAM action prefix) -> the subjects it concerned
        self._failures: dict[tuple[str, str, str], list[str]] = {}
        self.notes: list[Notice] = []
        self.calls = 0

    def call(self, client: Any, operation: str, subject: str, absent: frozenset[str] =
             frozenset(), **params: Any) -> dict[str, Any] | Failed | None:
        """The response of `operation`; None when the error code is one of `absent`
        (nothing configured) or the service is not offered in the region (with a note);
        Failed (with the Unknown) on any other error."""
        method = getattr(client, _snake(operation))
        try:
            response: dict[str, Any] = method(**params)
            return response
        except ServiceNotInRegion as exc:
            self.note(f"{operation}: {exc}")
            return None
        except ClientError as exc:
            code = str(exc.response.get("Error", {}).get("Code", ""))
            if code in absent:
                return None
            return Failed(self._fail(operation, subject, code, client))
        except BotoCoreError as exc:
            return Failed(self._fail(operation, subject, type(exc).__name__, client))

    def pages(self, client: Any, operation: str, subject: str, key: str,
              **params: Any) -> Iterator[Any] | Failed:
        """Every item under `key` of every page; Failed when listing fails."""
        items: list[Any] = []
        try:
            for page in client.get_paginator(_snake(operation)).paginate(**params):
                items.extend(page.get(key, []))
        except ClientError as exc:
            code = str(exc.response.get("Error", {}).get("Code", ""))
            return Failed(self._fail(operation, subject, code, client))
        except ServiceNotInRegion as exc:
            self.note(f"{operation}: {exc}")
            return iter(())
        except EndpointConnectionError:
            self.note(f"{operation}: the service is not available in {subject}")
            return iter(())
        except BotoCoreError as exc:
            return Failed(self._fail(operation, subject, type(exc).__name__, client))
        return iter(items)

    def fail_listing(self, operation: str, subject: str, exc: Exception) -> None:
        """A listing call that failed with `exc`: reported like any failed call."""
        code = (str(exc.response.get("Error", {}).get("Code", ""))
                if isinstance(exc, ClientError) else type(exc).__name__)
        self._fail(operation, subject, code)

    def note(self, message: str) -> None:
        with self._lock:
            self.notes.append(Notice("note", message, code="aws-not-available"))

    def _fail(self, operation: str, subject: str, code: str, client: Any = None) -> Unknown:
        denied = code in DENIED_CODES
        reason = f"access denied: {operation}" if denied else f"{operation} failed: {code}"
        prefix = _action_prefix(client) or ""
        with self._lock:
            self._failures.setdefault((operation, reason, prefix), []).append(subject)
        return Unknown(reason)

    def notices(self) -> list[Notice]:
        """One warning per failed operation (with how many resources it concerned)."""
        found = list(self.notes)
        for (operation, reason, prefix), subjects in sorted(self._failures.items()):
            subjects = sorted(set(subjects))
            more = f" and {len(subjects) - 1} more" if len(subjects) > 1 else ""
            found.append(Notice(
                "warning", f"{reason} ({subjects[0]}{more}); what it reads is unknown",
                hint=f"grant {iam_action(operation, prefix)} to the scanning role "
                     "(docs/live-aws.md)",
                code="aws-access-denied" if reason.startswith("access denied")
                else "aws-read-error"))
        return found


def iam_action(operation: str, prefix: str = "") -> str:
    """IAM_ACTIONS' entry when it names this service (`ListTags` is an operation of
    several), else `<service prefix>:<operation>`, which most actions are."""
    mapped = IAM_ACTIONS.get(operation)
    if mapped and (not prefix or mapped.split(":", 1)[0] == prefix):
        return mapped
    return f"{prefix}:{operation}" if prefix else operation


def _action_prefix(client: Any) -> str | None:
    """The IAM action prefix of a client's service (its signing name: `es` for OpenSearch,
    `elasticloadbalancing` for ELBv2, `kafka` for MSK)."""
    try:
        return str(client.meta.service_model.signing_name)
    except AttributeError:
        return None


def _snake(operation: str) -> str:
    return str(xform_name(operation))


# the IAM action each operation needs (docs/live-aws.md lists them as a policy)
IAM_ACTIONS = {
    "GetCallerIdentity": "sts:GetCallerIdentity",
    "DescribeRegions": "ec2:DescribeRegions",
    "ListBuckets": "s3:ListAllMyBuckets",
    "GetBucketLocation": "s3:GetBucketLocation",
    "GetBucketEncryption": "s3:GetEncryptionConfiguration",
    "GetPublicAccessBlock": "s3:GetBucketPublicAccessBlock",
    "GetBucketPolicy": "s3:GetBucketPolicy",
    "GetBucketAcl": "s3:GetBucketAcl",
    "GetBucketVersioning": "s3:GetBucketVersioning",
    "GetBucketLogging": "s3:GetBucketLogging",
    "GetBucketTagging": "s3:GetBucketTagging",
    "DescribeSecurityGroups": "ec2:DescribeSecurityGroups",
    "DescribeVolumes": "ec2:DescribeVolumes",
    "DescribeInstances": "ec2:DescribeInstances",
    "DescribeDBInstances": "rds:DescribeDBInstances",
    "DescribeDBClusters": "rds:DescribeDBClusters",
    "ListKeys": "kms:ListKeys",
    "DescribeKey": "kms:DescribeKey",
    "GetKeyRotationStatus": "kms:GetKeyRotationStatus",
    "ListResourceTags": "kms:ListResourceTags",
    "DescribeTrails": "cloudtrail:DescribeTrails",
    "GetAccountAuthorizationDetails": "iam:GetAccountAuthorizationDetails",
    "ListPolicyTags": "iam:ListPolicyTags",
    "ListTags": "cloudtrail:ListTags",
}
