"""IAM policies that let a principal raise its own privileges.

The methods are those Rhino Security Labs published ("AWS IAM Privilege Escalation -
Methods and Mitigation"), as Checkov's CKV_AWS_286 / CKV_AWS_110 (through cloudsplaining)
test them: a set of actions that, all allowed on every resource, let the holder give
itself (or a principal it controls) more permissions than it has.

Choices:
- A method is complete when each of its actions is allowed on every resource by some
  statement of the document, or, for an identity, of any of its policies (an identity
  holds the union of its policies). What "allowed on every resource" means, and what is
  left to other predicates, is `iam_actions.py`'s: `*`, `*:*`, service-wide wildcards
  (`iam:*`) and `NotAction` are the administrator and full-service-access rules' grants,
  so an action they grant does not count here, nor does a statement with a `Condition`
  (the delegation AWS recommends: `iam:PermissionsBoundary`, `iam:PolicyARN`).
- The methods built on `iam:PassRole` (pass a role to a new EC2 instance, Lambda
  function, Glue endpoint, CloudFormation stack or Data Pipeline) all need `iam:PassRole`
  on every role, which the pass-role predicates (`iam_passrole.py`) report whatever it is
  combined with: they are left out, so one grant is not reported twice.
- When no method is complete but one could be with what is not known (an unknown
  statement, action or resource, a policy whose document is not known), the result is
  unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from govern.engine.predicates.base import PredicateContext
from govern.engine.predicates.base import predicate as declare
from govern.engine.predicates.iam_actions import (
    Grants,
    document_grants,
    lowercase_names,
    policies_grants,
)
from govern.engine.verdict import Verdict, failed, passed, unknown

ASSUME = "sts:AssumeRole"
# (actions, what they let the holder do)
METHODS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("iam:CreateAccessKey",), "create an access key for any user"),
    (("iam:CreateLoginProfile",), "set a console password for any user"),
    (("iam:UpdateLoginProfile",), "change the console password of any user"),
    (("iam:AddUserToGroup",), "add any user to any group"),
    (("iam:CreatePolicyVersion",), "rewrite any customer managed policy"),
    (("iam:SetDefaultPolicyVersion",), "make any version of a policy its default"),
    (("iam:AttachUserPolicy",), "attach any managed policy to any user"),
    (("iam:AttachGroupPolicy",), "attach any managed policy to any group"),
    (("iam:AttachRolePolicy", ASSUME), "attach any managed policy to a role and assume it"),
    (("iam:PutUserPolicy",), "write an inline policy for any user"),
    (("iam:PutGroupPolicy",), "write an inline policy for any group"),
    (("iam:PutRolePolicy", ASSUME), "write an inline policy for a role and assume it"),
    (("iam:UpdateAssumeRolePolicy", ASSUME), "make any role trust it and assume it"),
    (("glue:UpdateDevEndpoint",), "add its SSH key to any Glue development endpoint and "
     "act as the endpoint's role"),
    (("lambda:UpdateFunctionCode",), "replace the code of any Lambda function and act as "
     "the function's role"),
)
NAMES = lowercase_names(action for actions, _ in METHODS for action in actions)
TARGETS = frozenset(NAMES)


def escalation(grants: Grants) -> Verdict:
    """Fail at the first complete method (at the statement that allows its first
    action); else unknown when one could be complete; else pass."""
    possible = set(grants.allowed) | grants.possible
    could = False
    for actions, effect in METHODS:
        lowered = [action.lower() for action in actions]
        if all(action in grants.allowed for action in lowered):
            where, _ = grants.allowed[lowered[0]]
            parts = [f"{NAMES[action]} ({grants.allowed[action][1]})" for action in lowered]
            return failed(where, f"allows {' and '.join(parts)} on *: a principal holding "
                                 f"it can {effect}")
        could = could or all(action in possible for action in lowered)
    if could:
        return unknown(grants.why_path, grants.why or None)
    return passed()


def iam_document_no_privilege_escalation(value: Any, args: Mapping[str, Any],
                                         ctx: PredicateContext) -> Verdict:
    """An IAM policy document does not allow a privilege escalation method on every
    resource.

    The methods (`iam:CreatePolicyVersion`, `iam:AttachRolePolicy` with `sts:AssumeRole`,
    ...) are in `govern/engine/predicates/iam_escalation.py`; their actions may come from
    different statements. Detail: `allows iam:CreateAccessKey (Statement[0]) on *: a
    principal holding it can create an access key for any user`.
    """
    grants = Grants()
    document_grants(value, TARGETS, grants)
    return escalation(grants)


def iam_policies_no_privilege_escalation(value: Any, args: Mapping[str, Any],
                                         ctx: PredicateContext) -> Verdict:
    """No privilege escalation method is allowed on every resource by the policies of a
    role, user, group or permission set, taken together.

    As `iam_document_no_privilege_escalation`, on the union of the documents of the
    canonical `policies` list. Detail: `allows iam:AttachRolePolicy (inline policy 'a':
    Statement[0]) and sts:AssumeRole (managed policy 'b': Statement[1]) on *: ...`.
    """
    return escalation(policies_grants(value, TARGETS))


PREDICATES = (
    declare(iam_document_no_privilege_escalation),
    declare(iam_policies_no_privilege_escalation),
)
