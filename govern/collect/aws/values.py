"""Canonical values of the live AWS readers: optional values, the Unknown a failed call
leaves (plain, or "maybe absent" for values whose absence means something), tags in the
shapes the APIs answer them, and resource policies normalized as the adapters do."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from govern.adapters.iam_document import normalize_policy_document
from govern.collect.aws.reader import Failed
from govern.model.resource import Resource
from govern.model.unknown import Unknown

Tags = dict[str, str]


def set_optional(resource: Resource, path: str, value: Any) -> None:
    """Sets `path` unless the answer has no value for it (None or an empty string): absent,
    as in a template that does not write it."""
    if value is not None and value != "":
        resource.set(path, value)


def set_unknown(resource: Resource, unknown: Unknown, *paths: str) -> None:
    """What a failed call would have given, for values the answer always has: Unknown."""
    for path in paths:
        resource.set(path, unknown)


def maybe_absent(unknown: Unknown) -> Unknown:
    """Unknown whether the value is set at all. A plain Unknown counts as set, so `op:
    exists` would pass on it (a key from a template variable is named); with the
    alternatives "some value" and "absent" the engine gives unknown, never a pass."""
    return Unknown(unknown.reason, alternatives=(unknown, None))


def set_maybe_absent(resource: Resource, unknown: Unknown, *paths: str) -> None:
    """What a failed call would have given, for values that may be absent (a KMS key, a
    policy): `maybe_absent(unknown)`."""
    for path in paths:
        resource.set(path, maybe_absent(unknown))


def tag_map(tags: Any) -> Tags:
    """`[{"Key": k, "Value": v}, ...]` as the canonical `{k: v}`."""
    return {str(t["Key"]): str(t.get("Value", "")) for t in tags or ()}


def lower_case_tags(tags: Any) -> Tags:
    """`[{"key": k, "value": v}, ...]` (CodeBuild) as the canonical `{k: v}`."""
    return {str(t["key"]): str(t.get("value", "")) for t in tags or ()}


def string_tags(tags: Mapping[str, Any] | None) -> Tags:
    """Tags answered as a `{key: value}` map (SQS, EKS, API Gateway, ...) as the canonical
    map."""
    return {str(key): str(value) for key, value in (tags or {}).items()}


def set_tags(resource: Resource, answer: dict[str, Any] | Failed | None,
             tags_of: Callable[[dict[str, Any]], Tags]) -> None:
    """`tags` from a tag listing's answer: Unknown when the call failed, an empty map when
    none are configured."""
    if isinstance(answer, Failed):
        resource.set("tags", answer.unknown)
    else:
        resource.set("tags", tags_of(answer or {}))


def set_policy(resource: Resource, document: Any) -> None:
    """A resource policy (JSON text) normalized as the adapters do; absent when none."""
    if document:
        resource.set("policy", normalize_policy_document(document))
