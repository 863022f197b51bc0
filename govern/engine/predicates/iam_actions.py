"""Which of a list of named IAM actions a policy statement allows on every resource.

The machinery of the rules that look for particular actions (`iam:PassRole`, actions that
return credentials, read data, or let a principal raise its own privileges) allowed
without a resource constraint.

Choices:
- A statement allows a named action on every resource when it `Allow`s it and its
  `Resource` holds `*` (or it uses `NotResource`, which with `Allow` counts as every
  resource). An action is named directly or through a wildcard (`iam:Create*`,
  `iam:*AccessKey`; `*` and `?` as IAM reads them, any case).
- `*`, `*:*` and service-wide wildcards (`iam:*`, `s3:*`) are left to the administrator
  and full-service-access predicates (`iam.py`), which report those grants already, and a
  statement with `NotAction` (every action but a list) is left to the administrator ones:
  one grant is not reported twice.
- A statement with a `Condition` that holds a test is not counted: conditions such as
  `iam:PermissionsBoundary`, `iam:PolicyARN` or `iam:ResourceTag/...` are how AWS
  recommends delegating these actions safely, and govern does not judge how strong a
  condition is (Checkov's cloudsplaining checks skip such statements too). An empty
  `Condition` (`{}`, operators without tests) counts as none. `Deny` statements are not
  subtracted (as for the administrator predicates). ARN patterns in `Resource`
  (`arn:aws:iam::*:user/*`) are not judged.
- What is not known statically (a statement, its `Effect`, an `Action` or `Resource`
  entry) makes the actions it might allow possible, not allowed: a rule built on them is
  then unknown, never a pass. A `Resource` entry whose known parts hold more than `*`
  (`"${aws_s3_bucket.b.arn}/*"`) names a resource: it is not `*`.
"""

from __future__ import annotations

import fnmatch
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from govern.engine.predicates.base import as_list
from govern.engine.predicates.iam import ADMIN_ACTIONS, SERVICE_WILDCARD, _label, _statements
from govern.engine.verdict import Verdict, failed, passed, unknown
from govern.model.resource import Path
from govern.model.unknown import PartialString, Unknown

SHOWN = 8  # actions a finding's detail names (a wildcard can allow hundreds)


def _left_to_others(pattern: str) -> bool:
    return pattern in ADMIN_ACTIONS or bool(SERVICE_WILDCARD.match(pattern))


@dataclass
class Grants:
    """The named actions some statements allow on every resource: `allowed` (action ->
    the path of the first statement that allows it, and that statement's label),
    `possible` (actions an unknown part might allow) and why they are only possible."""

    allowed: dict[str, tuple[Path, str]] = field(default_factory=dict)
    possible: set[str] = field(default_factory=set)
    why: str = ""
    why_path: Path = ()

    def maybe(self, actions: Iterable[str], path: Path, why: str) -> None:
        self.possible.update(actions)
        if not self.why:
            self.why, self.why_path = why, path


def _matching(values: Any, targets: frozenset[str]) -> tuple[set[str], str]:
    """The targets an `Action` list names (lowercase), and why more might be named."""
    items = as_list(values)
    if isinstance(items, Unknown):
        return set(), f"Action: {items.reason}"
    found: set[str] = set()
    why = ""
    for item in items:
        if isinstance(item, Unknown):
            why = why or f"Action: {item.reason}"
        elif isinstance(item, str) and not _left_to_others(pattern := item.strip().lower()):
            found.update(_named(pattern, targets))
    return found, why


def _named(pattern: str, targets: frozenset[str]) -> frozenset[str]:
    """The targets one lowercase `Action` entry names: itself, or what its `*` and `?`
    match (thousands of targets for the access-level predicates)."""
    if "*" not in pattern and "?" not in pattern and "[" not in pattern:
        return frozenset((pattern,)) if pattern in targets else frozenset()
    return _wildcard_named(pattern, targets)


@functools.lru_cache(maxsize=8192)
def _wildcard_named(pattern: str, targets: frozenset[str]) -> frozenset[str]:
    """What a wildcard pattern matches (`fnmatchcase`), worked out once per pattern and
    target set: policies repeat the same few patterns, and a pattern whose service part has
    no wildcard (`iam:create*`) is matched only against that service's actions."""
    service, colon, _ = pattern.partition(":")
    pool: Iterable[str] = targets
    if colon and not any(c in service for c in "*?["):
        pool = _by_service(targets).get(service, ())
    match = re.compile(fnmatch.translate(pattern)).match
    return frozenset(t for t in pool if match(t))


@functools.lru_cache(maxsize=64)
def _by_service(targets: frozenset[str]) -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = {}
    for target in targets:
        grouped.setdefault(target.partition(":")[0], []).append(target)
    return {service: tuple(actions) for service, actions in grouped.items()}


def names_a_resource(item: Any) -> bool:
    """Is a `Resource` entry known not to be `*`: a string other than `*`, or a string
    whose known parts hold more than `*` (`"${aws_s3_bucket.b.arn}/*"`)?"""
    if isinstance(item, PartialString):
        return bool(item.text("").replace("*", "").strip())
    return isinstance(item, str) and item.strip() != "*"


def resource_entries(value: Any) -> list[Any] | Unknown:
    """The entries of a `Resource` (a single partly known string is one entry)."""
    return [value] if isinstance(value, PartialString) else as_list(value)


def _on_any_resource(statement: Mapping[str, Any]) -> bool | str:
    """True, False, or why it is not known."""
    if "Resource" not in statement:
        return "NotResource" in statement
    items = resource_entries(statement["Resource"])
    if isinstance(items, Unknown):
        return f"Resource: {items.reason}"
    if any(isinstance(item, str) and item.strip() == "*" for item in items):
        return True
    return next((f"Resource: {item.reason}" for item in items
                 if isinstance(item, Unknown) and not names_a_resource(item)), False)


def _conditioned(statement: Mapping[str, Any]) -> bool | str:
    """Does the statement have a condition with a test (True, False, or why unknown)?"""
    condition = statement.get("Condition")
    if isinstance(condition, Unknown):
        return f"Condition: {condition.reason}"
    if not isinstance(condition, Mapping):
        return False
    for tests in condition.values():
        if isinstance(tests, Unknown):
            return f"Condition: {tests.reason}"
        if not isinstance(tests, Mapping) or tests:
            return True
    return False


def statement_grants(statement: Any, targets: frozenset[str], where: Path, label: str,
                     grants: Grants) -> None:
    """Add to `grants` the targets (lowercase action names) `statement` allows on every
    resource (module doc); `where` is the statement's path, `label` names it."""
    if isinstance(statement, Unknown) or not isinstance(statement, Mapping):
        reason = statement.reason if isinstance(statement, Unknown) else "not a statement"
        grants.maybe(targets, where, f"{label}: {reason}")
        return
    if "Action" not in statement:
        return  # NotAction (every action) is the admin predicates' case
    effect = statement.get("Effect")
    resource = _on_any_resource(statement)
    conditioned = _conditioned(statement)
    if resource is False or conditioned is True or (
            effect != "Allow" and not isinstance(effect, Unknown)):
        return
    found, why_action = _matching(statement["Action"], targets)
    if why_action:
        grants.maybe(targets, where, why_action)
    if isinstance(effect, Unknown):
        grants.maybe(found, where, f"Effect: {effect.reason}")
        return
    if isinstance(resource, str) or isinstance(conditioned, str):
        grants.maybe(found, where, str(resource if isinstance(resource, str) else conditioned))
        return
    for action in sorted(found):
        grants.allowed.setdefault(action, (where, label))


def document_grants(document: Any, targets: frozenset[str], grants: Grants,
                    prefix: Path = (), owner: str = "") -> None:
    """Add to `grants` what the statements of `document` allow on every resource; paths
    start with `prefix`, labels with `owner` (`inline policy 'x': `). None is an empty
    document; an Unknown document or statement list makes every target possible."""
    if document is None:
        return
    if isinstance(document, Unknown):
        grants.maybe(targets, prefix, f"{owner}document: {document.reason}")
        return
    statements = _statements(document)
    if statements is None:
        grants.maybe(targets, prefix, f"{owner}not a policy document")
        return
    if isinstance(statements, Unknown):
        grants.maybe(targets, (*prefix, "Statement"),
                     f"{owner}Statement: {statements.reason}")
        return
    for index, statement in enumerate(statements):
        label = owner + (_label(statement, index) if isinstance(statement, Mapping)
                         else f"Statement[{index}]")
        statement_grants(statement, targets, (*prefix, "Statement", index), label, grants)


def policies_grants(value: Any, targets: frozenset[str]) -> Grants:
    """What the documents of a canonical `policies` list allow on every resource (paths
    `(i, "document", "Statement", j)`, labels `inline policy 'x': Statement[j]`)."""
    grants = Grants()
    items = as_list(value)
    if isinstance(items, Unknown):
        grants.maybe(targets, (), f"policies: {items.reason}")
        return grants
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            reason = item.reason if isinstance(item, Unknown) else "not a policy"
            grants.maybe(targets, (index,), f"policy: {reason}")
            continue
        name = item.get("name")
        owner = f"{item.get('source') or 'attached'} policy" + (
            f" '{name}'" if isinstance(name, str) and name else "") + ": "
        document_grants(item.get("document"), targets, grants, (index, "document"), owner)
    return grants


def any_allowed(grants: Grants, names: Mapping[str, str]) -> Verdict:
    """Fail at the first statement that allows one of the targets on every resource,
    naming every target it allows (`names`: lowercase -> documented spelling); unknown when
    one is only possible; else pass."""
    if grants.allowed:
        first_path, label = next(iter(grants.allowed.values()))
        listed = sorted(names[action] for action, (path, _) in grants.allowed.items()
                        if path == first_path)
        shown = ", ".join(listed[:SHOWN]) + (
            f" and {len(listed) - SHOWN} more" if len(listed) > SHOWN else "")
        return failed(first_path, f"{label} allows {shown} on *")
    if grants.possible:
        return unknown(grants.why_path, grants.why or None)
    return passed()


def document_verdict(document: Any, names: Mapping[str, str]) -> Verdict:
    """`any_allowed` on one policy document."""
    grants = Grants()
    document_grants(document, frozenset(names), grants)
    return any_allowed(grants, names)


def policies_verdict(value: Any, names: Mapping[str, str]) -> Verdict:
    """`any_allowed` on the documents of a canonical `policies` list."""
    return any_allowed(policies_grants(value, frozenset(names)), names)


def lowercase_names(actions: Iterable[str]) -> dict[str, str]:
    """Lowercase action -> the action as documented."""
    return {action.lower(): action for action in actions}
