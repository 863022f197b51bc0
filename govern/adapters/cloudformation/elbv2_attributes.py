"""`AWS::ElasticLoadBalancingV2::LoadBalancer`: `name`, `type` (default `application`),
`internal` (`Scheme` `internal`; `internet-facing` by default) and
the `LoadBalancerAttributes` key/value list read into `access_logs` (`access_logs.s3.*`)
and `drop_invalid_header_fields` (`routing.http.drop_invalid_header_fields.enabled`,
default false). The live reader reads DescribeLoadBalancerAttributes with the same
function (`canonical_attributes`)."""

from __future__ import annotations

from typing import Any

from govern.adapters.building import convert, field, set_at, set_default, to_bool, where
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.reading import MISSING, value_at, value_in
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

ACCESS_LOGS = {"access_logs.s3.enabled": "enabled", "access_logs.s3.bucket": "bucket",
               "access_logs.s3.prefix": "prefix"}
DROP_INVALID = "routing.http.drop_invalid_header_fields.enabled"
NOT_KNOWN = "the load balancer's attributes are not known statically"


def canonical_attributes(pairs: dict[str, Any]) -> dict[str, Any]:
    """`{access_logs, drop_invalid_header_fields}` from the attributes `{Key: Value}`
    (values as strings or booleans); a key not given is left out."""
    found: dict[str, Any] = {}
    logs = {name: pairs[key] for key, name in ACCESS_LOGS.items() if key in pairs}
    if "enabled" in logs:
        logs["enabled"] = convert(logs["enabled"], to_bool)
        found["access_logs"] = {k: v for k, v in logs.items() if v != ""}
    if DROP_INVALID in pairs:
        found["drop_invalid_header_fields"] = convert(pairs[DROP_INVALID], to_bool)
    return found


def is_internal(scheme: Any) -> Any:
    """`Scheme` (`internal` or `internet-facing`) as the canonical `internal`."""
    return convert(scheme, lambda value: value == "internal")


def _pairs(native: NativeResource) -> dict[str, Any] | Unknown:
    items = value_at(native, "LoadBalancerAttributes")
    if items is MISSING:
        return {}
    if not isinstance(items, list):
        return Unknown(NOT_KNOWN)
    pairs: dict[str, Any] = {}
    for item in items:
        key = value_in(item, "Key")
        if not isinstance(key, str):
            return Unknown(NOT_KNOWN)
        value = value_in(item, "Value")
        pairs[key] = None if value is MISSING else value
    return pairs


def _finish_load_balancer(resource: Resource, native: NativeResource) -> None:
    pairs = _pairs(native)
    at = where(native, "LoadBalancerAttributes", folded=False)
    if isinstance(pairs, Unknown):
        set_at(resource, "access_logs", {"enabled": pairs}, at)
        set_at(resource, "drop_invalid_header_fields", pairs, at)
        return
    for name, value in canonical_attributes(pairs).items():
        set_at(resource, name, value, at)
    if "drop_invalid_header_fields" not in resource.attributes:
        set_default(resource, "drop_invalid_header_fields", False)


MAPPINGS = {
    "AWS::ElasticLoadBalancingV2::LoadBalancer": KindMapping("aws.elbv2.load_balancer", (
        field("name", "Name"),
        field("type", "Type", default="application"),
        field("internal", "Scheme", function=is_internal, default=False),
    ), _finish_load_balancer),
}
