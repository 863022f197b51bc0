"""IAM policy statements that allow every action on the resources they name, and resource
policies that allow every action of their service.

Choices:
- A statement allows every action when it `Allow`s `*` or `*:*` (any case), or uses
  `NotAction` (every action but a list), as for the administrator predicates (`iam.py`).
- On `"Resource": "*"` or with `NotResource` that is administrator access, reported by
  the administrator predicates: here the statement must name its resources (a `Resource`
  without `*`), so one statement is not reported twice.
- A `Condition` does not change it (as for the administrator predicates). A `Resource`
  entry that is not known statically could be `*`: unknown, unless its known parts hold
  more than `*` (`"${aws_s3_bucket.b.arn}/*"`).
- A resource policy (an SQS queue policy) allows every action of its service when an
  `Allow` statement's `Action` holds `*`, `*:*` or the service's wildcard (`sqs:*`, any
  case), or it uses `NotAction`, whoever the principal and whatever the condition: the
  principal may then also delete the resource or rewrite its policy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from govern.engine.predicates.base import ArgSpec, Part, PredicateContext, as_list, combine
from govern.engine.predicates.base import predicate as declare
from govern.engine.predicates.iam import (
    ADMIN_ACTIONS,
    _effect_allows,
    _scope,
    first_failing_policy,
    first_failing_statement,
)
from govern.engine.predicates.iam_actions import names_a_resource, resource_entries
from govern.engine.verdict import Verdict, passed, unknown
from govern.model.unknown import PartialString, Unknown


def _named_resources(statement: Mapping[str, Any]) -> Part:
    """True when `Resource` names resources and none is `*` (text: them)."""
    if "Resource" not in statement:
        return Part(False)  # NotResource: the admin predicates' case
    items = resource_entries(statement["Resource"])
    if isinstance(items, Unknown):
        return Part(None, path=("Resource",), why=f"Resource: {items.reason}")
    if any(isinstance(item, str) and item.strip() == "*" for item in items):
        return Part(False)
    why = next((f"Resource: {item.reason}" for item in items
                if isinstance(item, Unknown) and not names_a_resource(item)), "")
    if why:
        return Part(None, path=("Resource",), why=why)
    named = [item.text("${?}") if isinstance(item, PartialString) else item.strip()
             for item in items if names_a_resource(item)]
    return Part(bool(named), ", ".join(named))


def statement_allows_every_action_on_named_resources(statement: Any) -> Verdict:
    """Fail when one statement allows every action on resources it names (module doc)."""
    if isinstance(statement, Unknown):
        return unknown((), f"statement: {statement.reason}")
    if not isinstance(statement, Mapping):
        return unknown((), "not a policy statement")
    if "Action" not in statement and "NotAction" not in statement:
        return passed()
    action, action_text = _scope(statement, "Action", ADMIN_ACTIONS, "action")
    resources = _named_resources(statement)
    return combine((_effect_allows(statement), action, resources),
                   f"allows {action_text} on {resources.text}")


def iam_document_no_every_action_on_resources(value: Any, args: Mapping[str, Any],
                                              ctx: PredicateContext) -> Verdict:
    """An IAM policy document does not allow every action (`*`, `*:*`, `NotAction`) on
    the resources a statement names.

    `*` on `*` is `iam_document_not_admin`'s case. Detail: `Statement[0] allows * on
    arn:aws:s3:::reports, arn:aws:s3:::reports/*`.
    """
    return first_failing_statement(value, statement_allows_every_action_on_named_resources)


def iam_policies_no_every_action_on_resources(value: Any, args: Mapping[str, Any],
                                              ctx: PredicateContext) -> Verdict:
    """None of a role's, user's, group's or permission set's policies allows every action
    on the resources a statement names.

    As `iam_document_no_every_action_on_resources`, for each document of the canonical
    `policies` list. Detail: `inline policy 'app': Statement[0] allows * on
    arn:aws:dynamodb:eu-west-1:123456789012:table/orders`.
    """
    return first_failing_policy(value, lambda document: first_failing_statement(
        document, statement_allows_every_action_on_named_resources))


def _all_actions(statement: Mapping[str, Any], services: frozenset[str]) -> Part:
    """Does the statement cover every action of one of `services` (text: how)?"""
    if "Action" not in statement:
        return Part("NotAction" in statement, "every action but NotAction", ("NotAction",))
    items = as_list(statement["Action"])
    if isinstance(items, Unknown):
        return Part(None, path=("Action",), why=f"Action: {items.reason}")
    wildcards = ADMIN_ACTIONS | {f"{service}:*" for service in services}
    found = [item.strip() for item in items
             if isinstance(item, str) and item.strip().lower() in wildcards]
    if found:
        return Part(True, ", ".join(found), ("Action",))
    why = next((f"Action: {item.reason}" for item in items if isinstance(item, Unknown)), "")
    return Part(None, path=("Action",), why=why) if why else Part(False)


def resource_policy_no_all_actions(value: Any, args: Mapping[str, Any],
                                   ctx: PredicateContext) -> Verdict:
    """A resource policy does not allow every action of its service (`*`, `*:*`, the
    `services`' wildcards such as `sqs:*`, or `NotAction`) to anyone.

    Detail: `statement 'Consumers' allows sqs:*`. An absent policy passes.
    """
    services = frozenset(str(service).lower() for service in args["services"])

    def check(statement: Any) -> Verdict:
        if isinstance(statement, Unknown):
            return unknown((), f"statement: {statement.reason}")
        if not isinstance(statement, Mapping):
            return unknown((), "not a policy statement")
        actions = _all_actions(statement, services)
        return combine((_effect_allows(statement), actions), f"allows {actions.text}")

    return first_failing_statement(value, check)


PREDICATES = (
    declare(iam_document_no_every_action_on_resources),
    declare(iam_policies_no_every_action_on_resources),
    declare(resource_policy_no_all_actions, services=ArgSpec("strings", required=True)),
)
