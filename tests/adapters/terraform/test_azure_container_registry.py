"""`azurerm_container_registry` -> `azure.containerregistry.registry`."""

from __future__ import annotations

from tests.adapters.terraform.azure_helpers import adapt_one


def test_defaults() -> None:
    registry = adapt_one("azurerm_container_registry.cr", {"name": "cr", "sku": "Basic"})
    assert registry.kind == "azure.containerregistry.registry"
    assert registry.attributes == {"name": "cr", "sku": "Basic", "admin_enabled": False,
                                   "anonymous_pull_enabled": False,
                                   "public_network_access_enabled": True, "tags": {}}
    assert registry.defaulted == {("admin_enabled",), ("anonymous_pull_enabled",),
                                  ("public_network_access_enabled",)}


def test_written_values() -> None:
    registry = adapt_one("azurerm_container_registry.cr", {
        "admin_enabled": True, "public_network_access_enabled": False,
        "anonymous_pull_enabled": True,
        "network_rule_set": [{"default_action": "Deny", "ip_rule": []}]})
    assert registry.attributes == {"admin_enabled": True, "anonymous_pull_enabled": True,
                                   "public_network_access_enabled": False,
                                   "network_rule_set": {"default_action": "Deny"},
                                   "tags": {}}
    assert registry.defaulted == set()


def test_sku_in_any_case_is_written_as_azure_does() -> None:
    assert adapt_one("azurerm_container_registry.cr", {"sku": "premium"}).attributes[
        "sku"] == "Premium"
    assert adapt_one("azurerm_container_registry.cr", {"sku": "Gold"}).attributes[
        "sku"] == "Gold"
