"""Azure storage accounts: `azurerm_storage_account`, with `azurerm_storage_account_network_rules`
folded in.

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
An `azurerm_storage_account_network_rules` replaces it: it names its account by
`storage_account_id` (v3, v4), or by `storage_account_name` in its `resource_group_name`
(v2); one whose account is not in the configuration is judged on an external parent.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.storage import network_action
from govern.adapters.building import clear, copy, field, set_default
from govern.adapters.external import named, opened
from govern.adapters.reading import MISSING, value_at
from govern.adapters.terraform.context import RootContext
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.parsers.native import NativeResource

KIND = "azure.storage.account"
DEFAULT_ACTION = "network_rules.default_action"


def _finish_account(resource: Resource, native: NativeResource) -> None:
    written_for_v2 = value_at(native, "allow_blob_public_access") is not MISSING
    if written_for_v2 and ("min_tls_version",) in resource.defaulted:
        set_default(resource, "min_tls_version", "TLS1_0")


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
        field("shared_key_access_enabled", "shared_access_key_enabled", default=True),
        field("infrastructure_encryption_enabled", default=False),
    ), _finish_account),
}

FOLDERS = {"azurerm_storage_account_network_rules": fold_network_rules}
