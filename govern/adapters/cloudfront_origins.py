"""CloudFront origins, shared by the Terraform and CloudFormation adapters and the live
reader: `origins` as `{id, domain_name, protocol_policy, plain_http}`.

`protocol_policy` is how CloudFront connects to the origin: a custom origin's
`origin_protocol_policy` (`http-only`, `https-only`, `match-viewer`); an S3 origin (no
custom or VPC origin configuration) always uses the viewer's protocol (`match-viewer`, as
the CloudFront developer guide states); a VPC origin's policy is set on the VPC origin,
not here (absent). `plain_http` says whether CloudFront can send the origin requests over
plain HTTP: always with `http-only`, never with `https-only`, and with `match-viewer` when
a cache behavior that targets the origin (directly or through an origin group holding it)
admits viewers over HTTP (`viewer_protocol_policy` `allow-all`). Unknown when a value that
decides is not known.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from govern.model.unknown import Unknown

MATCH_VIEWER = "match-viewer"
VPC_ORIGIN = "a VPC origin's protocol policy is set on the VPC origin"


def origin_entry(origin_id: Any, domain_name: Any, custom_policy: Any, custom: bool,
                 vpc: bool) -> dict[str, Any]:
    """One origin, before `plain_http` (`custom_policy` is the custom origin's protocol
    policy; `custom` / `vpc` say which configuration the origin has)."""
    entry: dict[str, Any] = {"id": origin_id, "domain_name": domain_name}
    if custom:
        entry["protocol_policy"] = custom_policy
    elif not vpc:
        entry["protocol_policy"] = MATCH_VIEWER
    return {key: value for key, value in entry.items() if value is not None}


def set_plain_http(origins: list[Any], groups: dict[str, list[Any]] | Unknown,
                   behaviors: Any) -> None:
    """`plain_http` of each origin entry, from the cache behaviors (`target_origin_id`,
    `viewer_protocol_policy`) and the origin groups (group id -> member origin ids)."""
    for origin in origins:
        if not isinstance(origin, dict):
            continue
        policy = origin.get("protocol_policy")
        if policy is None:
            origin["plain_http"] = Unknown(VPC_ORIGIN)
        elif isinstance(policy, Unknown):
            origin["plain_http"] = policy
        elif policy != MATCH_VIEWER:
            origin["plain_http"] = policy == "http-only"
        else:
            origin["plain_http"] = _viewers_over_http(origin.get("id"), groups, behaviors)


def _viewers_over_http(origin_id: Any, groups: dict[str, list[Any]] | Unknown,
                       behaviors: Any) -> Any:
    if isinstance(origin_id, Unknown):
        return origin_id
    if isinstance(behaviors, Unknown):
        return behaviors
    undecided: Unknown | None = None
    for behavior in behaviors if isinstance(behaviors, list) else ():
        if not isinstance(behavior, dict):
            undecided = undecided or (behavior if isinstance(behavior, Unknown)
                                      else Unknown("a cache behavior is not known"))
            continue
        reaches = _targets(behavior.get("target_origin_id"), origin_id, groups)
        policy = behavior.get("viewer_protocol_policy")
        if reaches is False:
            continue
        if isinstance(policy, Unknown):
            undecided = undecided or policy
        elif policy == "allow-all":
            if reaches is True:
                return True
            undecided = undecided or reaches
    return undecided if undecided is not None else False


def _targets(target: Any, origin_id: str, groups: dict[str, list[Any]] | Unknown) -> Any:
    """Whether a behavior's `target_origin_id` reaches the origin: True, False or an
    Unknown."""
    if isinstance(target, Unknown):
        return target
    if target == origin_id:
        return True
    if isinstance(groups, Unknown):
        return groups
    members = groups.get(str(target))
    if members is None:
        return False
    if any(member == origin_id for member in members):
        return True
    unknown = next((m for m in members if isinstance(m, Unknown)), None)
    return unknown if unknown is not None else False


def group_members(entries: Iterable[tuple[Any, Any]]) -> dict[str, list[Any]] | Unknown:
    """Group id -> member origin ids, from (group id, member ids) pairs; Unknown when a
    group id or its member list is not known."""
    groups: dict[str, list[Any]] = {}
    for group_id, members in entries:
        if isinstance(group_id, Unknown):
            return group_id
        if isinstance(members, Unknown):
            return members
        groups[str(group_id)] = list(members)
    return groups
