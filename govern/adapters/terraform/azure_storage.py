"""Azure storage accounts: `azurerm_storage_account`, with `azurerm_storage_account_network_rules`
and `azurerm_storage_container` folded in.

Attribute names changed across azurerm versions; the first one set wins:
`https_traffic_only_enabled` (v4) / `enable_https_traffic_only` (v2, v3) -> `https_only`;
`allow_nested_items_to_be_public` (v3, v4) / `allow_blob_public_access` (v2) ->
`allow_blob_public_access`.

Defaults are the provider's: `https_only` true; `allow_blob_public_access` true (v3 and v4
default `allow_nested_items_to_be_public` to true); `min_tls_version` `TLS1_2` (v3 and v4).
`shared_access_key_enabled` (-> `shared_key_access_enabled`) defaults to true and
`infrastructure_encryption_enabled` to false (v2, v3, v4); `public_network_access_enabled`
to true (v3, v4; v2 has no such argument and leaves Azure's default, reachable).
A configuration written for v2 (it sets `allow_blob_public_access`) gets v2's
`min_tls_version` default, `TLS1_0`.

`network_rules.default_action` comes from the first `network_rules` block (`Allow`/`Deny`,
any case, written as Azure does); absent without one (Azure then admits every network).
`network_rules.bypass` comes from the same block (or resource), `["AzureServices"]` when it
is not written there (Azure's default). An `azurerm_storage_account_network_rules`
replaces the block: it names its account by
`storage_account_id` (v3, v4), or by `storage_account_name` in its `resource_group_name`
(v2); one whose account is not in the configuration is judged on an external parent.

`cross_tenant_replication_enabled` is copied; when it is not written, azurerm v2 and v3
default it to true and v4 to false: true for a configuration that writes
`enable_https_traffic_only` (removed in v4), Unknown otherwise (the provider version is not
in the code).

`account_kind` defaults to `StorageV2`. `replication` <- `account_replication_type` (upper
case). `blob_soft_delete_enabled` and
`container_soft_delete_enabled` are true when `blob_properties` has a
`delete_retention_policy` / `container_delete_retention_policy` block (their `days`
default to 7), false when it has none or is not written (no soft delete: Azure's default
outside the portal); Unknown when a block is not known statically.

`customer_managed_key_enabled` is true when the account has a `customer_managed_key` block
(Unknown when the block is a `dynamic` one over a value not known statically), or when an
`azurerm_storage_account_customer_managed_key` names it by `storage_account_id`; false
otherwise (Microsoft-managed keys).

Each `azurerm_storage_container` adds an item to its account's `containers`: `name`, and
`public_access` from `container_access_type` (`private` when not written, the provider's
default). It names its account by `storage_account_id` (azurerm v4) or by
`storage_account_name` (account names are unique in Azure); one whose account is not in
the configuration is judged on an external parent holding only its containers.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.storage import (
    access_level,
    bypass_list,
    network_action,
    replication,
)
from govern.adapters.building import (
    carry_locations,
    clear,
    copy,
    field,
    set_default,
    to_bool,
)
from govern.adapters.external import named, opened
from govern.adapters.reading import MISSING, blocks_in, first_block, value_at
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource

KIND = "azure.storage.account"
DEFAULT_ACTION = "network_rules.default_action"
BYPASS = "network_rules.bypass"
CMK = "customer_managed_key_enabled"
CROSS_TENANT = "cross_tenant_replication_enabled"


def _finish_account(resource: Resource, native: NativeResource) -> None:
    written_for_v2 = value_at(native, "allow_blob_public_access") is not MISSING
    if written_for_v2 and ("min_tls_version",) in resource.defaulted:
        set_default(resource, "min_tls_version", "TLS1_0")
    rules = resource.attributes.get("network_rules")
    if isinstance(first_block(native.attributes, "network_rules"), dict) and not (
            isinstance(rules, dict) and "bypass" in rules):
        set_default(resource, BYPASS, ["AzureServices"])  # Azure's default
    if not copy(resource, native, "cross_tenant_replication_enabled",
                "cross_tenant_replication_enabled", to_bool):
        if value_at(native, "enable_https_traffic_only") is not MISSING:
            set_default(resource, CROSS_TENANT, True)  # written for azurerm v2/v3
        else:
            resource.set((CROSS_TENANT,), Unknown(
                "cross_tenant_replication_enabled is not written: azurerm v2/v3 default it "
                "to true, v4 to false, and the provider version is not known"))
    _soft_delete(resource, native)
    blocks = blocks_in(native.attributes, "customer_managed_key")
    if isinstance(blocks, Unknown) or blocks:
        resource.set((CMK,), blocks if isinstance(blocks, Unknown) else True)
        carry_locations(resource, native, "customer_managed_key", CMK)
    else:
        set_default(resource, CMK, False)


SOFT_DELETE = {"blob_soft_delete_enabled": "delete_retention_policy",
               "container_soft_delete_enabled": "container_delete_retention_policy"}


def _soft_delete(resource: Resource, native: NativeResource) -> None:
    """Soft delete is on when its retention policy block is written in `blob_properties`."""
    properties = first_block(native.attributes, "blob_properties")
    for canonical, block in SOFT_DELETE.items():
        if properties is MISSING:
            set_default(resource, canonical, False)
            continue
        policy = properties if isinstance(properties, Unknown) else first_block(properties,
                                                                                 block)
        if policy is MISSING:
            set_default(resource, canonical, False)
            carry_locations(resource, native, "blob_properties", canonical)
            resource.defaulted.add((canonical,))
        else:
            resource.set((canonical,), policy if isinstance(policy, Unknown) else True)
            carry_locations(resource, native, ("blob_properties", 0, block), canonical)


def fold_customer_managed_key(native: NativeResource, ctx: RootContext) -> None:
    """`azurerm_storage_account_customer_managed_key` -> its account uses a customer-managed
    key."""
    account = ctx.fold_target(native, "storage_account_id", [KIND], "storage account",
                              by_name=False,
                              external=(KIND, "azurerm_storage_account", opened()))
    if account is None:
        return
    ctx.absorb(native, account)
    account.defaulted.discard((CMK,))
    account.set((CMK,), True)
    account.locations[(CMK,)] = native.range


def fold_network_rules(native: NativeResource, ctx: RootContext) -> None:
    """`azurerm_storage_account_network_rules` -> its account's `network_rules`."""
    if value_at(native, "storage_account_id") is not MISSING:
        account = ctx.fold_target(native, "storage_account_id", [KIND], "storage account",
                                  by_name=False, external=(KIND, "azurerm_storage_account",
                                                           opened()))
    else:
        account = _by_name(native, ctx)
    if account is None:
        return
    ctx.absorb(native, account)
    clear(account, "network_rules")
    copy(account, native, "default_action", DEFAULT_ACTION, network_action, folded=True)
    if not copy(account, native, "bypass", BYPASS, bypass_list, folded=True):
        set_default(account, BYPASS, ["AzureServices"])
        account.locations[("network_rules", "bypass")] = native.range


def _by_name(native: NativeResource, ctx: RootContext) -> Resource | None:
    """azurerm v2: the account named `storage_account_name` in `resource_group_name`."""
    group = value_at(native, "resource_group_name")

    def same_group(account: Resource) -> bool:
        theirs = account.attributes.get("resource_group_name")
        return not (isinstance(group, str) and isinstance(theirs, str) and group != theirs)

    def setup(account: Resource, name: Any) -> None:
        named()(account, name)
        if group is not MISSING:
            account.set(("resource_group_name",), group)

    name = value_at(native, "storage_account_name")
    address = f"{group}/{name}" if isinstance(name, str) and isinstance(group, str) else name
    return ctx.single(native, name, [KIND], "storage account", keep=same_group,
                      attribute="storage_account_name",
                      external=(KIND, "azurerm_storage_account", setup), address=address)


def fold_container(native: NativeResource, ctx: RootContext) -> None:
    """`azurerm_storage_container` -> an item of its account's `containers`."""
    by_id = value_at(native, "storage_account_id") is not MISSING
    account = ctx.fold_target(
        native, "storage_account_id" if by_id else "storage_account_name", [KIND],
        "storage account", by_name=not by_id,
        external=(KIND, "azurerm_storage_account", opened() if by_id else named()))
    if account is None:
        return
    ctx.absorb(native, account)
    containers = account.attributes.get("containers")
    if not isinstance(containers, list):
        containers = account.attributes["containers"] = []
    index = len(containers)
    access = value_at(native, "container_access_type")
    item: dict[str, Any] = {"public_access": "private" if access is MISSING
                            else access_level(access)}
    name = value_at(native, "name")
    if name is not MISSING:
        item["name"] = name
    containers.append(item)
    account.locations[("containers", index)] = native.range
    if access is MISSING:
        account.defaulted.add(("containers", index, "public_access"))
    else:
        carry_locations(account, native, "container_access_type",
                        ("containers", index, "public_access"), folded=True)
    if name is not MISSING:
        carry_locations(account, native, "name", ("containers", index, "name"), folded=True)


MAPPINGS = {
    "azurerm_storage_account": KindMapping(KIND, (
        field("name"),
        field("resource_group_name"),
        field("https_only", "https_traffic_only_enabled", "enable_https_traffic_only",
              default=True),
        field("min_tls_version", default="TLS1_2"),
        field("allow_blob_public_access", "allow_nested_items_to_be_public",
              "allow_blob_public_access", default=True),
        field("public_network_access_enabled", default=True),
        field(DEFAULT_ACTION, "network_rules.0.default_action", function=network_action),
        field(BYPASS, "network_rules.0.bypass", function=bypass_list),
        field("shared_key_access_enabled", "shared_access_key_enabled", default=True),
        field("infrastructure_encryption_enabled", default=False),
        field("account_kind", default="StorageV2"),
        field("replication", "account_replication_type", function=replication),
    ), _finish_account),
}

FOLDERS = {
    "azurerm_storage_account_network_rules": fold_network_rules,
    "azurerm_storage_container": fold_container,
    "azurerm_storage_account_customer_managed_key": fold_customer_managed_key,
}
