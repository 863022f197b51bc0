"""Cloud Storage: `google_storage_bucket`, with the bucket IAM resources folded into the
bucket their `bucket` names (a reference to the bucket, or its literal name):
`google_storage_bucket_iam_binding` (`role`, `members`) and
`google_storage_bucket_iam_member` (`role`, `member`), each one entry of `iam_bindings`
(`{role, members: [..]}`, in source order), and the authoritative
`google_storage_bucket_iam_policy`, one entry per binding of its `policy_data` (the JSON
of a `data.google_iam_policy`, or written as text); a `policy_data` not known statically
is one Unknown entry.

Defaults are the provider's: `uniform_bucket_level_access` false (fine-grained ACLs),
`versioning.enabled` false. `kms_key` is `encryption.default_kms_key_name` (absent: Google
managed keys); `access_log_bucket` is `logging.log_bucket` (absent: no access logs);
`retention_locked` is `retention_policy.is_locked` (false when not written).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field
from govern.adapters.external import named
from govern.adapters.reading import MISSING, value_at
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.gcp_iam_policy import iam_members, policy_bindings
from govern.adapters.terraform.mapping import KindMapping
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "gcp.storage.bucket"

MAPPINGS = {
    "google_storage_bucket": KindMapping(KIND, (
        field("name"),
        field("location"),
        field("uniform_bucket_level_access", default=False),
        field("public_access_prevention"),
        field("versioning.enabled", "versioning.0.enabled", default=False),
        field("kms_key", "encryption.0.default_kms_key_name"),
        field("access_log_bucket", "logging.0.log_bucket"),
        field("retention_locked", "retention_policy.0.is_locked", default=False),
    )),
}


def fold_bucket_iam(native: NativeResource, ctx: RootContext) -> None:
    bucket = ctx.fold_target(native, "bucket", [KIND], "bucket", external=(
        KIND, "google_storage_bucket", named(("iam_bindings", "IAM bindings"))))
    if bucket is None:
        return
    ctx.absorb(native, bucket)
    bindings = bucket.attributes.get("iam_bindings")
    if not isinstance(bindings, list):
        bindings = []
        bucket.attributes["iam_bindings"] = bindings
    if native.native_type == "google_storage_bucket_iam_policy":
        for binding in policy_bindings(value_at(native, "policy_data")):
            bindings.append(binding if isinstance(binding, Unknown) else {
                key: binding[key] for key in ("role", "members") if key in binding})
            bucket.locations[("iam_bindings", len(bindings) - 1)] = native.range
        return
    members, attribute = iam_members(native)
    entry: dict[str, Any] = {"members": members}
    role = value_at(native, "role")
    if role is not MISSING:
        entry["role"] = role
    bindings.append({key: entry[key] for key in ("role", "members") if key in entry})
    index = len(bindings) - 1
    bucket.locations[("iam_bindings", index)] = native.range
    carry_locations(bucket, native, "role", ("iam_bindings", index, "role"), folded=True)
    carry_locations(bucket, native, attribute, ("iam_bindings", index, "members"),
                    folded=True)


FOLDERS = {
    "google_storage_bucket_iam_binding": fold_bucket_iam,
    "google_storage_bucket_iam_member": fold_bucket_iam,
    "google_storage_bucket_iam_policy": fold_bucket_iam,
}
