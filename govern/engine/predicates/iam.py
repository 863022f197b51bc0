"""IAM policy documents: administrator access, full access to a service, public trust,
and identities with policies of their own.

Documents are in the normalized form of docs/canonical-model.md (`Statement` a list, single
strings as one-element lists); single strings and a single statement are accepted too.

Choices:
- A statement grants admin when it `Allow`s every action on every resource: `Action` holds
  `*` (or `*:*`) and `Resource` holds `*`. `NotAction` with `Allow` counts as every action
  (it grants everything except a list, including every future action), and `NotResource`
  with `Allow` counts as every resource. A `Condition` does not change this: it limits who
  and when, not what.
- A statement grants full access to a service when it `Allow`s a service-wide wildcard
  action (`s3:*`, `ec2:*`: a service prefix followed by `:*`, any case) on every resource
  (`Resource` holds `*`, or `NotResource` is used). `*` and `*:*` are not service wildcards:
  they are the admin case above, reported by the admin predicates, so one statement is not
  reported twice for the same grant. A statement with `NotAction` (and no `Action`) is
  left to the admin predicates too (it counts as every action). Narrower wildcards
  (`s3:Get*`) and ARN patterns in `Resource` (`arn:aws:s3:::*`) are not judged.
- A trust policy is public when an `Allow` statement names the principal `*` (or any
  principal value containing `*`, e.g. `{"AWS": ["*"]}`), or uses `NotPrincipal`, and has
  no `Condition` that restricts it. A condition restricts unless it is empty (`{}`, or
  operators without keys or values) or each of its tests matches every value: a test under
  a wildcard operator (`StringLike`, `ArnLike`, `ArnEquals`, with or without
  `ForAnyValue:`/`ForAllValues:` and `IfExists`) one of whose values is only `*`. Tests are
  ANDed, so one real test (`aws:SourceArn` = a specific ARN, `aws:PrincipalOrgID` =
  `o-...`) restricts the statement; beyond that govern does not judge how strong a
  condition is (a `StringLike` on `*` still requires the key to be present, which is not
  taken as a restriction).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from govern.engine.predicates.base import Part, PredicateContext, Tri, as_list, combine
from govern.engine.predicates.base import predicate as declare
from govern.engine.predicates.iam_conditions import condition_restricts
from govern.engine.verdict import Verdict, failed, passed, unknown
from govern.model.resource import Path
from govern.model.unknown import PartialString, Unknown

ADMIN_ACTIONS = frozenset({"*", "*:*"})
ANY_RESOURCE = frozenset({"*"})
ADMIN_POLICY_ARN = re.compile(r"^arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess$")
SERVICE_WILDCARD = re.compile(r"^[a-z0-9-]+:\*$", re.IGNORECASE)

DocumentCheck = Callable[[Any], Verdict]  # a statement or a document -> verdict


def _holds(values: Any, key: str, match: frozenset[str]) -> Part:
    """Does the list at `key` hold one of `match`?"""
    items = as_list(values)
    if isinstance(items, Unknown):
        return Part(None, path=(key,), why=f"{key}: {items.reason}")
    why = ""
    for item in items:
        if isinstance(item, Unknown):
            why = why or f"{key}: {item.reason}"
        elif isinstance(item, str) and item.strip() in match:
            return Part(True)
    return Part(None, path=(key,), why=why) if why else Part(False)


def _effect_allows(statement: Mapping[str, Any]) -> Part:
    effect = statement.get("Effect")
    if isinstance(effect, Unknown):
        return Part(None, path=("Effect",), why=f"Effect: {effect.reason}")
    return Part(effect == "Allow")


def _statements(document: Any) -> list[Any] | Unknown | None:
    """The statements of a document, or None when it is not a policy document."""
    if not isinstance(document, Mapping):
        return None
    statements = document.get("Statement")
    if isinstance(statements, Mapping):
        return [statements]
    return as_list(statements)


def _label(statement: Mapping[str, Any], index: int) -> str:
    sid = statement.get("Sid")
    return f"statement '{sid}'" if isinstance(sid, str) and sid else f"Statement[{index}]"


def statement_grants_admin(statement: Any) -> Verdict:
    """Fail when one statement allows every action on every resource (see module doc)."""
    if isinstance(statement, Unknown):
        return unknown((), f"statement: {statement.reason}")
    if not isinstance(statement, Mapping):
        return unknown((), "not a policy statement")
    action, action_text = _scope(statement, "Action", ADMIN_ACTIONS, "action")
    resource, resource_text = _scope(statement, "Resource", ANY_RESOURCE, "resource")
    return combine((_effect_allows(statement), action, resource),
                   f"allows {action_text} on {resource_text}")


def _scope(statement: Mapping[str, Any], key: str, everything: frozenset[str],
           noun: str) -> tuple[Part, str]:
    """Does `key` (or its `Not` form, which always counts as broad) cover everything?"""
    if key in statement:
        return _holds(statement[key], key, everything), "*"
    negated = statement.get(f"Not{key}")
    if negated is None:
        return Part(False), ""
    items = as_list(negated)
    listed = "unknown values" if isinstance(items, Unknown) else ", ".join(
        str(i) for i in items if isinstance(i, str)) or "nothing"
    return Part(True), f"every {noun} except {listed}"


def statement_grants_full_service_access(statement: Any) -> Verdict:
    """Fail when one statement allows a service-wide wildcard action (`s3:*`) on every
    resource (see module doc)."""
    if isinstance(statement, Unknown):
        return unknown((), f"statement: {statement.reason}")
    if not isinstance(statement, Mapping):
        return unknown((), "not a policy statement")
    if "Action" not in statement:
        return passed()  # NotAction (every action) is the admin predicates' case
    actions = _service_wildcards(statement["Action"])
    resource, resource_text = _scope(statement, "Resource", ANY_RESOURCE, "resource")
    return combine((_effect_allows(statement), actions, resource),
                   f"allows {actions.text} on {resource_text}")


def _service_wildcards(values: Any) -> Part:
    """The service-wide wildcard actions of an `Action` list (text: them, comma-separated)."""
    items = as_list(values)
    if isinstance(items, Unknown):
        return Part(None, path=("Action",), why=f"Action: {items.reason}")
    found = [item.strip() for item in items
             if isinstance(item, str) and SERVICE_WILDCARD.match(item.strip())]
    if found:
        return Part(True, ", ".join(found))
    why = next((f"Action: {item.reason}" for item in items if isinstance(item, Unknown)), "")
    return Part(None, path=("Action",), why=why) if why else Part(False)


def document_grants_admin(document: Any) -> Verdict:
    """Fail (at `("Statement", i)`) when a statement of the document grants admin; None or
    a document without statements passes; an Unknown document or statement list is unknown."""
    return first_failing_statement(document, statement_grants_admin)


def document_grants_full_service_access(document: Any) -> Verdict:
    """As `document_grants_admin`, for full access to a service (`s3:*` on `*`)."""
    return first_failing_statement(document, statement_grants_full_service_access)


def first_failing_statement(document: Any, check: DocumentCheck) -> Verdict:
    """Fail (at `("Statement", i)`, the detail prefixed with the statement's Sid or index)
    at the first statement `check` fails; else unknown at the first unknown one; None or a
    document without statements passes; an Unknown document or statement list is unknown."""
    if document is None:
        return passed()
    if isinstance(document, Unknown):
        return unknown((), f"document: {document.reason}")
    statements = _statements(document)
    if statements is None:
        return unknown((), "not a policy document")
    if isinstance(statements, Unknown):
        return unknown(("Statement",), f"Statement: {statements.reason}")
    first_unknown: Verdict | None = None
    for index, statement in enumerate(statements):
        verdict = check(statement)
        where: Path = ("Statement", index)
        if verdict.status == "fail":
            label = _label(statement, index)
            return failed(where + verdict.path, f"{label} {verdict.detail}")
        if verdict.status == "unknown" and first_unknown is None:
            first_unknown = verdict.under(where)
    return first_unknown or passed()


def iam_document_not_admin(value: Any, args: Mapping[str, Any],
                           ctx: PredicateContext) -> Verdict:
    """An IAM policy document does not grant administrator access (`*` on `*`).

    Detail names the statement by Sid or index: `statement 'Admin' allows * on *`.
    """
    return document_grants_admin(value)


def iam_document_no_full_service_access(value: Any, args: Mapping[str, Any],
                                        ctx: PredicateContext) -> Verdict:
    """An IAM policy document does not grant full access to a service (`s3:*`) on every
    resource.

    Only service-wide wildcards count: `*` on `*` is `iam_document_not_admin`'s case, and a
    `NotAction` statement counts as every action there. Detail names the statement and the
    actions: `Statement[0] allows ec2:*, s3:* on *`.
    """
    return document_grants_full_service_access(value)


def iam_policies_not_admin(value: Any, args: Mapping[str, Any],
                           ctx: PredicateContext) -> Verdict:
    """None of a role's, user's or group's policies grants administrator access.

    `value` is the canonical `policies` list (`{source, name, document}` items). Detail:
    `inline policy 'ops': statement 'All' allows * on *`.
    """
    return first_failing_policy(value, document_grants_admin)


def iam_policies_no_full_service_access(value: Any, args: Mapping[str, Any],
                                        ctx: PredicateContext) -> Verdict:
    """None of a role's, user's or group's policies grants full access to a service
    (`s3:*`) on every resource.

    As `iam_document_no_full_service_access`, for each document of the canonical
    `policies` list. Detail: `inline policy 'ops': Statement[0] allows ec2:*, s3:* on *`.
    """
    return first_failing_policy(value, document_grants_full_service_access)


def iam_policies_empty(value: Any, args: Mapping[str, Any],
                       ctx: PredicateContext) -> Verdict:
    """A user's, role's or group's `policies` list is empty: no inline or attached policy.

    Fails (at the first policy) when a known entry is there, whatever its document; a list
    holding only Unknown entries, or an Unknown list, is unknown. Detail names the
    policies: `inline policy 'excess', managed policy 'ReadOnlyAccess'`.
    """
    items = as_list(value)
    if isinstance(items, Unknown):
        return unknown((), f"policies: {items.reason}")
    known = [(index, item) for index, item in enumerate(items) if isinstance(item, Mapping)]
    if known:
        return failed((known[0][0],), ", ".join(_policy_label(item) for _, item in known))
    if items:
        first = items[0]
        reason = first.reason if isinstance(first, Unknown) else "not a policy"
        return unknown((0,), f"policy: {reason}")
    return passed()


def _policy_label(item: Mapping[str, Any]) -> str:
    name = item.get("name")
    return f"{item.get('source') or 'attached'} policy" + (
        f" '{name}'" if isinstance(name, str) and name else "")


def first_failing_policy(value: Any, check: DocumentCheck) -> Verdict:
    """Fail at the first entry of a `policies` list whose document `check` fails (the
    detail prefixed with the policy's label), else unknown at the first unknown one."""
    items = as_list(value)
    if isinstance(items, Unknown):
        return unknown((), f"policies: {items.reason}")
    first_unknown: Verdict | None = None
    for index, item in enumerate(items):
        if isinstance(item, Unknown):
            first_unknown = first_unknown or unknown((index,), f"policy: {item.reason}")
            continue
        if not isinstance(item, Mapping):
            first_unknown = first_unknown or unknown((index,), "not a policy")
            continue
        verdict = check(item.get("document"))
        where: Path = (index, "document")
        label = _policy_label(item)
        if verdict.status == "fail":
            return failed(where + verdict.path, f"{label}: {verdict.detail}")
        if verdict.status == "unknown" and first_unknown is None:
            detail = f"{label}: {verdict.detail}" if verdict.detail else label
            first_unknown = Verdict("unknown", where + verdict.path, detail)
    return first_unknown or passed()


def iam_managed_arns_not_admin(value: Any, args: Mapping[str, Any],
                               ctx: PredicateContext) -> Verdict:
    """A list of managed policy ARNs does not attach AWS's `AdministratorAccess` policy (in
    any partition). Detail: `attaches arn:aws:iam::aws:policy/AdministratorAccess`."""
    items = as_list(value)
    if isinstance(items, Unknown):
        return unknown((), f"managed_policy_arns: {items.reason}")
    first_unknown: Verdict | None = None
    for index, arn in enumerate(items):
        if isinstance(arn, Unknown):
            first_unknown = first_unknown or unknown((index,), f"policy ARN: {arn.reason}")
        elif isinstance(arn, str) and ADMIN_POLICY_ARN.match(arn.strip()):
            return failed((index,), f"attaches {arn.strip()}")
    return first_unknown or passed()


def _principal_is_public(statement: Mapping[str, Any]) -> Part:
    if "NotPrincipal" in statement:
        return Part(True, "every principal but NotPrincipal", ("NotPrincipal",))
    principal = statement.get("Principal")
    where: Path = ("Principal",)
    if isinstance(principal, Unknown):
        return Part(None, path=where, why=f"Principal: {principal.reason}")
    values: list[Any] = []
    if isinstance(principal, Mapping):
        for entries in principal.values():
            listed = as_list(entries)
            values.extend([listed] if isinstance(listed, Unknown) else listed)
    else:
        values = [principal] if principal is not None else []
    state: Tri = False
    why = ""
    for entry in values:
        if isinstance(entry, PartialString) and entry.text("").strip():
            continue  # a named principal: IAM accepts no wildcard inside an ARN or name
        if isinstance(entry, Unknown):
            state, why = None, why or f"Principal: {entry.reason}"
        elif isinstance(entry, str) and "*" in entry:
            return Part(True, f"principal {entry.strip()}", where)
    return Part(state, path=where, why=why)


def _unconditioned(statement: Mapping[str, Any]) -> Part:
    restricts = condition_restricts(statement.get("Condition"))
    if restricts.state is None:
        return restricts
    return Part(not restricts.state)


def iam_trust_not_public(value: Any, args: Mapping[str, Any],
                         ctx: PredicateContext) -> Verdict:
    """A trust policy (or another resource policy, e.g. a bucket policy) does not admit
    anyone.

    Fails for an `Allow` statement whose principal is `*` (or contains `*`), or that uses
    `NotPrincipal`, without a condition that restricts who it admits: fixed values of a
    caller, source or network key (`govern/engine/predicates/iam_conditions.py`). Detail:
    `Statement[0] allows principal * without a condition restricting who`.
    """
    if value is None:
        return passed()
    if isinstance(value, Unknown):
        return unknown((), f"trust policy: {value.reason}")
    statements = _statements(value)
    if statements is None:
        return unknown((), "not a policy document")
    if isinstance(statements, Unknown):
        return unknown(("Statement",), f"Statement: {statements.reason}")
    first_unknown: Verdict | None = None
    for index, statement in enumerate(statements):
        where: Path = ("Statement", index)
        if isinstance(statement, Unknown) or not isinstance(statement, Mapping):
            first_unknown = first_unknown or unknown(where, "statement is not known")
            continue
        principal = _principal_is_public(statement)
        label = _label(statement, index)
        verdict = combine((_effect_allows(statement), principal, _unconditioned(statement)),
                          f"{label} allows {principal.text} without a condition restricting "
                          f"who")
        if verdict.status == "fail":
            return verdict.under(where)
        if verdict.status == "unknown" and first_unknown is None:
            first_unknown = verdict.under(where)
    return first_unknown or passed()


PREDICATES = (
    declare(iam_document_not_admin),
    declare(iam_policies_not_admin),
    declare(iam_document_no_full_service_access),
    declare(iam_policies_no_full_service_access),
    declare(iam_policies_empty),
    declare(iam_managed_arns_not_admin),
    declare(iam_trust_not_public),
)
