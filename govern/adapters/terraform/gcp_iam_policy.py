"""The bindings of a Google IAM policy's `policy_data` (the authoritative
`google_*_iam_policy` resources): the JSON the provider's `data.google_iam_policy`
computes (the parser writes it, `govern/parsers/terraform/google_iam_policy.py`), text
written in the configuration (`jsonencode(...)`), or the string of a plan's values."""

from __future__ import annotations

import json
from typing import Any

from govern.adapters.reading import MISSING, value_at
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def policy_bindings(policy: Any) -> list[Any]:
    """`{role, members}` of each binding of an IAM policy's `policy_data` (JSON text), in
    order, with `condition` (its title, or an Unknown when it has none) when the binding is
    conditional; or one Unknown when the policy is not known or cannot be read. A binding
    that is not an object is an Unknown; one without a `role` has none."""
    if isinstance(policy, Unknown):
        return [policy]
    try:
        document = json.loads(policy) if isinstance(policy, str) else policy
    except ValueError:
        return [Unknown("policy_data is not JSON")]
    bindings = document.get("bindings", []) if isinstance(document, dict) else None
    if not isinstance(bindings, list):
        return [Unknown("policy_data has no list of bindings")]
    found: list[Any] = []
    for binding in bindings:
        if not isinstance(binding, dict):
            found.append(Unknown("a policy_data binding is not an object"))
            continue
        members = binding.get("members", [])
        entry: dict[str, Any] = {}
        if "role" in binding:
            entry["role"] = binding["role"]
        entry["members"] = members if isinstance(members, list) else [members]
        condition = binding.get("condition")
        if condition is not None:
            title = condition.get("title") if isinstance(condition, dict) else None
            entry["condition"] = title if isinstance(title, str) else Unknown(
                "the binding's condition has no title")
        found.append(entry)
    return found


def iam_members(native: NativeResource) -> tuple[Any, str]:
    """The members a resource-level IAM binding or member resource grants
    (`google_*_iam_binding` `members`, `google_*_iam_member` `member` as a one-element
    list), and the native attribute they came from."""
    if native.native_type.endswith("_iam_member"):
        member = value_at(native, "member")
        return ([] if member is MISSING else [member]), "member"
    members = value_at(native, "members")
    if members is MISSING:
        return [], "members"
    if isinstance(members, (list, Unknown)):
        return members, "members"
    return [members], "members"

