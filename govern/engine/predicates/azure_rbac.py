"""Azure RBAC role definitions: does a permission allow a given control-plane action?

Azure matches an action pattern against an operation name case-insensitively, and `*`
in a pattern stands for any run of characters (`Microsoft.Authorization/*`,
`Microsoft.Storage/*/read`, `*`). A permission allows an operation when one of its
`actions` matches it and none of its `not_actions` does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from govern.engine.predicates.base import ArgSpec, PredicateContext, as_list
from govern.engine.predicates.base import predicate as declare
from govern.engine.verdict import Verdict, failed, passed, unknown
from govern.model.unknown import Unknown


@lru_cache(maxsize=1024)
def _pattern(text: str) -> re.Pattern[str]:
    parts = (re.escape(part) for part in text.strip().split("*"))
    return re.compile(".*".join(parts), re.IGNORECASE | re.DOTALL)


def action_matches(pattern: str, operation: str) -> bool:
    """Whether an Azure action pattern (`Microsoft.Authorization/*`) covers `operation`."""
    return _pattern(pattern).fullmatch(operation.strip()) is not None


def _matching(values: Any, operation: str, key: str) -> tuple[list[tuple[int, str]], str]:
    """The patterns of `values` (index, text) that cover `operation`, and why the answer
    is not complete (an Unknown list or element), or ""."""
    items = as_list(values)
    if isinstance(items, Unknown):
        return [], f"{key}: {items.reason}"
    hits = [(index, item.strip()) for index, item in enumerate(items)
            if isinstance(item, str) and action_matches(item, operation)]
    why = next((f"{key}: {item.reason}" for item in items if isinstance(item, Unknown)), "")
    return hits, why


def azure_permission_not_allowing(value: Any, args: Mapping[str, Any],
                                  ctx: PredicateContext) -> Verdict:
    """A role definition's permission does not allow any of `actions` (operation names).

    `value` is one canonical `permissions` entry `{actions, not_actions, ...}`. Fails when
    a pattern of `actions` covers one of the operations (case-insensitive, `*` matching any
    run of characters) and no pattern of `not_actions` covers it. Unknown `actions` or
    `not_actions` that could change the answer give unknown. Path: the matching action.
    Detail: `Microsoft.Authorization/* allows Microsoft.Authorization/roleDefinitions/write`.
    """
    if value is None:
        return passed()
    if isinstance(value, Unknown):
        return unknown((), f"permissions: {value.reason}")
    if not isinstance(value, Mapping):
        return unknown((), "not a permissions entry")
    undecided: Verdict | None = None
    for operation in args["actions"]:
        hits, why = _matching(value.get("actions"), operation, "actions")
        if not hits:
            if why and undecided is None:
                undecided = unknown(("actions",), why)
            continue
        excluded, excluded_why = _matching(value.get("not_actions"), operation, "not_actions")
        if excluded:
            continue
        if excluded_why:
            undecided = undecided or unknown(("not_actions",), excluded_why)
            continue
        index, pattern = hits[0]
        return failed(("actions", index), f"{pattern} allows {operation}")
    return undecided or passed()


PREDICATES = (declare(azure_permission_not_allowing, actions=ArgSpec("strings", required=True)),)
