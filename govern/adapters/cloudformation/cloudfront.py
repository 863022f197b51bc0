"""CloudFront: `AWS::CloudFront::Distribution`, as in the Terraform adapter
(`DistributionConfig.DefaultCacheBehavior` then `CacheBehaviors` as `cache_behaviors`;
`custom_certificate` from `ViewerCertificate.AcmCertificateArn` / `IamCertificateId`;
`MinimumProtocolVersion` defaults to `TLSv1` with a custom certificate; `logging` from
`Logging`; `origins` from `Origins` and `OriginGroups`), and `AWS::Logs::DeliverySource`
of type `ACCESS_LOGS` folded into the distribution its `ResourceArn` refers to
(`access_log_delivery`; the distribution's `Ref`, its id, inside a `!Sub` ARN)."""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field, set_at, where
from govern.adapters.cloudformation.building import KindMapping
from govern.adapters.cloudformation.context import TemplateContext
from govern.adapters.cloudformation.values import mapped
from govern.adapters.cloudfront_origins import group_members, origin_entry, set_plain_http
from govern.adapters.reading import MISSING, blocks_in, value_at, value_in
from govern.adapters.terraform.cloudfront import KIND, finish_certificate, set_behaviors
from govern.model.resource import Resource
from govern.model.unknown import PartialString, Unknown, has_choices
from govern.parsers.native import NativeResource

_CONFIG = "DistributionConfig."


def _finish(resource: Resource, native: NativeResource) -> None:
    set_behaviors(resource, native, ("DistributionConfig", "DefaultCacheBehavior"),
                  ("DistributionConfig", "CacheBehaviors"),
                  {"path_pattern": "PathPattern",
                   "viewer_protocol_policy": "ViewerProtocolPolicy",
                   "target_origin_id": "TargetOriginId"})
    finish_certificate(resource, native, ("DistributionConfig", "ViewerCertificate"))
    _logging(resource, native)
    _origins(resource, native)


def _origins(resource: Resource, native: NativeResource) -> None:
    """`origins` from `Origins`, `plain_http` from the behaviors and `OriginGroups`
    (`govern.adapters.cloudfront_origins`)."""
    path = ("DistributionConfig", "Origins")
    entries = blocks_in(native.attributes, path)
    if isinstance(entries, Unknown):
        set_at(resource, "origins", entries, where(native, path, False))
        return
    origins = [_origin(entry) for entry in entries]
    for index in range(len(entries)):
        carry_locations(resource, native, (*path, index), ("origins", index))
    groups = value_at(native, ("DistributionConfig", "OriginGroups", "Items"))
    members = (groups if isinstance(groups, Unknown) else
               group_members(_group(group) for group in
                             (groups if isinstance(groups, list) else [])))
    set_plain_http(origins, members, resource.attributes.get("cache_behaviors"))
    set_at(resource, "origins", origins, where(native, path, False))


def _origin(entry: Any) -> Any:
    if isinstance(entry, Unknown) or not isinstance(entry, dict):
        return entry if isinstance(entry, Unknown) else Unknown("an origin is not known")
    custom = value_in(entry, "CustomOriginConfig")
    policy = custom if isinstance(custom, Unknown) else \
        _known(value_in(custom, "OriginProtocolPolicy"))
    return origin_entry(_known(value_in(entry, "Id")), _known(value_in(entry, "DomainName")),
                        policy, custom is not MISSING,
                        value_in(entry, "VpcOriginConfig") is not MISSING)


def _group(group: Any) -> tuple[Any, Any]:
    """(Id, member origin ids) of an `OriginGroups.Items` entry."""
    if isinstance(group, Unknown) or not isinstance(group, dict):
        unknown = group if isinstance(group, Unknown) else Unknown("an origin group")
        return unknown, unknown
    items = value_in(group, ("Members", "Items"))
    ids: Any = items if isinstance(items, Unknown) else [
        m if isinstance(m, Unknown) else _known(value_in(m, "OriginId"))
        for m in (items if isinstance(items, list) else [])]
    return _known(value_in(group, "Id")), ids


def _known(value: Any) -> Any:
    return None if value is MISSING else value


def _logging_block(config: Any) -> Any:
    if not isinstance(config, dict):
        return Unknown("Logging is not known statically")
    found: dict[str, Any] = {"enabled": True}
    for prop, name in (("Bucket", "bucket"), ("Prefix", "prefix")):
        value = value_in(config, prop)
        if value is not MISSING:
            found[name] = value
    return found


def _logging(resource: Resource, native: NativeResource) -> None:
    """`logging` from `DistributionConfig.Logging` (`{enabled: true, bucket, prefix}`)."""
    raw = value_at(native, ("DistributionConfig", "Logging"))
    if raw is MISSING:
        return
    value = mapped(raw, _logging_block)
    if isinstance(value, Unknown) and not has_choices(value):
        value = {"enabled": value}
    set_at(resource, "logging", value, where(native, ("DistributionConfig", "Logging"), False))
    for prop, name in (("Bucket", "bucket"), ("Prefix", "prefix")):
        carry_locations(resource, native, ("DistributionConfig", "Logging", prop),
                        ("logging", name))


MAPPINGS = {
    "AWS::CloudFront::Distribution": KindMapping(KIND, (
        field("acm_certificate", _CONFIG + "ViewerCertificate.AcmCertificateArn"),
        field("iam_certificate", _CONFIG + "ViewerCertificate.IamCertificateId"),
        field("minimum_protocol_version", _CONFIG + "ViewerCertificate.MinimumProtocolVersion"),
    ), _finish),
}


def fold_delivery_source(native: NativeResource, ctx: TemplateContext) -> None:
    """`AWS::Logs::DeliverySource`: `access_log_delivery` of the distribution its
    `ResourceArn` refers to, when its `LogType` is `ACCESS_LOGS` (or not known)."""
    log_type = value_at(native, "LogType")
    if isinstance(log_type, str) and log_type != "ACCESS_LOGS":
        return
    arn = value_at(native, "ResourceArn")
    # a distribution has no `Arn` attribute: its ARN is written with `!Sub` around its id
    parts = arn.parts if isinstance(arn, PartialString) else (arn,)
    found = [r for part in parts if isinstance(part, Unknown)
             for r in ctx.designated(part, [KIND], by_name=False)]
    if len(found) != 1:
        return
    ctx.absorb(native, found[0])
    enabled = log_type if isinstance(log_type, Unknown) else True
    set_at(found[0], "access_log_delivery", enabled, native.range)


FOLDERS = {
    "AWS::Logs::DeliverySource": fold_delivery_source,
}
