"""Normalizing IAM policy documents (see docs/canonical-model.md).

Every format hands documents over differently: Terraform as JSON text (a literal,
`jsonencode(...)` or `data.aws_iam_policy_document.X.json`), CloudFormation as a mapping,
live AWS as URL-encoded JSON. All of them end up here, in one shape:

- `Statement` is always a list of statements;
- `Action`, `NotAction`, `Resource`, `NotResource` are lists of strings;
- `Principal`/`NotPrincipal` is `"*"` or a mapping of principal type to a list;
- `Condition` maps operator -> key -> list of values.

A document that is Unknown, or that cannot be decoded, is Unknown. Unknown pieces inside a
document (a statement, an action list) stay Unknown where they are.
"""

from __future__ import annotations

import json
from typing import Any

from govern.model.unknown import PartialJson, Unknown

_LIST_KEYS = ("Action", "NotAction", "Resource", "NotResource")
_PRINCIPAL_KEYS = ("Principal", "NotPrincipal")
_STATEMENT_ORDER = ("Sid", "Effect", *_LIST_KEYS, *_PRINCIPAL_KEYS, "Condition")


def normalize_policy_document(value: Any) -> dict[str, Any] | Unknown:
    """The normalized form of a policy document given as JSON text or as a mapping (or as
    `jsonencode` of a mapping with unknown parts: those parts stay Unknown)."""
    if isinstance(value, PartialJson):
        value = value.structure
    if isinstance(value, Unknown):
        return value
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return Unknown("the policy document is not valid JSON")
    if not isinstance(value, dict):
        return Unknown("the policy document is not a JSON object")
    document: dict[str, Any] = {}
    for key in ("Version", "Id"):
        if key in value:
            document[key] = value[key]
    statements = value.get("Statement", [])
    if isinstance(statements, Unknown):
        document["Statement"] = statements
    else:
        if not isinstance(statements, list):
            statements = [statements]
        document["Statement"] = [_statement(s) for s in statements]
    return document


def _statement(value: Any) -> Any:
    if not isinstance(value, dict):
        return value if isinstance(value, Unknown) else Unknown("the statement is not an object")
    statement: dict[str, Any] = {}
    for key in _STATEMENT_ORDER:
        if key not in value or value[key] is None:
            continue
        item = value[key]
        if key in _LIST_KEYS:
            statement[key] = as_list(item)
        elif key in _PRINCIPAL_KEYS:
            statement[key] = _principal(item)
        elif key == "Condition":
            statement[key] = _condition(item)
        else:
            statement[key] = item
    return statement


def _principal(value: Any) -> Any:
    if isinstance(value, dict):
        return {kind: as_list(ids) for kind, ids in value.items()}
    return value  # "*" or Unknown


def _condition(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    return {
        operator: ({key: as_list(v) for key, v in tests.items()}
                   if isinstance(tests, dict) else tests)
        for operator, tests in value.items()
    }


def as_list(value: Any) -> Any:
    """A single value as a one-element list; lists and Unknown as they are."""
    if isinstance(value, (list, Unknown)):
        return value
    return [value]
