"""Systems Manager: `aws_ssm_parameter` (a `SecureString` without `key_id` is encrypted
with the AWS managed key `alias/aws/ssm`) and `aws_ssm_document` (its `permissions` map,
`type = "Share"` with `account_ids` a comma-separated list of accounts or `All`)."""

from __future__ import annotations

from typing import Any

from govern.adapters.building import field, set_at, set_default
from govern.adapters.reading import MISSING, located, value_at
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

PUBLIC = "All"


def shared_accounts(account_ids: str) -> list[str]:
    """The accounts of a comma-separated `account_ids`; `all` in any case as `All`."""
    accounts = [item.strip() for item in account_ids.split(",") if item.strip()]
    return [PUBLIC if item.lower() == "all" else item for item in accounts]


def _finish_document(resource: Resource, native: NativeResource) -> None:
    permissions = value_at(native, "permissions")
    if permissions is MISSING:
        set_default(resource, "shared_with", [])
        return
    accounts: Any = value_at(native, "permissions.account_ids")
    if isinstance(permissions, Unknown) or isinstance(accounts, Unknown):
        resource.set(("shared_with",), accounts if isinstance(accounts, Unknown)
                     else permissions)
        return
    shared = shared_accounts(str(accounts)) if accounts is not MISSING else []
    set_at(resource, "shared_with", shared, located(native, "permissions"))


MAPPINGS = {
    "aws_ssm_parameter": KindMapping("aws.ssm.parameter", (
        field("name"),
        field("type"),
        field("kms_key", "key_id", default="alias/aws/ssm"),
    )),
    "aws_ssm_document": KindMapping("aws.ssm.document", (
        field("name"),
    ), _finish_document),
}
