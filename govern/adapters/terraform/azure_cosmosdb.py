"""Azure Cosmos DB accounts: `azurerm_cosmosdb_account`.

Defaults are the provider's (azurerm v3 and v4): `public_network_access_enabled` true,
`is_virtual_network_filter_enabled` false, `access_key_metadata_writes_enabled` true.
`ip_range_filter` is a list of addresses or ranges (azurerm v4 writes a set; v3 a
comma-separated string, split here); `virtual_network_rules` the subnet `id`s of the
`virtual_network_rule` blocks. Both are absent when not written.

`kind` defaults to `GlobalDocumentDB`; `local_auth_enabled` is the negation of
`local_authentication_disabled`, or a later release's `local_authentication_enabled`
(default: keys accepted, true); `customer_managed_key_id` is
`key_vault_key_id` or v4's `managed_hsm_key_id`, absent when neither is written.
"""

from __future__ import annotations

from typing import Any

from govern.adapters.arm.mapping import negated
from govern.adapters.building import copy, field, set_default
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.model.unknown import Unknown
from govern.parsers.native import NativeResource


def ip_ranges(value: Any) -> Any:
    """`"1.2.3.4,10.0.0.0/16"` (v3) or `["1.2.3.4"]` (v4) -> a list of ranges."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list):
        return value
    return Unknown("ip_range_filter is neither a string nor a list")


def subnet_ids(value: Any) -> Any:
    """`virtual_network_rule` blocks -> their `id`s (Unknown blocks stay Unknown)."""
    blocks = value if isinstance(value, list) else [value]
    return [block.get("id", Unknown("the rule has no id")) if isinstance(block, dict)
            else block for block in blocks if block is not None]


def _finish(resource: Resource, native: NativeResource) -> None:
    if "local_auth_enabled" not in resource.attributes and not copy(
            resource, native, "local_authentication_disabled", "local_auth_enabled", negated):
        set_default(resource, "local_auth_enabled", True)


MAPPINGS = {
    "azurerm_cosmosdb_account": KindMapping("azure.cosmosdb.account", (
        field("name"),
        field("resource_group_name"),
        field("public_network_access_enabled", default=True),
        field("is_virtual_network_filter_enabled", default=False),
        field("ip_range_filter", function=ip_ranges),
        field("virtual_network_rules", "virtual_network_rule", function=subnet_ids),
        field("access_key_metadata_writes_enabled", default=True),
        field("kind", default="GlobalDocumentDB"),
        field("local_auth_enabled", "local_authentication_enabled"),
        field("customer_managed_key_id", "key_vault_key_id", "managed_hsm_key_id"),
    ), _finish),
}
