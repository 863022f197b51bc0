"""The canonical `policies` list of IAM roles, users and groups, shared by every format:
entries `{source: "inline"|"managed", name, arn, document}`."""

from __future__ import annotations

from typing import Any

from govern.model.resource import Resource
from govern.model.source import SourceRange
from govern.model.unknown import Unknown


def managed_unknown(arn: Any) -> dict[str, Any]:
    """A `policies` entry for a managed policy govern cannot read (not defined in this
    configuration, or its ARN is not known)."""
    reason = arn if isinstance(arn, Unknown) else Unknown("the policy ARN is not known")
    return {"source": "managed", "arn": arn,
            "document": Unknown(f"attached policy not known statically ({reason.reason})",
                                ref=reason.ref)}


def add_policy(holder: Resource, entry: Any, entry_at: SourceRange | None,
               document_at: SourceRange | None) -> None:
    """Append `entry` to the identity's canonical `policies`, with its locations."""
    policies = holder.attributes.setdefault("policies", [])
    policies.append(entry)
    index = len(policies) - 1
    if entry_at is not None:
        holder.locations[("policies", index)] = entry_at
    if document_at is not None:
        holder.locations[("policies", index, "document")] = document_at


def clone(value: Any) -> Any:
    """A deep copy of a plain document (dicts and lists), so identities never share one."""
    if isinstance(value, dict):
        return {k: clone(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clone(v) for v in value]
    return value
