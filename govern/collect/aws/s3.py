"""S3 buckets as `aws.s3.bucket`, with the same canonical values as the S3 adapters.

`encryption` is absent when the bucket has no encryption configuration (moto answers
ServerSideEncryptionConfigurationNotFoundError; real AWS reports SSE-S3 for every bucket
since 2023, which becomes `{enabled: true, algorithm: AES256}`), as for a template that
sets nothing: the rule decides.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from govern.collect.aws.reader import Failed, Reader
from govern.collect.aws.resources import live_resource
from govern.collect.aws.values import set_maybe_absent, set_policy, tag_map
from govern.model.resource import Resource

KIND = "aws.s3.bucket"
NATIVE_TYPE = "AWS::S3::Bucket"
PUBLIC_ACCESS_BLOCK_FLAGS = {"BlockPublicAcls": "block_public_acls",
                             "BlockPublicPolicy": "block_public_policy",
                             "IgnorePublicAcls": "ignore_public_acls",
                             "RestrictPublicBuckets": "restrict_public_buckets"}
_GRANTEE = (("Type", "grantee_type"), ("URI", "uri"), ("ID", "id"),
            ("EmailAddress", "email"))


def collect_buckets(client: Any, reader: Reader, account: str, default_region: str,
                    regions: frozenset[str] | None, max_workers: int) -> list[Resource]:
    """Every bucket (in `regions`, or all when None), read concurrently."""
    listed = reader.pages(client, "ListBuckets", "account", "Buckets")
    if isinstance(listed, Failed):
        return []
    names = sorted(str(b["Name"]) for b in listed)
    with ThreadPoolExecutor(max_workers=max_workers) as pool:
        found = list(pool.map(lambda name: _bucket(client, reader, account, default_region,
                                                   name), names))
    return [b for b in found if regions is None or b.context.rsplit(":", 1)[1] in regions]


def _bucket(client: Any, reader: Reader, account: str, default_region: str,
            name: str) -> Resource:
    arn = f"arn:aws:s3:::{name}"
    location = reader.call(client, "GetBucketLocation", arn, Bucket=name)
    region = default_region
    if isinstance(location, dict):
        region = location.get("LocationConstraint") or "us-east-1"
    bucket = live_resource(arn, KIND, NATIVE_TYPE, account, region)
    bucket.set("name", name)
    for read in _READERS:
        read(client, reader, bucket, name)
    return bucket


def _encryption(client: Any, reader: Reader, bucket: Resource, name: str) -> None:
    answer = reader.call(client, "GetBucketEncryption", bucket.id, frozenset(
        {"ServerSideEncryptionConfigurationNotFoundError"}), Bucket=name)
    if answer is None:
        return
    if isinstance(answer, Failed):
        bucket.set("encryption", answer.unknown)
        return
    rules = answer.get("ServerSideEncryptionConfiguration", {}).get("Rules", [])
    for rule in rules:
        default = rule.get("ApplyServerSideEncryptionByDefault")
        if default is None:
            continue
        encryption: dict[str, Any] = {"enabled": True, "algorithm": default["SSEAlgorithm"]}
        if default.get("KMSMasterKeyID"):
            encryption["kms_key"] = default["KMSMasterKeyID"]
        if "BucketKeyEnabled" in rule:
            encryption["bucket_key_enabled"] = bool(rule["BucketKeyEnabled"])
        bucket.set("encryption", encryption)
        return
    bucket.set("encryption", {"enabled": False})


def _public_access_block(client: Any, reader: Reader, bucket: Resource, name: str) -> None:
    answer = reader.call(client, "GetPublicAccessBlock", bucket.id,
                         frozenset({"NoSuchPublicAccessBlockConfiguration"}), Bucket=name)
    if answer is None:
        return
    if isinstance(answer, Failed):
        bucket.set("public_access_block", answer.unknown)
        return
    config = answer.get("PublicAccessBlockConfiguration", {})
    bucket.set("public_access_block", {canonical: bool(config.get(native, False))
                                       for native, canonical in
                                       PUBLIC_ACCESS_BLOCK_FLAGS.items()})


def _policy(client: Any, reader: Reader, bucket: Resource, name: str) -> None:
    answer = reader.call(client, "GetBucketPolicy", bucket.id,
                         frozenset({"NoSuchBucketPolicy"}), Bucket=name)
    if answer is None:
        return
    if isinstance(answer, Failed):
        set_maybe_absent(bucket, answer.unknown, "policy")  # a bucket may have none
        return
    set_policy(bucket, answer["Policy"])


def _acl(client: Any, reader: Reader, bucket: Resource, name: str) -> None:
    """The grants, one canonical grant per (grantee, permission), as `fold_acl` builds
    them from an `access_control_policy`. A live bucket has no canned ACL, only grants."""
    answer = reader.call(client, "GetBucketAcl", bucket.id, Bucket=name)
    if isinstance(answer, Failed):
        bucket.set("grants", answer.unknown)
        return
    assert answer is not None
    grants: list[Any] = []
    for grant in answer.get("Grants", []):
        grantee = grant.get("Grantee", {})
        entry = {canonical: grantee[native] for native, canonical in _GRANTEE
                 if native in grantee}
        entry["permission"] = grant.get("Permission")
        grants.append(entry)
    bucket.set("grants", grants)


def _ownership(client: Any, reader: Reader, bucket: Resource, name: str) -> None:
    """`object_ownership` (`BucketOwnerEnforced`: ACLs are disabled); absent when the
    bucket has no ownership controls."""
    answer = reader.call(client, "GetBucketOwnershipControls", bucket.id,
                         frozenset({"OwnershipControlsNotFoundError"}), Bucket=name)
    if isinstance(answer, Failed):
        set_maybe_absent(bucket, answer.unknown, "object_ownership")
        return
    rules = (answer or {}).get("OwnershipControls", {}).get("Rules") or [{}]
    if rules[0].get("ObjectOwnership"):
        bucket.set("object_ownership", rules[0]["ObjectOwnership"])


def _versioning(client: Any, reader: Reader, bucket: Resource, name: str) -> None:
    answer = reader.call(client, "GetBucketVersioning", bucket.id, Bucket=name)
    if isinstance(answer, Failed):
        bucket.set("versioning", {"enabled": answer.unknown, "mfa_delete": answer.unknown})
        return
    assert answer is not None
    bucket.set("versioning", {"enabled": answer.get("Status") == "Enabled",
                              "mfa_delete": answer.get("MFADelete") == "Enabled"})


def _logging(client: Any, reader: Reader, bucket: Resource, name: str) -> None:
    answer = reader.call(client, "GetBucketLogging", bucket.id, Bucket=name)
    if isinstance(answer, Failed):
        bucket.set("logging", {"enabled": answer.unknown})
        return
    assert answer is not None
    enabled = answer.get("LoggingEnabled")
    if enabled is None:
        return  # as a template without a logging block
    logging: dict[str, Any] = {"enabled": True, "target_bucket": enabled.get("TargetBucket")}
    if enabled.get("TargetPrefix"):
        logging["target_prefix"] = enabled["TargetPrefix"]
    bucket.set("logging", logging)


def _tags(client: Any, reader: Reader, bucket: Resource, name: str) -> None:
    answer = reader.call(client, "GetBucketTagging", bucket.id,
                         frozenset({"NoSuchTagSet", "NoSuchTagSetError"}), Bucket=name)
    if isinstance(answer, Failed):
        bucket.set("tags", answer.unknown)
        return
    bucket.set("tags", tag_map(answer.get("TagSet") if answer else ()))


_READERS: tuple[Callable[[Any, Reader, Resource, str], None], ...] = (
    _encryption, _public_access_block, _policy, _acl, _ownership, _versioning, _logging,
    _tags)
