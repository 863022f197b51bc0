"""CloudFormation values as canonical values: booleans written as strings, canned ACL
names, `Tags` lists, and applying a conversion to each alternative of an Unknown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from govern.adapters.building import to_bool
from govern.adapters.reading import MISSING
from govern.model.unknown import Unknown, has_choices, map_choices

# AccessControl (CloudFormation) -> canned ACL (the S3 API and Terraform)
__all__ = ["CANNED_ACLS", "canned_acl", "mapped", "tag_map", "to_bool"]

CANNED_ACLS = {
    "Private": "private",
    "PublicRead": "public-read",
    "PublicReadWrite": "public-read-write",
    "AuthenticatedRead": "authenticated-read",
    "LogDeliveryWrite": "log-delivery-write",
    "BucketOwnerRead": "bucket-owner-read",
    "BucketOwnerFullControl": "bucket-owner-full-control",
    "AwsExecRead": "aws-exec-read",
}


def canned_acl(value: Any) -> Any:
    """`PublicRead` -> `public-read`; unknown names as they are."""
    return CANNED_ACLS.get(value, value) if isinstance(value, str) else value


def mapped(value: Any, function: Callable[[Any], Any]) -> Any:
    """`function(value)` for a known value; for an Unknown with alternatives, an Unknown
    with `function` applied to each alternative (`None`, "not set", stays `None`, and so
    does a result of MISSING); a plain Unknown or MISSING as it is."""
    if value is MISSING:
        return value
    if isinstance(value, Unknown):
        if not has_choices(value):
            return value
        return map_choices(value, lambda item: _present(
            None if item is None else mapped(item, function)))
    return function(value)


def _present(value: Any) -> Any:
    return None if value is MISSING else value


def tag_map(value: Any) -> Any:
    """A `Tags` list `[{Key, Value}]` (or a SAM-style map) as a canonical tag map, keys
    sorted; a tag whose value is null is not set. Unknown when a key is not known."""
    if isinstance(value, Unknown):
        return value.derived()
    if isinstance(value, dict):
        return dict(sorted((str(k), v) for k, v in value.items() if v is not None))
    if not isinstance(value, list):
        return Unknown("Tags is not a list of Key/Value pairs")
    tags: dict[str, Any] = {}
    for entry in value:
        if isinstance(entry, Unknown):
            return entry.derived()
        if not isinstance(entry, dict):
            return Unknown("Tags is not a list of Key/Value pairs")
        key = entry.get("Key")
        if isinstance(key, Unknown):
            return Unknown(f"a tag key is not known statically ({key.reason})", key.ref)
        if key is None or entry.get("Value") is None:
            continue
        tags[str(key)] = entry["Value"]
    return dict(sorted(tags.items()))
