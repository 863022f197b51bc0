"""S3: `AWS::S3::Bucket` (encryption, public access block, canned ACL, object ownership,
versioning, logging, tags) and `AWS::S3::BucketPolicy` folded into the bucket its `Bucket` names
(`!Ref X`, or the bucket's literal `BucketName`).

The canonical values are the Terraform adapter's: `encryption.enabled` is true when a rule
applies a default encryption (false when the configuration has none), the public access
block flags not written are false, `AccessControl: PublicRead` is the canned ACL
`public-read`. A block chosen by a condition that is not known (`!If [C, {...},
!Ref AWS::NoValue]`) is an Unknown whose alternatives are the canonical blocks.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, clear, convert, copy, where
from govern.adapters.cloudformation.building import new_resource
from govern.adapters.cloudformation.context import TemplateContext
from govern.adapters.cloudformation.values import canned_acl, mapped, to_bool
from govern.adapters.external import named
from govern.adapters.iam_document import normalize_policy_document
from govern.adapters.reading import MISSING, value_at, value_in
from govern.model.resource import Path, Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "aws.s3.bucket"
PUBLIC_ACCESS_BLOCK_FLAGS = {
    "block_public_acls": "BlockPublicAcls", "block_public_policy": "BlockPublicPolicy",
    "ignore_public_acls": "IgnorePublicAcls", "restrict_public_buckets": "RestrictPublicBuckets",
}
_ENCRYPTION = ("BucketEncryption", "ServerSideEncryptionConfiguration")


def build_bucket(native: NativeResource) -> Resource:
    bucket = new_resource(native, KIND)
    copy(bucket, native, "BucketName", "name")
    copy(bucket, native, "AccessControl", "acl", canned_acl)
    copy(bucket, native, ("OwnershipControls", "Rules", 0, "ObjectOwnership"),
         "object_ownership")
    _block(bucket, native, "BucketEncryption", "encryption", encryption)
    rule = _first_encryption_rule(native)
    if rule is not None:
        default: Path = (*_ENCRYPTION, rule, "ServerSideEncryptionByDefault")
        for native_path, canonical in (((*default, "SSEAlgorithm"), "enabled"),
                                       ((*default, "SSEAlgorithm"), "algorithm"),
                                       ((*default, "KMSMasterKeyID"), "kms_key"),
                                       ((*_ENCRYPTION, rule, "BucketKeyEnabled"),
                                        "bucket_key_enabled")):
            found = where(native, native_path, folded=False)
            written = bucket.attributes.get("encryption")
            if found is not None and isinstance(written, dict) and canonical in written:
                bucket.locations[("encryption", canonical)] = found
    if _block(bucket, native, "PublicAccessBlockConfiguration", "public_access_block",
              public_access_block):
        block = bucket.attributes["public_access_block"]
        for flag, prop in PUBLIC_ACCESS_BLOCK_FLAGS.items():
            path = ("PublicAccessBlockConfiguration", prop)
            if value_at(native, path) is not MISSING:
                carry_locations(bucket, native, path, ("public_access_block", flag))
            elif isinstance(block, dict):
                bucket.defaulted.add(("public_access_block", flag))
    if _block(bucket, native, "VersioningConfiguration", "versioning", versioning):
        carry_locations(bucket, native, ("VersioningConfiguration", "Status"),
                        ("versioning", "enabled"))
    if _block(bucket, native, "LoggingConfiguration", "logging", logging):
        carry_locations(bucket, native, ("LoggingConfiguration", "DestinationBucketName"),
                        ("logging", "target_bucket"))
        carry_locations(bucket, native, ("LoggingConfiguration", "LogFilePrefix"),
                        ("logging", "target_prefix"))
    return bucket


def fold_policy(native: NativeResource, ctx: TemplateContext) -> None:
    """`AWS::S3::BucketPolicy`: its document becomes the bucket's `policy`."""
    bucket = ctx.fold_target(native, "Bucket", [KIND], "bucket",
                             external=(KIND, "AWS::S3::Bucket", named()))
    if bucket is None:
        return
    ctx.absorb(native, bucket)
    clear(bucket, "policy")
    copy(bucket, native, "PolicyDocument", "policy", normalize_policy_document, folded=True)


def link_bucket(bucket: Resource, native: NativeResource, ctx: TemplateContext) -> None:
    """A `logging_target` edge to the bucket receiving this one's access logs."""
    target = bucket.get("logging.target_bucket")
    if target is None:
        return
    found = ctx.designated(target, [KIND])
    if len(found) == 1:
        ctx.connect(bucket, found[0], "logging_target")


# ----- canonical blocks (pure functions of the native block) --------------------------


def encryption(config: Any) -> Any:
    rules = value_in(config, "ServerSideEncryptionConfiguration")
    if rules is MISSING:
        return {"enabled": False}
    if isinstance(rules, Unknown):
        return {"enabled": rules.derived()}
    for rule in rules if isinstance(rules, list) else [rules]:
        if isinstance(rule, Unknown):
            return {"enabled": rule.derived()}
        default = value_in(rule, "ServerSideEncryptionByDefault")
        if default is MISSING:
            continue
        if isinstance(default, Unknown):
            return {"enabled": default.derived()}
        found: dict[str, Any] = {"enabled": True}
        for prop, name in (("SSEAlgorithm", "algorithm"), ("KMSMasterKeyID", "kms_key")):
            value = value_in(default, prop)
            if value is not MISSING:
                found[name] = value
        bucket_key = value_in(rule, "BucketKeyEnabled")
        if bucket_key is not MISSING:
            found["bucket_key_enabled"] = convert(bucket_key, to_bool)
        return found
    return {"enabled": False}


def public_access_block(config: Any) -> Any:
    if not isinstance(config, dict):
        return Unknown("PublicAccessBlockConfiguration is not a mapping")
    block: dict[str, Any] = {}
    for flag, prop in PUBLIC_ACCESS_BLOCK_FLAGS.items():
        value = value_in(config, prop)
        block[flag] = False if value is MISSING else convert(value, to_bool)
    return block


def versioning(config: Any) -> Any:
    status = value_in(config, "Status")
    if status is MISSING:
        return {}
    return {"enabled": convert(status, lambda s: s == "Enabled")}


def logging(config: Any) -> Any:
    found: dict[str, Any] = {"enabled": True}
    for prop, name in (("DestinationBucketName", "target_bucket"),
                       ("LogFilePrefix", "target_prefix")):
        value = value_in(config, prop)
        if value is not MISSING:
            found[name] = value
    return found


# ----- helpers ------------------------------------------------------------------------


def _block(bucket: Resource, native: NativeResource, prop: str, canonical: str,
           function: Any) -> bool:
    """Set `canonical` from the native block `prop` (through `function`, per alternative);
    False when the block is not written."""
    raw = value_at(native, prop)
    if raw is MISSING:
        return False
    if isinstance(raw, Unknown) and raw.alternatives is None:
        value: Any = {"enabled": raw} if canonical != "public_access_block" else raw
    else:
        value = mapped(raw, function)
    bucket.set((canonical,), value, where(native, prop, folded=False))
    return True


def _first_encryption_rule(native: NativeResource) -> int | None:
    """The index of the rule that applies a default encryption, if it is known."""
    rules = value_at(native, _ENCRYPTION)
    if not isinstance(rules, list):
        return None
    for index, rule in enumerate(rules):
        if isinstance(rule, dict) and "ServerSideEncryptionByDefault" in rule:
            return index
    return None
