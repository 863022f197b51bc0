"""Service account keys: `google_service_account_key`, as `gcp.iam.service_account_key`.

Every key a Terraform resource makes is user-managed (`user_managed` true): Google
generates the pair and returns the private key (`origin` `google`), or the resource
uploads the public key of a pair the user made (`public_key_data` written: `origin`
`uploaded`). `service_account` is `service_account_id` as written.
"""

from __future__ import annotations

from govern.adapters.building import field, set_at, set_default, where
from govern.adapters.reading import MISSING, value_at
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.parsers.native import NativeResource


def _finish(resource: Resource, native: NativeResource) -> None:
    set_at(resource, "user_managed", True, native.range)
    if value_at(native, "public_key_data") is MISSING:
        set_default(resource, "origin", "google")
    else:
        set_at(resource, "origin", "uploaded", where(native, "public_key_data", False))


MAPPINGS = {
    "google_service_account_key": KindMapping("gcp.iam.service_account_key", (
        field("service_account", "service_account_id"),
    ), _finish),
}
