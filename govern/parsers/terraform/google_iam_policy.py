"""`data "google_iam_policy"`: its `policy_data`, the IAM policy JSON the google provider
computes from the `binding` blocks (`{"bindings": [{"condition", "members", "role"}]}`,
members sorted). Only the bindings' members, roles and conditions are written (the audit
configs are not read by any rule)."""

from __future__ import annotations

import json
from typing import Any

from govern.model.unknown import Unknown
from govern.parsers.terraform.values import first_unknown

_CONDITION = ("description", "expression", "title")


def policy_data(bindings: Any, ref: str) -> str | Unknown:
    """The policy text, or Unknown when any binding is not known statically."""
    found = first_unknown(bindings)
    if found is not None:
        return Unknown(f"the IAM policy depends on an unknown value ({found.reason})", ref=ref)
    if bindings is None:
        bindings = []
    if not isinstance(bindings, list):
        return Unknown("the IAM policy's bindings are not a list", ref=ref)
    written: list[dict[str, Any]] = []
    for binding in bindings:
        if not isinstance(binding, dict):
            return Unknown("an IAM policy binding is not a block", ref=ref)
        members = binding.get("members")
        entry: dict[str, Any] = {
            "members": sorted(str(m) for m in members) if isinstance(members, list) else []}
        if binding.get("role") is not None:
            entry["role"] = str(binding["role"])
        condition = binding.get("condition")
        if isinstance(condition, list) and condition and isinstance(condition[0], dict):
            entry["condition"] = {key: str(value) for key, value in condition[0].items()
                                  if key in _CONDITION and value is not None}
        written.append(entry)
    return json.dumps({"bindings": written}, separators=(",", ":"))
