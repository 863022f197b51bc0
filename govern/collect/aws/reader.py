"""API calls with the failure policy: a call that fails makes what it reads Unknown and is
reported once per operation as a warning; "not configured" answers mean absent. A failed
listing (listings.py) makes the resources it lists unknown in that region (partial.py);
once the scan's deadline has passed no call is made."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

from botocore import xform_name
from botocore.exceptions import BotoCoreError, ClientError, PaginationError

from govern.collect.aws.clients import ServiceNotInRegion
from govern.collect.aws.deadline import Deadline
from govern.collect.aws.listings import Malformed, is_listing, items_at, region_of
from govern.collect.aws.locked import PicklesWithoutLock
from govern.collect.aws.partial import DOCS, Lost, Partial
from govern.model.finding import Notice
from govern.model.unknown import Unknown

DENIED_CODES = frozenset({"AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
                          "UnauthorizedAccess", "AuthorizationError", "AllAccessDisabled",
                          "InvalidClientTokenId", "ExpiredToken"})
REPEATED_TOKEN = "the pagination token repeated"


class Failed:
    """What a failed call returns: the Unknown to put where its answer would go."""

    __slots__ = ("unknown",)

    def __init__(self, unknown: Unknown) -> None:
        self.unknown = unknown


class Reader(PicklesWithoutLock):
    """Calls operations and records, per operation, what failed and why. A reader of one
    part of an account (a region) read on a Dask worker comes back pickled, to be
    `absorb`ed."""

    def __init__(self, deadline: Deadline | None = None) -> None:
        self._lock = threading.Lock()
        # (operation, reason, IAM action prefix) -> the subjects it concerned
        self._failures: dict[tuple[str, str, str], list[str]] = {}
        self.partial = Partial()
        self.deadline = deadline or Deadline(None, 0.0)
        self.account = ""  # named in the notices once known
        self.notes: list[Notice] = []
        self.calls = 0

    def call(self, client: Any, operation: str, subject: str, absent: frozenset[str] =
             frozenset(), **params: Any) -> dict[str, Any] | Failed | None:
        """The response of `operation`; None when the error code is one of `absent`
        (nothing configured) or the service is not offered in the region (with a note);
        Failed (with the Unknown) on any other error, on an answer that is not a map, and
        after the deadline."""
        method = getattr(client, _snake(operation))
        if self.deadline.passed():
            return Failed(self._fail(operation, subject, "", client, self._late(operation)))
        try:
            response: Any = method(**params)
        except ServiceNotInRegion as exc:
            self.note(f"{operation}: {exc}")
            return None
        except ClientError as exc:
            code = str(exc.response.get("Error", {}).get("Code", ""))
            if code in absent:
                return None
            return Failed(self._fail(operation, subject, code, client))
        except BotoCoreError as exc:
            return Failed(self._fail(operation, subject, _botocore_code(exc), client))
        if not isinstance(response, dict):
            return Failed(self._fail(operation, subject, "malformed answer: a "
                                     f"{type(response).__name__}, not a map", client))
        return response

    def listing(self, client: Any, operation: str, subject: str, key: str,
                **params: Any) -> list[Any] | Failed | None:
        """The items under `key` of an operation that is not paginated; None when the
        service is not offered in the region; Failed as for `call`, and when the answer
        has no list under `key`."""
        answer = self.call(client, operation, subject, **params)
        if not isinstance(answer, dict):
            return answer
        try:
            return items_at(answer, key, _action_prefix(client) or "", operation)
        except Malformed as exc:
            return Failed(self._fail(operation, subject, f"malformed answer: {exc}", client))

    def pages(self, client: Any, operation: str, subject: str, key: str,
              **params: Any) -> Iterator[Any] | Failed:
        """Every item under `key` of every page; Failed when listing fails (an error, a
        page without its list, a pagination token that repeats, the deadline)."""
        prefix = _action_prefix(client) or ""
        if self.deadline.passed():
            return Failed(self._fail(operation, subject, "", client, self._late(operation)))
        items: list[Any] = []
        try:
            for page in client.get_paginator(_snake(operation)).paginate(**params):
                if self.deadline.passed():  # the page read is dropped: unfinished
                    return Failed(self._fail(operation, subject, "", client,
                                             self._late(operation)))
                items.extend(items_at(page, key, prefix, operation))
        except ClientError as exc:
            code = str(exc.response.get("Error", {}).get("Code", ""))
            return Failed(self._fail(operation, subject, code, client))
        except ServiceNotInRegion as exc:
            self.note(f"{operation}: {exc}")
            return iter(())
        except BotoCoreError as exc:
            return Failed(self._fail(operation, subject, _botocore_code(exc), client))
        except Malformed as exc:
            return Failed(self._fail(operation, subject, f"malformed answer: {exc}", client))
        return iter(items)

    def fail_listing(self, operation: str, subject: str, exc: Exception,
                     prefix: str = "") -> None:
        """A listing call that failed with `exc`: reported like any failed call."""
        if isinstance(exc, ClientError):
            code = str(exc.response.get("Error", {}).get("Code", ""))
        elif isinstance(exc, BotoCoreError):
            code = _botocore_code(exc)
        else:
            code = f"malformed answer: {type(exc).__name__}: {exc}"
        self._fail(operation, subject, code, reason=None, prefix=prefix)

    def fail(self, client: Any, operation: str, subject: str, code: str) -> Failed:
        """`operation` failed for a reason found by its caller (a malformed answer, a
        repeated pagination token)."""
        return Failed(self._fail(operation, subject, code, client))

    def late(self, operation: str, subject: str, prefix: str = "") -> Unknown:
        """A call not made because the deadline passed (a reader calling boto3 itself)."""
        return self._fail(operation, subject, "", reason=self._late(operation),
                          prefix=prefix)

    def note(self, message: str) -> None:
        with self._lock:
            self.notes.append(Notice("note", message, code="aws-not-available"))

    def _late(self, operation: str) -> str:
        return f"{operation} not called: {self.deadline.reason}"

    def _fail(self, operation: str, subject: str, code: str, client: Any = None,
              reason: str | None = None, prefix: str = "") -> Unknown:
        denied = code in DENIED_CODES
        if reason is None:
            reason = (f"access denied: {operation}" if denied
                      else f"{operation} failed: {code}")
        prefix = _action_prefix(client) or prefix
        if is_listing(prefix, operation):
            self.partial.lose(Lost(prefix, operation, region_of(subject), reason,
                                   self._hint(operation, prefix, denied, code)), subject)
            return Unknown(reason)
        with self._lock:
            self._failures.setdefault((operation, reason, prefix), []).append(subject)
        return Unknown(reason)

    def _hint(self, operation: str, prefix: str, denied: bool, code: str) -> str:
        if denied:
            return f"grant {iam_action(operation, prefix)} to the scanning role ({DOCS})"
        if not code:
            return "raise --aws-timeout, or scan fewer regions at a time"
        return f"scan again; --allow-partial accepts a scan without it ({DOCS})"

    def absorb(self, other: Reader) -> None:
        """Add what `other` recorded (another part of the same account) to this reader:
        its notices are then the ones one reader of every part would give."""
        with self._lock:
            for key, subjects in other._failures.items():
                self._failures.setdefault(key, []).extend(subjects)
            self.notes.extend(other.notes)
            self.calls += other.calls
            self.account = self.account or other.account
        self.partial.absorb(other.partial)

    def notices(self, allow_partial: bool = False) -> list[Notice]:
        """One warning per failed operation (with how many resources it concerned), one
        per listing that failed, and an error when the scan is incomplete (unless
        `allow_partial`)."""
        found = sorted(self.notes, key=lambda notice: notice.message)  # threads append
        for (operation, reason, prefix), subjects in sorted(self._failures.items()):
            subjects = sorted(set(subjects))
            more = f" and {len(subjects) - 1} more" if len(subjects) > 1 else ""
            found.append(Notice(
                "warning", f"{reason} ({subjects[0]}{more}); what it reads is unknown",
                hint=f"grant {iam_action(operation, prefix)} to the scanning role "
                     "(docs/live-aws.md)",
                code="aws-access-denied" if reason.startswith("access denied")
                else "aws-read-error"))
        found.extend(self.partial.notices(self.account, allow_partial))
        return found


def _botocore_code(exc: BotoCoreError) -> str:
    if isinstance(exc, PaginationError) and "same next token" in str(exc):
        return REPEATED_TOKEN
    return type(exc).__name__


def iam_action(operation: str, prefix: str = "") -> str:
    """IAM_ACTIONS' entry when it names this service (`ListTags` is an operation of
    several), else `<service prefix>:<operation>`, which most actions are."""
    mapped = IAM_ACTIONS.get(operation)
    if mapped and (not prefix or mapped.split(":", 1)[0] == prefix):
        return mapped
    return f"{prefix}:{operation}" if prefix else operation


# signing names that are not the service's IAM action prefix
_IAM_PREFIXES = {"monitoring": "cloudwatch"}


def _action_prefix(client: Any) -> str | None:
    """The IAM action prefix of a client's service (its signing name: `es` for OpenSearch,
    `elasticloadbalancing` for ELBv2, `kafka` for MSK; `cloudwatch` for CloudWatch, whose
    signing name is `monitoring`)."""
    try:
        name = str(client.meta.service_model.signing_name)
    except AttributeError:
        return None
    return _IAM_PREFIXES.get(name, name)


def action_prefix(client: Any) -> str:
    """`_action_prefix`, "" when the client has none (a stand-in)."""
    return _action_prefix(client) or ""


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
    "DescribeNetworkAcls": "ec2:DescribeNetworkAcls",
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
