"""CloudFront: `aws_cloudfront_distribution`.

`cache_behaviors` lists the `default_cache_behavior` first (without `path_pattern`), then
every `ordered_cache_behavior`, as `{path_pattern, viewer_protocol_policy}` (the keys that
are set). `custom_certificate` is true when the viewer certificate is an ACM or IAM
certificate (a value known only after apply counts), false otherwise (the
`*.cloudfront.net` certificate). `minimum_protocol_version` defaults to `TLSv1` with a
custom certificate (the provider's and CloudFront's default) and is left absent with the
CloudFront certificate, whose protocols cannot be chosen. `logging` is the
`logging_config` block; `origins` are the `origin` blocks, with `plain_http` judged from
the behaviors (`govern.adapters.cloudfront_origins`). An
`aws_cloudwatch_log_delivery_source` of type `ACCESS_LOGS` whose `resource_arn` refers to
a distribution of the configuration sets its `access_log_delivery` (a source naming
another kind of resource is left alone).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, copy, field, set_at, set_default, where
from govern.adapters.cloudfront_origins import group_members, origin_entry, set_plain_http
from govern.adapters.reading import MISSING, blocks_in, first_block, value_at, value_in
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "aws.cloudfront.distribution"
DEFAULT_MIN_VERSION = "TLSv1"


def set_behaviors(resource: Resource, native: NativeResource, default: Path,
                  ordered: Path, keys: dict[str, str]) -> None:
    """`cache_behaviors` from the default behavior at `default` and the list at `ordered`;
    `keys` maps canonical keys to native ones (shared with CloudFormation)."""
    entries: list[Any] = []
    set_at(resource, "cache_behaviors", entries, None)
    sources: list[tuple[Path, Any]] = []
    first = blocks_in(native.attributes, default)
    if isinstance(first, Unknown):
        sources.append((default, first))
    elif first:
        written_as_list = isinstance(value_in(native.attributes, default), list)
        sources.append(((*default, 0) if written_as_list else default, first[0]))
    others = blocks_in(native.attributes, ordered)
    if isinstance(others, Unknown):
        sources.append((ordered, others))
    else:
        sources.extend(((*ordered, index), block) for index, block in enumerate(others))
    for index, (native_path, block) in enumerate(sources):
        if isinstance(block, Unknown) or not isinstance(block, dict):
            entries.append(block if isinstance(block, Unknown) else Unknown("not a block"))
            continue
        entries.append({canonical: value for canonical, name in keys.items()
                        if (value := value_in(block, name)) is not MISSING})
        carry_locations(resource, native, native_path, ("cache_behaviors", index))


def finish_certificate(resource: Resource, native: NativeResource, certificate: Path) -> None:
    """`custom_certificate` and the `minimum_protocol_version` default (shared with
    CloudFormation)."""
    certificates = [resource.attributes[key] for key in ("acm_certificate", "iam_certificate")
                    if key in resource.attributes]
    conditional = next((c for c in certificates
                        if isinstance(c, Unknown) and c.alternatives is not None), None)
    if conditional is not None and conditional.alternatives is not None:
        # a viewer certificate written under a condition (`Fn::If`): decided per branch
        count = len(conditional.alternatives)
        branches = tuple(any(_branch(c, i) is not None for c in certificates)
                         for i in range(count))
        set_at(resource, "custom_certificate",
               conditional.derived(branches),
               where(native, certificate, False))
        version = resource.attributes.get("minimum_protocol_version")
        set_at(resource, "minimum_protocol_version", Unknown(
            conditional.reason, conditional.ref, tuple(
                (_branch(version, i) or DEFAULT_MIN_VERSION) if custom else None
                for i, custom in enumerate(branches))), where(native, certificate, False))
        return
    custom = bool(certificates)
    set_at(resource, "custom_certificate", custom, where(native, certificate, False))
    if custom and "minimum_protocol_version" not in resource.attributes:
        set_default(resource, "minimum_protocol_version", DEFAULT_MIN_VERSION)


def _branch(value: Any, index: int) -> Any:
    """The value of branch `index` of a conditional value (the value itself when it is
    not conditional; None when absent)."""
    if isinstance(value, Unknown) and value.alternatives is not None:
        return value.alternatives[index] if index < len(value.alternatives) else None
    return value


def _finish(resource: Resource, native: NativeResource) -> None:
    set_behaviors(resource, native, ("default_cache_behavior",), ("ordered_cache_behavior",),
                  {"path_pattern": "path_pattern",
                   "viewer_protocol_policy": "viewer_protocol_policy",
                   "target_origin_id": "target_origin_id"})
    finish_certificate(resource, native, ("viewer_certificate",))
    _logging(resource, native)
    _origins(resource, native)


def _origins(resource: Resource, native: NativeResource) -> None:
    """`origins` from the `origin` blocks, `plain_http` from the behaviors and the
    `origin_group` blocks (`govern.adapters.cloudfront_origins`)."""
    blocks = blocks_in(native.attributes, "origin")
    if isinstance(blocks, Unknown):
        set_at(resource, "origins", blocks, where(native, "origin", False))
        return
    origins: list[Any] = []
    for index, block in enumerate(blocks):
        if isinstance(block, Unknown) or not isinstance(block, dict):
            origins.append(block if isinstance(block, Unknown) else Unknown("not a block"))
            continue
        custom = first_block(block, "custom_origin_config")
        policy = custom if isinstance(custom, Unknown) else \
            _known(value_in(custom, "origin_protocol_policy"))
        origins.append(origin_entry(_known(value_in(block, "origin_id")),
                                    _known(value_in(block, "domain_name")), policy,
                                    custom is not MISSING,
                                    first_block(block, "vpc_origin_config") is not MISSING))
        carry_locations(resource, native, ("origin", index), ("origins", index))
    groups = blocks_in(native.attributes, "origin_group")
    members = groups if isinstance(groups, Unknown) else group_members(
        _group(group) for group in groups)
    set_plain_http(origins, members, resource.attributes.get("cache_behaviors"))
    set_at(resource, "origins", origins, where(native, "origin", False))


def _group(group: Any) -> tuple[Any, Any]:
    """(id, member origin ids) of an `origin_group` block."""
    if isinstance(group, Unknown) or not isinstance(group, dict):
        unknown = group if isinstance(group, Unknown) else Unknown("not a block")
        return unknown, unknown
    members = blocks_in(group, "member")
    ids: Any = members if isinstance(members, Unknown) else [
        m if isinstance(m, Unknown) else _known(value_in(m, "origin_id")) for m in members]
    return _known(value_in(group, "origin_id")), ids


def _known(value: Any) -> Any:
    return None if value is MISSING else value


def _logging(resource: Resource, native: NativeResource) -> None:
    """`logging` from the `logging_config` block: `{enabled: true, bucket, prefix}`."""
    block = first_block(native.attributes, "logging_config")
    if block is MISSING:
        return
    if isinstance(block, Unknown):
        set_at(resource, "logging", {"enabled": block}, where(native, "logging_config", False))
        return
    path: Path = ("logging_config", 0)
    set_at(resource, "logging", {"enabled": True}, where(native, path, False))
    copy(resource, native, (*path, "bucket"), "logging.bucket")
    copy(resource, native, (*path, "prefix"), "logging.prefix")


_CERT = "viewer_certificate.0."

MAPPINGS = {
    "aws_cloudfront_distribution": KindMapping(KIND, (
        field("acm_certificate", _CERT + "acm_certificate_arn"),
        field("iam_certificate", _CERT + "iam_certificate_id"),
        field("minimum_protocol_version", _CERT + "minimum_protocol_version"),
    ), _finish),
}


def fold_delivery_source(native: NativeResource, ctx: RootContext) -> None:
    """`aws_cloudwatch_log_delivery_source`: `access_log_delivery` of the distribution its
    `resource_arn` designates, when its `log_type` is `ACCESS_LOGS` (or not known)."""
    log_type = value_at(native, "log_type")
    if isinstance(log_type, str) and log_type != "ACCESS_LOGS":
        return
    found = ctx.designated(value_at(native, "resource_arn"), [KIND], native, by_name=False)
    if len(found) != 1:
        return
    ctx.absorb(native, found[0])
    enabled = log_type if isinstance(log_type, Unknown) else True
    set_at(found[0], "access_log_delivery", enabled, native.range)


FOLDERS = {
    "aws_cloudwatch_log_delivery_source": fold_delivery_source,
}
