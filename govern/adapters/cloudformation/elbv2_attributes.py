"""`AWS::ElasticLoadBalancingV2::LoadBalancer`: `name`, `type` (default `application`),
`internal` (`Scheme` `internal`; `internet-facing` by default) and the
`LoadBalancerAttributes` key/value list read into `access_logs` (`access_logs.s3.*`),
`drop_invalid_header_fields` (`routing.http.drop_invalid_header_fields.enabled`, default
false), `deletion_protection` (`deletion_protection.enabled`, default false) and
`desync_mitigation_mode` (`routing.http.desync_mitigation_mode`, default `defensive`).
The live reader reads DescribeLoadBalancerAttributes with the same function
(`canonical_attributes`)."""

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
DELETION_PROTECTION = "deletion_protection.enabled"
DESYNC_MODE = "routing.http.desync_mitigation_mode"
DEFAULTS = {"drop_invalid_header_fields": False, "deletion_protection": False,
            "desync_mitigation_mode": "defensive"}
NOT_KNOWN = "the load balancer's attributes are not known statically"


def canonical_attributes(pairs: dict[str, Any]) -> dict[str, Any]:
    """`access_logs` and the DEFAULTS' attributes from the attributes `{Key: Value}`
    (values as strings or booleans); a key not given is left out."""
    found: dict[str, Any] = {}
    logs = {name: pairs[key] for key, name in ACCESS_LOGS.items() if key in pairs}
    if "enabled" in logs:
        logs["enabled"] = convert(logs["enabled"], to_bool)
        found["access_logs"] = {k: v for k, v in logs.items() if v != ""}
    if DROP_INVALID in pairs:
        found["drop_invalid_header_fields"] = convert(pairs[DROP_INVALID], to_bool)
    if DELETION_PROTECTION in pairs:
        found["deletion_protection"] = convert(pairs[DELETION_PROTECTION], to_bool)
    if DESYNC_MODE in pairs:
        found["desync_mitigation_mode"] = pairs[DESYNC_MODE]
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
        for name in DEFAULTS:
            set_at(resource, name, pairs, at)
        return
    for name, value in canonical_attributes(pairs).items():
        set_at(resource, name, value, at)
    for name, default in DEFAULTS.items():
        if name not in resource.attributes:
            set_default(resource, name, default)


MAPPINGS = {
    "AWS::ElasticLoadBalancingV2::LoadBalancer": KindMapping("aws.elbv2.load_balancer", (
        field("name", "Name"),
        field("type", "Type", default="application"),
        field("internal", "Scheme", function=is_internal, default=False),
    ), _finish_load_balancer),
}
