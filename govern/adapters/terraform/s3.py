"""S3 buckets: `aws_s3_bucket` with its legacy inline blocks, and the separate resources of
AWS provider v4+ folded into the bucket they name.

The canonical `encryption` says only what the configuration states: absent when nothing is
configured (even though AWS has encrypted new buckets with SSE-S3 by default since 2023;
rules decide what that means).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import (
    carry_locations,
    clear,
    copy,
    new_resource,
    set_at,
    set_default,
    where,
)
from govern.adapters.external import named
from govern.adapters.iam_document import normalize_policy_document
from govern.adapters.reading import (
    MISSING,
    blocks_in,
    first_block,
    located_or_resource,
    value_in,
)
from govern.adapters.terraform.context import RootContext
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "aws.s3.bucket"

PUBLIC_ACCESS_BLOCK_FLAGS = ("block_public_acls", "block_public_policy", "ignore_public_acls",
                             "restrict_public_buckets")


def build_bucket(native: NativeResource) -> Resource:
    bucket = new_resource(native, KIND)
    copy(bucket, native, "bucket", "name")
    copy(bucket, native, "acl", "acl")
    _legacy_grants(bucket, native)
    if value_in(native.attributes, "server_side_encryption_configuration") is not MISSING:
        _encryption(bucket, native, ("server_side_encryption_configuration", 0), folded=False)
    copy(bucket, native, "policy", "policy", normalize_policy_document)
    _legacy_versioning(bucket, native)
    if value_in(native.attributes, "logging") is not MISSING:
        _logging(bucket, native, ("logging", 0), folded=False)
    return bucket


def link_bucket(bucket: Resource, native: NativeResource, ctx: RootContext) -> None:
    """A `logging_target` edge to the bucket receiving this one's access logs."""
    target = bucket.get("logging.target_bucket")
    if target is None:
        return
    found = ctx.designated(target, [KIND], native)
    if len(found) == 1:
        ctx.connect(bucket, found[0], "logging_target")


# ----- folding the separate resources -------------------------------------------------


def _bucket_of(native: NativeResource, ctx: RootContext) -> Resource | None:
    """The bucket `bucket` names: one of the configuration, or an external parent (every
    separate setting replaces a whole canonical attribute, so what it says is known)."""
    bucket = ctx.fold_target(native, "bucket", [KIND], "bucket",
                             external=(KIND, "aws_s3_bucket", named()))
    if bucket is not None:
        ctx.absorb(native, bucket)
    return bucket


def fold_encryption(native: NativeResource, ctx: RootContext) -> None:
    bucket = _bucket_of(native, ctx)
    if bucket is not None:
        clear(bucket, "encryption")
        _encryption(bucket, native, (), folded=True)


def fold_public_access_block(native: NativeResource, ctx: RootContext) -> None:
    bucket = _bucket_of(native, ctx)
    if bucket is None:
        return
    clear(bucket, "public_access_block")
    set_at(bucket, "public_access_block", {}, native.range)
    for flag in PUBLIC_ACCESS_BLOCK_FLAGS:
        if not copy(bucket, native, flag, ("public_access_block", flag), folded=True):
            set_default(bucket, ("public_access_block", flag), False)


def fold_policy(native: NativeResource, ctx: RootContext) -> None:
    bucket = _bucket_of(native, ctx)
    if bucket is not None:
        clear(bucket, "policy")
        copy(bucket, native, "policy", "policy", normalize_policy_document, folded=True)


def fold_ownership_controls(native: NativeResource, ctx: RootContext) -> None:
    """`aws_s3_bucket_ownership_controls`: `object_ownership` (`BucketOwnerEnforced`
    disables ACLs)."""
    bucket = _bucket_of(native, ctx)
    if bucket is not None:
        clear(bucket, "object_ownership")
        copy(bucket, native, ("rule", 0, "object_ownership"), "object_ownership", folded=True)


def fold_acl(native: NativeResource, ctx: RootContext) -> None:
    """`aws_s3_bucket_acl` replaces the bucket's whole ACL: a canned `acl` and/or an
    `access_control_policy` with explicit grants."""
    bucket = _bucket_of(native, ctx)
    if bucket is None:
        return
    clear(bucket, "acl")
    clear(bucket, "grants")
    copy(bucket, native, "acl", "acl", folded=True)
    policy = first_block(native.attributes, "access_control_policy")
    if policy is MISSING:
        return
    prefix: Path = ("access_control_policy", 0)
    if isinstance(policy, Unknown):
        set_at(bucket, "grants", policy, where(native, prefix, folded=True))
        return
    grants = blocks_in(policy, "grant")
    if isinstance(grants, Unknown):
        set_at(bucket, "grants", grants, where(native, prefix, folded=True))
        return
    entries: list[Any] = []
    set_at(bucket, "grants", entries, where(native, prefix, folded=True))
    for index, grant in enumerate(grants):
        path = (*prefix, "grant", index)
        if isinstance(grant, Unknown):
            entries.append(grant)
        else:
            grantee = first_block(grant, "grantee")
            entries.append(_grant(grantee, value_in(grant, "permission")))
        bucket.locations[("grants", len(entries) - 1)] = located_or_resource(native, path)


def fold_versioning(native: NativeResource, ctx: RootContext) -> None:
    bucket = _bucket_of(native, ctx)
    if bucket is None:
        return
    clear(bucket, "versioning")
    config = first_block(native.attributes, "versioning_configuration")
    if config is MISSING:
        return
    path: Path = ("versioning_configuration", 0)
    set_at(bucket, "versioning", {}, native.range)
    if isinstance(config, Unknown):
        set_at(bucket, "versioning.enabled", config, where(native, path, folded=True))
        return
    status = value_in(config, "status")
    if status is not MISSING:
        enabled = status if isinstance(status, Unknown) else status == "Enabled"
        set_at(bucket, "versioning.enabled", enabled, where(native, (*path, "status"), True))
    mfa = value_in(config, "mfa_delete")
    if mfa is not MISSING:
        value = mfa if isinstance(mfa, Unknown) else mfa == "Enabled"
        set_at(bucket, "versioning.mfa_delete", value, where(native, (*path, "mfa_delete"), True))


def fold_logging(native: NativeResource, ctx: RootContext) -> None:
    bucket = _bucket_of(native, ctx)
    if bucket is not None:
        clear(bucket, "logging")
        _logging(bucket, native, (), folded=True)


FOLDERS = {
    "aws_s3_bucket_server_side_encryption_configuration": fold_encryption,
    "aws_s3_bucket_public_access_block": fold_public_access_block,
    "aws_s3_bucket_policy": fold_policy,
    "aws_s3_bucket_acl": fold_acl,
    "aws_s3_bucket_ownership_controls": fold_ownership_controls,
    "aws_s3_bucket_versioning": fold_versioning,
    "aws_s3_bucket_logging": fold_logging,
}


# ----- shared by the inline blocks and the separate resources ------------------------


def _encryption(bucket: Resource, native: NativeResource, prefix: Path, folded: bool) -> None:
    """`encryption` from a server-side encryption configuration (the legacy inline block at
    `prefix`, or the separate resource itself with `prefix` empty): enabled when a rule
    applies a default encryption, with its algorithm and KMS key."""
    rules = blocks_in(native.attributes, (*prefix, "rule"))
    if isinstance(rules, Unknown):
        set_at(bucket, "encryption", {"enabled": rules}, where(native, prefix, folded))
        return
    for index, rule in enumerate(rules):
        path: Path = (*prefix, "rule", index)
        default = rule if isinstance(rule, Unknown) else first_block(
            rule, "apply_server_side_encryption_by_default")
        if default is MISSING:
            continue
        if isinstance(default, Unknown):
            set_at(bucket, "encryption", {"enabled": default}, where(native, path, folded))
            return
        by_default: Path = (*path, "apply_server_side_encryption_by_default", 0)
        set_at(bucket, "encryption", {"enabled": True}, where(native, prefix, folded))
        enabled_at = where(native, (*by_default, "sse_algorithm"), folded)
        if enabled_at is not None:
            bucket.locations[("encryption", "enabled")] = enabled_at
        copy(bucket, native, (*by_default, "sse_algorithm"), "encryption.algorithm",
             folded=folded)
        copy(bucket, native, (*by_default, "kms_master_key_id"), "encryption.kms_key",
             folded=folded)
        copy(bucket, native, (*path, "bucket_key_enabled"), "encryption.bucket_key_enabled",
             folded=folded)
        return
    set_at(bucket, "encryption", {"enabled": False}, where(native, prefix, folded))


def _logging(bucket: Resource, native: NativeResource, prefix: Path, folded: bool) -> None:
    block = first_block(native.attributes, "logging") if prefix else native.attributes
    if isinstance(block, Unknown):
        set_at(bucket, "logging", {"enabled": block}, where(native, prefix, folded))
        return
    set_at(bucket, "logging", {"enabled": True}, where(native, prefix, folded))
    copy(bucket, native, (*prefix, "target_bucket"), "logging.target_bucket", folded=folded)
    copy(bucket, native, (*prefix, "target_prefix"), "logging.target_prefix", folded=folded)


def _legacy_versioning(bucket: Resource, native: NativeResource) -> None:
    block = first_block(native.attributes, "versioning")
    if block is MISSING:
        return
    path: Path = ("versioning", 0)
    if isinstance(block, Unknown):
        set_at(bucket, "versioning", {"enabled": block}, where(native, path, False))
        return
    set_at(bucket, "versioning", {}, where(native, path, False))
    for name in ("enabled", "mfa_delete"):
        if not copy(bucket, native, (*path, name), ("versioning", name)):
            set_default(bucket, ("versioning", name), False)


def _legacy_grants(bucket: Resource, native: NativeResource) -> None:
    """Inline `grant` blocks, one canonical grant per permission."""
    grants = blocks_in(native.attributes, "grant")
    if isinstance(grants, Unknown):
        set_at(bucket, "grants", grants, where(native, "grant", False))
        return
    if not grants:
        return
    entries: list[Any] = []
    set_at(bucket, "grants", entries, where(native, "grant", False))
    for index, grant in enumerate(grants):
        path: Path = ("grant", index)
        if isinstance(grant, Unknown):
            permissions: Any = [grant]
        else:
            permissions = value_in(grant, "permissions")
            if not isinstance(permissions, list):
                permissions = [permissions]
        for permission in permissions:
            entries.append(grant if isinstance(grant, Unknown) else _grant(grant, permission))
            position = len(entries) - 1
            carry_locations(bucket, native, path, ("grants", position))
            if not isinstance(grant, Unknown):
                carry_locations(bucket, native, (*path, "type"),
                                ("grants", position, "grantee_type"))
                carry_locations(bucket, native, (*path, "permissions"),
                                ("grants", position, "permission"))


def _grant(grantee: Any, permission: Any) -> Any:
    """A canonical grant: `{grantee_type, uri, id, email, permission}`, the keys that are
    set."""
    if isinstance(grantee, Unknown):
        return grantee
    entry: dict[str, Any] = {}
    for native_name, name in (("type", "grantee_type"), ("uri", "uri"), ("id", "id"),
                              ("email_address", "email")):
        value = value_in(grantee, native_name) if isinstance(grantee, dict) else MISSING
        if value is not MISSING:
            entry[name] = value
    if permission is not MISSING:
        entry["permission"] = permission
    return entry
