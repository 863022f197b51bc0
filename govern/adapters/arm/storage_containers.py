"""Blob containers of Azure storage accounts, folded into their account's `containers`:
`Microsoft.Storage/storageAccounts/blobServices/containers` (nested in the account's
`blobServices`, or at the top level named `<account>/default/<container>`).

- `name`: the last segment of the container's name;
- `public_access` <- `properties.publicAccess` (`None` -> `private`, `Blob` -> `blob`,
  `Container` -> `container`, any case); default `private` (Azure's default is `None`).

A `blobServices` resource is folded into its account, so a container nested in it finds
the account through it; its `properties.deleteRetentionPolicy.enabled` and
`containerDeleteRetentionPolicy.enabled` give the account's `blob_soft_delete_enabled` and
`container_soft_delete_enabled` (false, Azure's default, when not written). Otherwise
the account is the one of the template named by the first segment of the container's name
(compared as `ArmContext.named` does), else an external parent holding only the
containers.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.building import carry, convert, copy
from govern.adapters.arm.context import ArmContext
from govern.adapters.arm.network import split_rule_name
from govern.adapters.arm.reading import MISSING, find, located
from govern.adapters.arm.storage import KIND, access_level
from govern.model.resource import Resource
from govern.parsers.native import NativeResource

BLOB_SERVICES_TYPE = "microsoft.storage/storageaccounts/blobservices"
CONTAINER_TYPE = "microsoft.storage/storageaccounts/blobservices/containers"
SOFT_DELETE = {"blob_soft_delete_enabled": "deleteRetentionPolicy",
               "container_soft_delete_enabled": "containerDeleteRetentionPolicy"}


def fold_blob_services(native: NativeResource, ctx: ArmContext) -> None:
    """A `blobServices` resource belongs to its account (its containers nested in it then
    find the account through it); one whose account is not in the template is left alone
    (it carries nothing to judge)."""
    account = _account(native, ctx, _segments(native.attributes.get("name"), 1)[0],
                       external=False)
    if account is not None:
        ctx.absorb(native, account)
        for canonical, policy in SOFT_DELETE.items():
            if copy(account, native, ("properties", policy, "enabled"), (canonical,)):
                account.defaulted.discard((canonical,))


def fold_container(native: NativeResource, ctx: ArmContext) -> None:
    """A blob container -> an item of its account's `containers`."""
    account_name, name = _segments(native.attributes.get("name"), 2)
    account = _account(native, ctx, account_name)
    if account is None:
        return
    ctx.absorb(native, account)
    containers = account.attributes.get("containers")
    if not isinstance(containers, list):
        containers = account.attributes["containers"] = []
    index = len(containers)
    account.locations[("containers", index)] = native.range
    item: dict[str, Any] = {}
    if name is not MISSING:
        item["name"] = name
        name_at = located(native, ("name",))
        if name_at is not None:
            account.locations[("containers", index, "name")] = name_at
    containers.append(item)
    access, written = find(native.attributes, ("properties", "publicAccess"))
    if access is MISSING:
        item["public_access"] = "private"
        account.defaulted.add(("containers", index, "public_access"))
    else:
        item["public_access"] = convert(access, access_level)
        carry(account, native, written, ("containers", index, "public_access"))


def _account(native: NativeResource, ctx: ArmContext, account_name: Any,
             external: bool = True) -> Resource | None:
    """The account of a child resource: the resource its lexical parent belongs to, else
    the account of the template named by the first segment of the child's name, else
    (when `external`) an external parent."""
    account = ctx.owner((native.provider or {}).get("parent"))
    if account is not None and account.kind == KIND:
        return account
    if account_name is MISSING:
        if not external:
            return None
        ctx.note(native, "storage account not known statically (the name is not "
                 "<account>/default/...)", "fold-target-unknown")
        return None
    found = ctx.named(KIND, account_name)
    if len(found) > 1:
        names = ", ".join(r.address for r in found)
        ctx.note(native, f"storage account is ambiguous (one of {names})",
                 "fold-target-ambiguous")
        return None
    if found or not external:
        return found[0] if found else None
    return ctx.external_parent(native, KIND, account_name, "storage account", _named,
                               levels=native.native_type.count("/") - 1)


def _named(account: Resource, name: Any) -> None:
    account.set(("name",), name)


def _segments(name: Any, depth: int) -> tuple[Any, Any]:
    """The account's name and the child's own name, from a child's full name with `depth`
    segments below the account (`st/default/logs`, depth 2 -> (`st`, `logs`)); the account
    is MISSING when the name does not say it."""
    head, own = split_rule_name(name)
    for _ in range(depth - 1):
        if head is MISSING:
            break
        head, _service = split_rule_name(head)
    return head, own
