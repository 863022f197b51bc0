"""BigQuery: `google_bigquery_dataset` with its inline `access` blocks.

`name` is `dataset_id`; `access` is a list of `{role, special_group, iam_member,
user_by_email, group_by_email, domain}` (the keys that are set), absent when no `access`
block is written; `kms_key` is `default_encryption_configuration.kms_key_name` (absent:
Google-managed keys).
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field, set_at, where
from govern.adapters.reading import MISSING, blocks_in, value_at, value_in
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

_ACCESS_KEYS = ("role", "special_group", "iam_member", "user_by_email", "group_by_email",
                "domain")


def _finish(resource: Resource, native: NativeResource) -> None:
    if value_at(native, "access") is MISSING:
        return
    blocks = blocks_in(native.attributes, "access")
    at = where(native, "access", False)
    if isinstance(blocks, Unknown):
        set_at(resource, "access", [blocks], at)
        return
    entries: list[Any] = []
    set_at(resource, "access", entries, at)
    for index, block in enumerate(blocks):
        if isinstance(block, Unknown):
            entries.append(block)
            continue
        entries.append({key: value for key in _ACCESS_KEYS
                        if (value := value_in(block, key)) is not MISSING})
        carry_locations(resource, native, ("access", index), ("access", index))


MAPPINGS = {
    "google_bigquery_dataset": KindMapping("gcp.bigquery.dataset", (
        field("name", "dataset_id"),
        field("location"),
        field("kms_key", "default_encryption_configuration.0.kms_key_name"),
    ), _finish),
}
