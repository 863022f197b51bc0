"""azurerm settings read for the Azure hardening rules: API Management's legacy protocol
switches, Windows Automatic Updates, Service Bus encryption and identity, storage
replication, AKS add-ons and upgrade channel."""

from __future__ import annotations

from typing import Any

import pytest

from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one


@pytest.mark.parametrize("security, frontend, backend", [
    ([], "1.2", "1.2"),
    ([{"frontend_tls11_enabled": True}], "1.1", "1.2"),
    ([{"enable_frontend_tls10": True, "enable_frontend_tls11": True}], "1.0", "1.2"),
    ([{"backend_ssl30_enabled": True, "backend_tls10_enabled": True}], "1.2", "ssl3.0"),
    ([{"enable_backend_tls11": "true"}], "1.2", "1.1"),
])
def test_api_management_minimum_protocols(security: list[dict[str, Any]], frontend: str,
                                          backend: str) -> None:
    service = adapt_one("azurerm_api_management.a", {"security": security})
    assert (service.attributes["min_tls_version"],
            service.attributes["backend_min_tls_version"]) == (frontend, backend)


def test_api_management_unknown_switch_below_the_known_ones() -> None:
    service = adapt_one("azurerm_api_management.a", {"security": [{
        "frontend_ssl30_enabled": Unknown("var.ssl"), "frontend_tls11_enabled": True,
        "backend_tls10_enabled": Unknown("var.tls10"), "backend_ssl30_enabled": True}]})
    assert isinstance(service.attributes["min_tls_version"], Unknown)
    # SSL 3.0 is on: whatever TLS 1.0 is, the minimum is SSL 3.0
    assert service.attributes["backend_min_tls_version"] == "ssl3.0"
    dynamic = adapt_one("azurerm_api_management.a", {"security": Unknown("dynamic")})
    assert isinstance(dynamic.attributes["min_tls_version"], Unknown)


def test_windows_automatic_updates() -> None:
    default = adapt_one("azurerm_windows_virtual_machine.vm", {})
    assert default.attributes["automatic_updates_enabled"] is True
    assert ("automatic_updates_enabled",) in default.defaulted
    v3 = adapt_one("azurerm_windows_virtual_machine_scale_set.s",
                   {"enable_automatic_updates": False})
    assert v3.attributes["automatic_updates_enabled"] is False
    flex = adapt_one("azurerm_orchestrated_virtual_machine_scale_set.s",
                     {"os_profile": [{"windows_configuration": [{}]}]})
    assert flex.attributes["automatic_updates_enabled"] is True
    flex_linux = adapt_one("azurerm_orchestrated_virtual_machine_scale_set.s",
                           {"os_profile": [{"linux_configuration": [{}]}]})
    assert "automatic_updates_enabled" not in flex_linux.attributes
    legacy = adapt_one("azurerm_virtual_machine.vm", {"os_profile_windows_config": [{}]})
    assert legacy.attributes["automatic_updates_enabled"] is False
    legacy_on = adapt_one("azurerm_virtual_machine_scale_set.s", {
        "os_profile_windows_config": [{"enable_automatic_upgrades": True}]})
    assert legacy_on.attributes["automatic_updates_enabled"] is True
    linux = adapt_one("azurerm_linux_virtual_machine.vm", {})
    assert "automatic_updates_enabled" not in linux.attributes
    unknown = adapt_one("azurerm_virtual_machine.vm",
                        {"os_profile_windows_config": Unknown("dynamic")})
    assert isinstance(unknown.attributes["automatic_updates_enabled"], Unknown)


def test_servicebus_customer_managed_key_and_identity() -> None:
    plain = adapt_one("azurerm_servicebus_namespace.n", {"customer_managed_key": []})
    assert plain.attributes["customer_managed_key_enabled"] is False
    assert "identity_type" not in plain.attributes
    keyed = adapt_one("azurerm_servicebus_namespace.n", {
        "identity": [{"type": "UserAssigned"}],
        "customer_managed_key": [{"key_vault_key_id": "k", "identity_id": "i",
                                  "infrastructure_encryption_enabled": True}]})
    assert (keyed.attributes["customer_managed_key_enabled"],
            keyed.attributes["infrastructure_encryption_enabled"],
            keyed.attributes["identity_type"]) == (True, True, "UserAssigned")
    dynamic = adapt_one("azurerm_servicebus_namespace.n",
                        {"customer_managed_key": Unknown("dynamic")})
    assert isinstance(dynamic.attributes["customer_managed_key_enabled"], Unknown)


@pytest.mark.parametrize("written, expected", [("GRS", "GRS"), ("ragzrs", "RAGZRS"),
                                               ("LRS", "LRS")])
def test_storage_replication(written: str, expected: str) -> None:
    account = adapt_one("azurerm_storage_account.s", {"account_replication_type": written})
    assert account.attributes["replication"] == expected


def test_storage_replication_not_a_type_is_unknown() -> None:
    account = adapt_one("azurerm_storage_account.s", {"account_replication_type": "XRS"})
    assert isinstance(account.attributes["replication"], Unknown)


def test_aks_addons_and_upgrade_channel() -> None:
    current = adapt_one("azurerm_kubernetes_cluster.k", {
        "azure_policy_enabled": True, "http_application_routing_enabled": True,
        "automatic_upgrade_channel": "Patch"})
    assert (current.attributes["azure_policy_enabled"],
            current.attributes["http_application_routing_enabled"],
            current.attributes["automatic_upgrade_channel"]) == (True, True, "patch")
    older = adapt_one("azurerm_kubernetes_cluster.k", {
        "addon_profile": [{"azure_policy": [{"enabled": True}],
                           "http_application_routing": [{"enabled": False}]}],
        "automatic_channel_upgrade": "stable"})
    assert (older.attributes["azure_policy_enabled"],
            older.attributes["http_application_routing_enabled"],
            older.attributes["automatic_upgrade_channel"]) == (True, False, "stable")
