"""IAM policy documents that let a principal pass any role to a service.

`iam:PassRole` on every resource lets the holder hand any role of the account (an
administrator role among them) to a service it controls (an EC2 instance, a Lambda
function, a Glue job) and act with that role's permissions: a privilege escalation.

Choices:
- A statement passes any role when it `Allow`s an action that names `iam:PassRole`,
  directly or through a wildcard inside the IAM service (`iam:Pass*`, `iam:*Role`; any
  case), on every resource (`Resource` holds `*`, or `NotResource` is used).
- `*`, `*:*` and `iam:*` are left to the admin and full-service-access predicates, and a
  `NotAction` statement (every action) to the admin ones, so one grant is not reported
  twice.
- A `Condition` (for example `iam:PassedToService`) does not change it: it limits the
  service, not which role is passed. ARN patterns in `Resource`
  (`arn:aws:iam::*:role/*`) are not judged.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping
from typing import Any

from govern.engine.predicates.base import Part, PredicateContext, as_list, combine
from govern.engine.predicates.base import predicate as declare
from govern.engine.predicates.iam import first_failing_policy, first_failing_statement
from govern.engine.verdict import Verdict, passed, unknown
from govern.model.unknown import Unknown

PASS_ROLE = "iam:passrole"
LEFT_TO_OTHERS = frozenset({"*", "*:*", "iam:*"})


def _pass_role_actions(values: Any) -> Part:
    """The actions of an `Action` list that grant `iam:PassRole` (text: them)."""
    items = as_list(values)
    if isinstance(items, Unknown):
        return Part(None, path=("Action",), why=f"Action: {items.reason}")
    found = [item.strip() for item in items if isinstance(item, str)
             and item.strip().lower() not in LEFT_TO_OTHERS
             and _names_pass_role(item.strip().lower())]
    if found:
        return Part(True, ", ".join(found))
    why = next((f"Action: {item.reason}" for item in items if isinstance(item, Unknown)), "")
    return Part(None, path=("Action",), why=why) if why else Part(False)


def _names_pass_role(action: str) -> bool:
    """Does a lowercase `Action` entry name `iam:PassRole` (a wildcard compiled only when
    there is one: a policy corpus holds thousands of distinct action names)?"""
    if "*" not in action and "?" not in action and "[" not in action:
        return action == PASS_ROLE
    return fnmatch.fnmatchcase(PASS_ROLE, action)


def _any_resource(statement: Mapping[str, Any]) -> Part:
    if "Resource" not in statement:
        return Part("NotResource" in statement)
    items = as_list(statement["Resource"])
    if isinstance(items, Unknown):
        return Part(None, path=("Resource",), why=f"Resource: {items.reason}")
    if any(isinstance(item, str) and item.strip() == "*" for item in items):
        return Part(True, path=("Resource",))
    why = next((f"Resource: {item.reason}" for item in items if isinstance(item, Unknown)), "")
    return Part(None, path=("Resource",), why=why) if why else Part(False)


def _allows(statement: Mapping[str, Any]) -> Part:
    effect = statement.get("Effect")
    if isinstance(effect, Unknown):
        return Part(None, path=("Effect",), why=f"Effect: {effect.reason}")
    return Part(effect == "Allow")


def statement_passes_any_role(statement: Any) -> Verdict:
    """Fail when one statement allows `iam:PassRole` on every resource (module doc)."""
    if isinstance(statement, Unknown):
        return unknown((), f"statement: {statement.reason}")
    if not isinstance(statement, Mapping):
        return unknown((), "not a policy statement")
    if "Action" not in statement:
        return passed()  # NotAction (every action) is the admin predicates' case
    actions = _pass_role_actions(statement["Action"])
    return combine((_allows(statement), actions, _any_resource(statement)),
                   f"allows {actions.text} on *")


def iam_document_no_passrole_on_any_resource(value: Any, args: Mapping[str, Any],
                                             ctx: PredicateContext) -> Verdict:
    """An IAM policy document does not allow `iam:PassRole` on every resource.

    `*`, `*:*`, `iam:*` and `NotAction` are left to the admin and full-service predicates.
    Detail: `Statement[0] allows iam:PassRole on *`.
    """
    return first_failing_statement(value, statement_passes_any_role)


def iam_policies_no_passrole_on_any_resource(value: Any, args: Mapping[str, Any],
                                             ctx: PredicateContext) -> Verdict:
    """None of a role's, user's or group's policies allows `iam:PassRole` on every
    resource.

    As `iam_document_no_passrole_on_any_resource`, for each document of the canonical
    `policies` list. Detail: `inline policy 'ci': Statement[0] allows iam:PassRole on *`.
    """
    return first_failing_policy(value, lambda document: first_failing_statement(
        document, statement_passes_any_role))


PREDICATES = (
    declare(iam_document_no_passrole_on_any_resource),
    declare(iam_policies_no_passrole_on_any_resource),
)
