"""Azure role definition permissions that allow an operation."""

from __future__ import annotations

from typing import Any

import pytest

from govern.engine.predicates import PREDICATES, PredicateContext
from govern.engine.predicates.azure_rbac import action_matches
from govern.engine.verdict import Verdict
from govern.model.graph import ResourceGraph
from govern.model.unknown import Unknown
from tests.engine.helpers import resource

CTX = PredicateContext(resource({}), ResourceGraph())
WRITE = "Microsoft.Authorization/roleDefinitions/write"


def allowing(value: Any, actions: list[str] | None = None) -> Verdict:
    return PREDICATES["azure_permission_not_allowing"](
        value, {"actions": actions or [WRITE]}, CTX)


@pytest.mark.parametrize(("pattern", "operation", "expected"), [
    ("*", WRITE, True),
    ("Microsoft.Authorization/*", WRITE, True),
    ("microsoft.authorization/roledefinitions/WRITE", WRITE, True),
    ("Microsoft.Authorization/*/write", WRITE, True),
    (" Microsoft.Authorization/roleDefinitions/* ", WRITE, True),
    ("*/write", WRITE, True),
    ("Microsoft.Authorization/*/read", WRITE, False),
    ("Microsoft.Authorization/roleAssignments/write", WRITE, False),
    ("Microsoft.Authorization/roleDefinitions/write/extra", WRITE, False),
    ("Microsoft.Authorization/role.efinitions/write", WRITE, False),
])
def test_action_matches(pattern: str, operation: str, expected: bool) -> None:
    assert action_matches(pattern, operation) is expected


@pytest.mark.parametrize(("value", "expected"), [
    ({"actions": ["Microsoft.Compute/*/read", "Microsoft.Authorization/*"], "not_actions": []},
     Verdict("fail", ("actions", 1), f"Microsoft.Authorization/* allows {WRITE}")),
    ({"actions": [WRITE.lower()]},
     Verdict("fail", ("actions", 0), f"{WRITE.lower()} allows {WRITE}")),
    ({"actions": ["Microsoft.Authorization/*"],
      "not_actions": ["Microsoft.Authorization/*/write"]}, Verdict("pass")),
    ({"actions": ["Microsoft.Authorization/*/read"]}, Verdict("pass")),
    ({"actions": []}, Verdict("pass")),
    ({}, Verdict("pass")),
    ({"actions": ["Microsoft.Compute/*", Unknown("var.extra")]},
     Verdict("unknown", ("actions",), "actions: var.extra")),
    ({"actions": Unknown("var.actions")},
     Verdict("unknown", ("actions",), "actions: var.actions")),
    ({"actions": ["*"], "not_actions": [Unknown("var.denied")]},
     Verdict("unknown", ("not_actions",), "not_actions: var.denied")),
    ({"actions": ["*"], "not_actions": [Unknown("var.denied"), "Microsoft.Authorization/*"]},
     Verdict("pass")),
    ({"actions": [WRITE, Unknown("var.extra")]},
     Verdict("fail", ("actions", 0), f"{WRITE} allows {WRITE}")),
    (None, Verdict("pass")),
    (Unknown("dynamic block"), Verdict("unknown", (), "permissions: dynamic block")),
    ("x", Verdict("unknown", (), "not a permissions entry")),
])
def test_azure_permission_not_allowing(value: Any, expected: Verdict) -> None:
    assert allowing(value) == expected


def test_second_operation() -> None:
    value = {"actions": ["Microsoft.Authorization/roleAssignments/*"]}
    assert allowing(value, [WRITE, "Microsoft.Authorization/roleAssignments/write"]) == Verdict(
        "fail", ("actions", 0),
        "Microsoft.Authorization/roleAssignments/* allows "
        "Microsoft.Authorization/roleAssignments/write")
