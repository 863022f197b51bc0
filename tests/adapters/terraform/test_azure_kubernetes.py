"""`azurerm_kubernetes_cluster` -> `azure.containerservice.managed_cluster`."""

from __future__ import annotations

from govern.model.unknown import Unknown
from tests.adapters.terraform.azure_helpers import adapt_one
from tests.adapters.terraform.natives import lines


def test_defaults() -> None:
    cluster = adapt_one("azurerm_kubernetes_cluster.k", {"name": "aks"})
    assert cluster.kind == "azure.containerservice.managed_cluster"
    assert cluster.attributes == {"name": "aks", "private_cluster_enabled": False,
                                  "local_accounts_enabled": True, "rbac_enabled": True,
                                  "monitoring_enabled": False, "network_policy": "none",
                                  "azure_policy_enabled": False,
                                  "http_application_routing_enabled": False,
                                  "automatic_upgrade_channel": "none", "tags": {}}
    assert cluster.defaulted == {("private_cluster_enabled",), ("local_accounts_enabled",),
                                 ("rbac_enabled",), ("monitoring_enabled",),
                                 ("network_policy",), ("azure_policy_enabled",),
                                 ("http_application_routing_enabled",),
                                 ("automatic_upgrade_channel",)}


def test_authorized_ranges_current_and_legacy() -> None:
    current = adapt_one("azurerm_kubernetes_cluster.k", {
        "private_cluster_enabled": True,
        "api_server_access_profile": [{"authorized_ip_ranges": ["203.0.113.0/24"]}]})
    assert current.attributes == {"private_cluster_enabled": True,
                                  "api_server_authorized_ip_ranges": ["203.0.113.0/24"],
                                  "local_accounts_enabled": True, "rbac_enabled": True,
                                  "monitoring_enabled": False, "network_policy": "none",
                                  "azure_policy_enabled": False,
                                  "http_application_routing_enabled": False,
                                  "automatic_upgrade_channel": "none", "tags": {}}
    legacy = adapt_one("azurerm_kubernetes_cluster.k", {
        "api_server_authorized_ip_ranges": ["198.51.100.0/24"]})
    assert legacy.attributes["api_server_authorized_ip_ranges"] == ["198.51.100.0/24"]


def test_local_accounts_and_rbac_current_and_legacy() -> None:
    current = adapt_one("azurerm_kubernetes_cluster.k", {
        "local_account_disabled": True, "role_based_access_control_enabled": False},
        locations={"local_account_disabled": 7})
    assert (current.attributes["local_accounts_enabled"],
            current.attributes["rbac_enabled"]) == (False, False)
    assert current.location("local_accounts_enabled") == lines(7)
    legacy = adapt_one("azurerm_kubernetes_cluster.k", {
        "role_based_access_control": [{"enabled": False}]})
    assert legacy.attributes["rbac_enabled"] is False
    assert ("rbac_enabled",) not in legacy.defaulted


def test_monitoring_current_and_legacy() -> None:
    current = adapt_one("azurerm_kubernetes_cluster.k", {
        "oms_agent": [{"log_analytics_workspace_id": "/subscriptions/x/workspaces/w"}]},
        locations={"oms_agent": 9})
    assert current.attributes["monitoring_enabled"] is True
    assert current.location("monitoring_enabled") == lines(9)
    assert ("monitoring_enabled",) not in current.defaulted
    planned = adapt_one("azurerm_kubernetes_cluster.k", {"oms_agent": []})
    assert planned.attributes["monitoring_enabled"] is False
    legacy = adapt_one("azurerm_kubernetes_cluster.k", {
        "addon_profile": [{"oms_agent": [{"enabled": False}]}]})
    assert legacy.attributes["monitoring_enabled"] is False
    assert ("monitoring_enabled",) not in legacy.defaulted
    odd = adapt_one("azurerm_kubernetes_cluster.k", {
        "addon_profile": [{"oms_agent": [{"enabled": "yes"}]}]})
    assert isinstance(odd.attributes["monitoring_enabled"], Unknown)


def test_disk_encryption_set() -> None:
    cluster = adapt_one("azurerm_kubernetes_cluster.k", {"disk_encryption_set_id": "/des/x"},
                        locations={"disk_encryption_set_id": 4})
    assert cluster.attributes["disk_encryption_set_id"] == "/des/x"
    assert cluster.location("disk_encryption_set_id") == lines(4)
    assert "disk_encryption_set_id" not in adapt_one("azurerm_kubernetes_cluster.k",
                                                     {}).attributes
