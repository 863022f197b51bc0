"""Azure storage accounts: `azurerm_storage_account`.

Attribute names changed across azurerm versions; the first one set wins:
`https_traffic_only_enabled` (v4) / `enable_https_traffic_only` (v2, v3) -> `https_only`;
`allow_nested_items_to_be_public` (v3, v4) / `allow_blob_public_access` (v2) ->
`allow_blob_public_access`.

Defaults are the provider's: `https_only` true; `allow_blob_public_access` true (v3 and v4
default `allow_nested_items_to_be_public` to true); `min_tls_version` `TLS1_2` (v3 and v4).
`shared_access_key_enabled` (-> `shared_key_access_enabled`) defaults to true and
`infrastructure_encryption_enabled` to false (v2, v3, v4).
A configuration written for v2 (it sets `allow_blob_public_access`) gets v2's
`min_tls_version` default, `TLS1_0`.
"""

from __future__ import annotations

from govern.adapters.building import field, set_default
from govern.adapters.reading import MISSING, value_at
from govern.adapters.terraform.mapping import KindMapping
from govern.model.resource import Resource
from govern.parsers.native import NativeResource


def _finish_account(resource: Resource, native: NativeResource) -> None:
    written_for_v2 = value_at(native, "allow_blob_public_access") is not MISSING
    if written_for_v2 and ("min_tls_version",) in resource.defaulted:
        set_default(resource, "min_tls_version", "TLS1_0")


MAPPINGS = {
    "azurerm_storage_account": KindMapping("azure.storage.account", (
        field("name"),
        field("resource_group_name"),
        field("https_only", "https_traffic_only_enabled", "enable_https_traffic_only",
              default=True),
        field("min_tls_version", default="TLS1_2"),
        field("allow_blob_public_access", "allow_nested_items_to_be_public",
              "allow_blob_public_access", default=True),
        field("public_network_access_enabled"),
        field("shared_key_access_enabled", "shared_access_key_enabled", default=True),
        field("infrastructure_encryption_enabled", default=False),
    ), _finish_account),
}
