"""BigQuery: `google_bigquery_dataset` with its inline `access` blocks, and
`google_bigquery_table`.

`name` is `dataset_id`; `access` is a list of `{role, special_group, iam_member,
user_by_email, group_by_email, domain}` (the keys that are set), absent when no `access`
block is written; `kms_key` is `default_encryption_configuration.kms_key_name` (absent:
Google-managed keys).

The separate access resources are folded into `access`, after the inline blocks, into the
dataset their `dataset_id` names (a reference to it, or its literal id), in source order:
`google_bigquery_dataset_access` gives one entry with the same keys as an `access` block;
`google_bigquery_dataset_iam_member` gives `{role, iam_member: member}`;
`google_bigquery_dataset_iam_binding` one such entry per member of `members`, and
`google_bigquery_dataset_iam_policy` one per member of each binding of its `policy_data`.
A member list or `policy_data` not known statically is one Unknown entry.

Tables: `name` is `table_id`, `dataset` `dataset_id`, `view` whether a `view` block is
written (a logical view; default false), `kms_key` the table's own
`encryption_configuration.kms_key_name`. A table that writes none is created with its
dataset's default key (BigQuery applies `default_encryption_configuration` to new tables
that do not name a key): linked to the one dataset of the configuration its `dataset_id`
designates (a reference, or its literal id), it takes that dataset's `kms_key`, marked as
defaulted (absent when the dataset has none); when the dataset is not in the
configuration, `kms_key` is Unknown and not even known to be set. `deletion_protection`
(Terraform's guard against destroying the table) is true when not written.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.building import carry_locations, field, set_at, where
from govern.adapters.external import named
from govern.adapters.reading import MISSING, blocks_in, value_at, value_in
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.gcp_iam_policy import policy_bindings
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Undeclared, Unknown
from govern.parsers.native import NativeResource

KIND = "gcp.bigquery.dataset"
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


def _finish_table(resource: Resource, native: NativeResource) -> None:
    view = blocks_in(native.attributes, "view")
    if isinstance(view, Unknown) or view:
        set_at(resource, "view", view if isinstance(view, Unknown) else True,
               where(native, "view", False))
    else:
        resource.set(("view",), False, defaulted=True)


def link_table(resource: Resource, native: NativeResource, ctx: RootContext) -> None:
    """A table that names no key of its own takes its dataset's default key."""
    if "kms_key" in resource.attributes:
        return
    datasets = ctx.designated(value_at(native, "dataset_id"), [KIND], native)
    if len(datasets) != 1 or datasets[0].external:
        resource.set(("kms_key",), Undeclared(
            "not written: the table takes its dataset's default key, and the dataset is "
            "not in this configuration"))
        return
    key = datasets[0].attributes.get("kms_key")
    if key is not None:
        resource.set(("kms_key",), key, where(native, "dataset_id", False), defaulted=True)


MAPPINGS = {
    "google_bigquery_dataset": KindMapping(KIND, (
        field("name", "dataset_id"),
        field("location"),
        field("kms_key", "default_encryption_configuration.0.kms_key_name"),
    ), _finish),
    "google_bigquery_table": KindMapping("gcp.bigquery.table", (
        field("name", "table_id"),
        field("dataset", "dataset_id"),
        field("kms_key", "encryption_configuration.0.kms_key_name"),
        field("deletion_protection", default=True),
    ), _finish_table),
}


def _member_entries(role: Any, members: Any) -> list[Any]:
    """`{role, iam_member}` for each member granted `role`."""
    if isinstance(members, Unknown):
        return [members]
    if not isinstance(members, list):
        members = [members]
    entries: list[Any] = []
    for member in members:
        if isinstance(member, Unknown):
            entries.append(member)
            continue
        entry: dict[str, Any] = {"iam_member": member}
        if role is not MISSING:
            entry = {"role": role, **entry}
        entries.append(entry)
    return entries


def _entries(native: NativeResource) -> list[Any]:
    """The access entries a separate dataset access or IAM resource grants."""
    kind = native.native_type
    if kind == "google_bigquery_dataset_access":
        return [{key: value for key in _ACCESS_KEYS
                 if (value := value_at(native, key)) is not MISSING}]
    if kind == "google_bigquery_dataset_iam_policy":
        entries: list[Any] = []
        for binding in policy_bindings(value_at(native, "policy_data")):
            if isinstance(binding, Unknown):
                entries.append(binding)
            else:
                entries.extend(_member_entries(binding.get("role", MISSING),
                                               binding["members"]))
        return entries
    name = "member" if kind == "google_bigquery_dataset_iam_member" else "members"
    members = value_at(native, name)
    return _member_entries(value_at(native, "role"), [] if members is MISSING else members)


def fold_dataset_access(native: NativeResource, ctx: RootContext) -> None:
    dataset = ctx.fold_target(native, "dataset_id", [KIND], "dataset", external=(
        KIND, "google_bigquery_dataset", named(("access", "access entries"))))
    if dataset is None:
        return
    ctx.absorb(native, dataset)
    access = dataset.attributes.get("access")
    if not isinstance(access, list):
        access = []
        dataset.attributes["access"] = access
    for entry in _entries(native):
        access.append(entry)
        dataset.locations[("access", len(access) - 1)] = native.range


FOLDERS = {
    "google_bigquery_dataset_access": fold_dataset_access,
    "google_bigquery_dataset_iam_binding": fold_dataset_access,
    "google_bigquery_dataset_iam_member": fold_dataset_access,
    "google_bigquery_dataset_iam_policy": fold_dataset_access,
}
